import { transcriptText, type NewComplaint } from '../../domain/complaint';
import { ERASURE_REQUEST } from '../../domain/privacy';
import type { ComplaintChannel, TriageInput, TriageResult } from '../../domain/triage-result';
import type { ReplyContext } from '../../redis/reply-context';
import { faqReply, type FaqHit } from '../../domain/faq';
import { OTHER_MATTERS, PROMPT_FOR_COMPLAINT } from './faq';
import {
  CONFIRM,
  DONT_KNOW,
  EDIT,
  emptyState,
  MAX_FILES,
  MAX_TURNS,
  missingEssentials,
  PROGRESS,
  QUESTIONS,
  RESTART,
  summary,
  type IntakeState,
} from './intake-state';

export interface IntakeDeps {
  /** The channel this conversation runs on: the personal-account bot, the Official Account or WeCom. */
  channel: ComplaintChannel;
  state: {
    get(contactId: string): Promise<IntakeState | null>;
    set(contactId: string, s: IntakeState): Promise<void>;
    clear(contactId: string): Promise<void>;
  };
  withLock: <T>(resource: string, fn: () => Promise<T>) => Promise<T>;
  triage: (input: TriageInput) => TriageResult;
  acceptComplaint(input: NewComplaint): Promise<{ complaintId: string; created: boolean }>;
  progressFor(contactId: string, caseNumber: string | null): Promise<string>;
  /** Per-contact budget: a flood is answered once and otherwise ignored. */
  rateLimit(contactId: string): Promise<'ok' | 'warn' | 'drop'>;
  storeEvidence(e: { channelUserId: string; name: string; mime: string; data: Buffer; transcript?: string }): Promise<string>;
  /** Per-contact bytes of evidence a day: false when this file would go over. */
  evidenceBudget(contactId: string, bytes: number): Promise<boolean>;
  /** The FAQ entry a consultation is answered with (the bureau's own, cached in the process). */
  faqFor(text: string): Promise<FaqHit>;
  /** Speech to text for voice messages; absent when no speech endpoint is configured. */
  transcribe?: (audio: { name: string; mime: string; data: Buffer }) => Promise<string>;
  /**
   * The case we last wrote to this contact about, and what their answer to it does (the payment
   * question, satisfaction, a reply to a notice). Null from `answer` when the message is not about it.
   */
  replyTo?: {
    get(contactId: string): Promise<ReplyContext | null>;
    answer(contactId: string, ctx: ReplyContext, text: string, opts: { looksLikeNewComplaint: boolean }): Promise<string[] | null>;
  };
  /** The privacy notice (PIPL art. 17), given once, before the first reply to a contact new to us. */
  privacyNotice?: {
    text: string;
    /** The contact was given the notice (or was known before it was remembered). */
    given(contactId: string): Promise<boolean>;
    remember(contactId: string): Promise<void>;
    /** The contact has a complainant record: they complained before. */
    complainedBefore(contactId: string): Promise<boolean>;
  };
}

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'];

export interface IncomingFile {
  contactId: string;
  name: string;
  mime: string;
  data: Buffer;
}

/** A photo of an IOU, a contract or pay records: kept as evidence and registered with the complaint. */
export async function handleIntakeFile(deps: IntakeDeps, f: IncomingFile): Promise<string[]> {
  const budget = await deps.rateLimit(f.contactId);
  if (budget === 'drop') return [];
  if (budget === 'warn') return [TOO_FAST];
  if (!EVIDENCE_TYPES.includes(f.mime)) return [FILE_TYPE];
  if (f.data.length === 0 || f.data.length > EVIDENCE_MAX_BYTES) return [FILE_SIZE];
  return deps.withLock(`intake:${deps.channel}:${f.contactId}`, () =>
    withPrivacyNotice(deps, f.contactId, async () => {
      const state = (await deps.state.get(f.contactId)) ?? emptyState();
      if ((state.evidenceIds ?? []).length >= MAX_FILES || !(await deps.evidenceBudget(f.contactId, f.data.length))) return [FILES_FULL];
      const id = await deps.storeEvidence({ channelUserId: f.contactId, name: f.name.slice(0, 200), mime: f.mime, data: f.data });
      state.evidenceIds = [...(state.evidenceIds ?? []), id];
      await deps.state.set(f.contactId, state);
      return [state.opened ? FILE_KEPT : FILE_FIRST];
    }),
  );
}

/**
 * The notice goes before the first reply to a contact who has no conversation going and never
 * complained before, once. It shares the reply's message: a passive platform reply carries only one.
 */
async function withPrivacyNotice(deps: IntakeDeps, contactId: string, reply: () => Promise<string[]>): Promise<string[]> {
  const notice = deps.privacyNotice;
  if (!notice || (await notice.given(contactId))) return reply();
  const known = (await deps.state.get(contactId)) !== null || (await notice.complainedBefore(contactId));
  const replies = await reply();
  if (replies.length === 0) return replies;
  await notice.remember(contactId);
  return known ? replies : [`${notice.text}\n\n${replies[0]}`, ...replies.slice(1)];
}

export const MAX_MESSAGE_CHARS = 2000;

export interface IncomingMessage {
  id: string;
  contactId: string;
  contactName: string | null;
  text: string;
  at: Date;
}

const REGISTERED = '已为您登记，案件编号稍后发给您。我们会在1个工作日内受理，并通过本微信告诉您进展。回复“查询”可随时了解处理情况。';
const TOO_FAST = '您发送得太快了，这之后的消息暂不处理，请稍等一分钟再发。';
const TOO_LONG = `消息太长了（超过${MAX_MESSAGE_CHARS}字），请分几条发送。`;
const FILE_TYPE = '这个文件类型暂时不能接收，请发送照片（jpg/png）或PDF。';
const FILE_SIZE = `文件太大了（不能超过${EVIDENCE_MAX_BYTES / 1024 / 1024}MB），请压缩后再发或分开发送。`;
const FILE_KEPT = '材料已收到，会和您的投诉一起登记。';
const FILE_FIRST = '材料已收到。请再用文字说明情况：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话。';
const FILES_FULL = `材料已经收到很多份了，这份暂不接收（每次反映最多${MAX_FILES}份、每天有上限）。登记后如需补充，请告诉承办人员。`;
const CONVERSATION_FULL =
  '您说的内容已经比较多了，我们先按目前的情况整理。请核对下面的内容，无误请回复“确认”；需要重新反映请回复“重新开始”。';
const RESTARTED = '好的，之前的内容已清空。请重新说明情况：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话。';
const EDIT_PROMPT = '好的，请直接发送需要修改的内容，例如“金额是8000元”或“电话是139…”。';
const ERASURE_NOTED =
  '已收到您删除个人信息的请求。工作人员核实后，会删除或匿名化处理您的姓名、电话、微信标识、留言和材料，并告诉您结果。正在办理的案件可能需要您另行联系承办人员。';

/**
 * The intake conversation of one WeChat contact, as a patient clerk would hold it: let the worker
 * speak, ask only for what is missing, one short question at a time, confirm, then register.
 * State lives in Redis (survives a restart and a second bot process); one message at a time per contact.
 */
export async function handleIntakeMessage(deps: IntakeDeps, incoming: IncomingMessage): Promise<string[]> {
  const m = { ...incoming, text: cleanText(incoming.text), contactName: incoming.contactName && cleanText(incoming.contactName) };
  const budget = await deps.rateLimit(m.contactId);
  if (budget === 'drop') return [];
  if (budget === 'warn') return [TOO_FAST];
  if (m.text.length > MAX_MESSAGE_CHARS) return [TOO_LONG];
  return deps.withLock(`intake:${deps.channel}:${m.contactId}`, () => withPrivacyNotice(deps, m.contactId, () => handle(deps, m)));
}

/**
 * Chat text as the store can keep it and staff can read it: NUL characters and lone surrogates (half of
 * an emoji cut off, binary sent as text) dropped. The HTTP paths refuse such text; a chat message is
 * answered anyway, so it is cleaned instead.
 */
function cleanText(text: string): string {
  return text.replace(/\p{Cs}/gu, '').replaceAll('\u0000', '');
}

async function handle(deps: IntakeDeps, m: IncomingMessage): Promise<string[]> {
  const text = m.text.trim();
  const state = (await deps.state.get(m.contactId)) ?? emptyState();
  const fresh = state.opened === null;

  // An answer to what we last asked or told them about a case belongs to that case, not to a new complaint.
  const about = fresh ? await deps.replyTo?.get(m.contactId) : null;
  if (about && deps.replyTo) {
    const read = deps.triage({ channel: deps.channel, text });
    const looksLikeNewComplaint = read.category === 'wage_arrears' && Boolean(read.employer ?? read.area ?? read.amount_yuan);
    const answered = await deps.replyTo.answer(m.contactId, about, text, { looksLikeNewComplaint });
    if (answered) return answered;
  }

  if (fresh && PROGRESS.test(text)) return [await deps.progressFor(m.contactId, /WA\d{8}-\d{4}/.exec(text)?.[0] ?? null)];

  if (state.stage === 'confirming') {
    if (CONFIRM.test(text)) return register(deps, m, state);
    state.stage = 'collecting';
    state.asked = null;
    if (EDIT.test(text)) {
      await deps.state.set(m.contactId, state);
      return [EDIT_PROMPT];
    }
  }

  if (RESTART.test(text)) {
    await deps.state.clear(m.contactId);
    return [RESTARTED];
  }
  // Kept as a message so that staff see the request in the review queue and act on it.
  if (ERASURE_REQUEST.test(text)) {
    await deps.state.clear(m.contactId);
    await deps.acceptComplaint(single(deps, m, text));
    return [ERASURE_NOTED];
  }
  // A conversation is not kept growing: past its length it is summed up for the worker to confirm.
  if (state.turns.length >= MAX_TURNS) {
    state.stage = 'confirming';
    state.asked = null;
    await deps.state.set(m.contactId, state);
    return [CONVERSATION_FULL, summary(deps.triage({ channel: deps.channel, text: conversationText(state) }))];
  }
  if (state.asked && DONT_KNOW.test(text)) state.unknown.push(state.asked);
  state.opened ??= { id: m.id, at: m.at.toISOString() };
  state.turns.push({ speaker: 'caller', text });
  const t = deps.triage({ channel: deps.channel, text: conversationText(state) });

  if (fresh && t.category !== 'wage_arrears') {
    await deps.state.clear(m.contactId);
    // Kept too, so that every message has a disposition a person can see and overturn.
    await deps.acceptComplaint(single(deps, m, text));
    if (t.category === 'consultation') return [faqReply(await deps.faqFor(text))];
    if (t.category === 'labor_other') return [OTHER_MATTERS];
    if (t.category === 'progress_query') return [await deps.progressFor(m.contactId, null)];
    return [PROMPT_FOR_COMPLAINT];
  }

  const missing = missingEssentials(t, state.unknown);
  if (missing.length > 0) {
    state.asked = missing[0]!;
    state.turns.push({ speaker: 'agent', text: QUESTIONS[state.asked] });
    await deps.state.set(m.contactId, state);
    return [QUESTIONS[state.asked]];
  }
  state.stage = 'confirming';
  state.asked = null;
  await deps.state.set(m.contactId, state);
  return [summary(t)];
}

/** A single message as it is; a conversation as a transcript, so triage reads each answer with its question. */
function conversationText(state: IntakeState): string {
  return state.turns.length > 1 ? transcriptText(state.turns) : (state.turns[0]?.text ?? '');
}

const DEDUP_PREFIX: Partial<Record<ComplaintChannel, string>> = { wechat: 'wx', wechat_oa: 'oa', wecom: 'wecom' };

/** A message that is not a wage complaint, stored as it came (idempotent on the message). */
function single(deps: IntakeDeps, m: IncomingMessage, text: string) {
  return {
    channel: deps.channel,
    dedupKey: `${DEDUP_PREFIX[deps.channel] ?? deps.channel}-msg-${m.id}`,
    sender: { channelUserId: m.contactId, name: m.contactName, phone: null },
    operator: null,
    text,
    turns: [],
    receivedAt: m.at,
  };
}

async function register(deps: IntakeDeps, m: IncomingMessage, state: IntakeState): Promise<string[]> {
  const opened = state.opened!;
  // Idempotent on the WeChat message that opened the conversation: a repeated 确认 stores nothing new.
  await deps.acceptComplaint({
    channel: deps.channel,
    dedupKey: `${DEDUP_PREFIX[deps.channel] ?? deps.channel}-${opened.id}`,
    sender: { channelUserId: m.contactId, name: m.contactName, phone: null },
    operator: null,
    text: conversationText(state),
    turns: state.turns.length > 1 ? state.turns : [],
    receivedAt: new Date(opened.at),
    evidenceIds: state.evidenceIds ?? [],
  });
  await deps.state.clear(m.contactId);
  return [REGISTERED];
}

export interface IncomingVoice {
  id: string;
  contactId: string;
  contactName: string | null;
  name: string;
  mime: string;
  data: Buffer;
  at: Date;
}

const VOICE_AS_TEXT = '暂时无法识别语音，请用文字说明情况（欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话）。';
const HEARD = '您的语音内容：';

/**
 * A voice message, once transcribed, is kept as evidence beside its transcript and answered as if the
 * worker had typed the transcript, after telling them what was heard. Without speech recognition, or
 * when it fails or takes too long, the worker is asked to type, as before, and nothing is kept.
 */
export async function handleIntakeVoice(deps: IntakeDeps, v: IncomingVoice): Promise<string[]> {
  const budget = await deps.rateLimit(v.contactId);
  if (budget === 'drop') return [];
  if (budget === 'warn') return [TOO_FAST];
  if (!deps.transcribe || v.data.length === 0 || v.data.length > EVIDENCE_MAX_BYTES) return [VOICE_AS_TEXT];
  // Outside the contact's lock: a slow recognition holds up nothing else of theirs.
  const heard = (await deps.transcribe({ name: v.name, mime: v.mime, data: v.data }).catch(() => '')).trim().slice(0, MAX_MESSAGE_CHARS);
  if (!heard) return [VOICE_AS_TEXT];
  return deps.withLock(`intake:${deps.channel}:${v.contactId}`, () =>
    withPrivacyNotice(deps, v.contactId, async () => {
      const state = (await deps.state.get(v.contactId)) ?? emptyState();
      if ((state.evidenceIds ?? []).length < MAX_FILES && (await deps.evidenceBudget(v.contactId, v.data.length))) {
        const id = await deps.storeEvidence({
          channelUserId: v.contactId,
          name: v.name.slice(0, 200),
          mime: v.mime,
          data: v.data,
          transcript: heard,
        });
        state.evidenceIds = [...(state.evidenceIds ?? []), id];
        await deps.state.set(v.contactId, state);
      }
      const replies = await handle(deps, { id: v.id, contactId: v.contactId, contactName: v.contactName, text: heard, at: v.at });
      return [`${HEARD}${heard}`, ...replies];
    }),
  );
}
