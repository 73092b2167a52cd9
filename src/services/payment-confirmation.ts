import { AppError } from '../domain/app-error';
import type { Lead, TimelineEvent } from '../domain/lead';
import {
  latestAnswers,
  PAYMENT_ANSWER_LABELS,
  PAYMENT_QUESTION,
  readPaymentAnswer,
  readSatisfaction,
  SATISFACTION_QUESTION,
  type PaymentAnswer,
  type PaymentCheck,
} from '../domain/payment-check';
import type { ComplaintChannel } from '../domain/triage-result';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { ReplyContext } from '../redis/reply-context';
import { dispatch, type OutboundDeps } from './outbound/dispatch';

export interface PaymentDeps {
  leads: LeadRepository;
  complainants: Pick<ComplainantRepository, 'getMany' | 'findId'>;
  outbound: OutboundDeps;
  replyContext: {
    set(channel: string, contactId: string, c: Omit<ReplyContext, 'at'>): Promise<void>;
    clear(channel: string, contactId: string): Promise<void>;
  };
  /** Tells the case's staff that a worker answered (their inbox); the same `replyId` is told once. */
  notifyWorkerReply?: (lead: Lead, replyId: string) => Promise<unknown>;
  now?: () => Date;
}

const CHAT: readonly ComplaintChannel[] = ['wechat', 'wechat_oa', 'wecom'];
const NOT_PAID_REPLY = '已记录：您的工资还没有全部到账。案件已退回承办人员继续处理，他们会尽快联系您。';
const THANKS = '感谢您的评价！如之后还有问题，可随时回复本消息。';
const REPLY_PASSED_ON = '已收到您的回复，已转给承办人员，他们会尽快联系您。';

/**
 * After staff record a payment or resolve a case: every complainant not already asked is asked whether
 * the wages arrived — in chat, or as a call-back task for a caller. Satisfaction waits for their "yes".
 */
export async function askWhetherPaid(deps: PaymentDeps, lead: Lead): Promise<void> {
  // Not asked again: who has a question open, or has confirmed the wages arrived.
  const settled = new Set(
    [...latestAnswers(lead.paymentChecks).values()].filter((c) => c.answer === null || c.answer === 'paid').map((c) => c.complainantId),
  );
  const people = (await deps.complainants.getMany(lead.complainantIds)).filter((p) => !settled.has(p.id));
  if (!people.length) return;
  await dispatch(
    deps.outbound,
    lead,
    people.map((p) => p.id),
    PAYMENT_QUESTION(lead.caseNumber),
    'payment_question',
    'system',
  );
  for (const p of people)
    if (CHAT.includes(p.channel)) await deps.replyContext.set(p.channel, p.channelUserId, { leadId: lead.id, kind: 'payment' });
  const at = deps.now?.() ?? new Date();
  await deps.leads.mutate(lead.id, async () => {
    const fresh = (await deps.leads.get(lead.id)) ?? lead;
    const asked: PaymentCheck[] = people.map((p) => ({
      complainantId: p.id,
      askedAt: at,
      via: CHAT.includes(p.channel) ? 'chat' : 'callback',
      answer: null,
      answeredAt: null,
      words: null,
      satisfaction: null,
    }));
    await deps.leads.setPaymentChecks(
      lead.id,
      [...fresh.paymentChecks, ...asked],
      [{ at, type: 'payment_asked', actor: 'system', note: `询问 ${people.length} 位投诉人工资是否到账`, changes: [] }],
    );
  });
}

/**
 * A complainant's answer: "paid" is recorded (and satisfaction may be asked); "part" or "not paid"
 * sends a resolved case back to the inspector, marked, with the worker's words.
 */
export async function recordPaymentAnswer(
  deps: Pick<PaymentDeps, 'leads' | 'notifyWorkerReply' | 'now'>,
  leadId: string,
  complainantId: string,
  answer: PaymentAnswer,
  words: string,
  actor = 'system',
): Promise<Lead> {
  const at = deps.now?.() ?? new Date();
  const updated = await deps.leads.mutate(leadId, async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead) throw new AppError('lead_not_found', `lead ${leadId} does not exist`, { status: 404 });
    const checks = [...lead.paymentChecks];
    const open = checks
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.complainantId === complainantId)
      .at(-1);
    const entry: PaymentCheck = { ...(open?.c ?? emptyCheck(complainantId, at)), answer, answeredAt: at, words: words.slice(0, 500) };
    if (open) checks[open.i] = entry;
    else checks.push(entry);
    const events: TimelineEvent[] = [
      {
        at,
        type: 'payment_answered',
        actor,
        note: `投诉人答复：${PAYMENT_ANSWER_LABELS[answer]}（原话：${words.slice(0, 200)}）`,
        changes: [],
      },
    ];
    const saved = await deps.leads.setPaymentChecks(leadId, checks, events);
    if (answer === 'paid' || !saved || saved.status !== 'resolved') return saved ?? lead;
    // The money has not (all) arrived: the case goes back to the inspector.
    const reopened = await deps.leads.applyChange(
      leadId,
      'resolved',
      { status: 'investigating' },
      {
        at,
        type: 'status_changed',
        actor: 'system',
        note: '投诉人称工资未全部到账，案件退回承办人员继续处理',
        changes: [{ field: 'status', before: 'resolved', after: 'investigating' }],
      },
    );
    return reopened ?? saved;
  });
  if (answer !== 'paid') await deps.notifyWorkerReply?.(updated, `payment:${complainantId}:${at.toISOString()}`).catch(() => undefined);
  return updated;
}

/** The worker's satisfaction, on the check they answered "paid". */
export async function recordSatisfaction(deps: PaymentDeps, leadId: string, complainantId: string, score: number, comment: string | null) {
  const at = deps.now?.() ?? new Date();
  return deps.leads.mutate(leadId, async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead) throw new AppError('lead_not_found', `lead ${leadId} does not exist`, { status: 404 });
    const checks = [...lead.paymentChecks];
    const i = checks
      .map((c, k) => (c.complainantId === complainantId && c.answer === 'paid' ? k : -1))
      .filter((k) => k >= 0)
      .at(-1);
    // Never asked before the worker said the wages arrived: a score without a "paid" answer is not kept.
    if (i === undefined) return lead;
    checks[i] = { ...checks[i]!, satisfaction: { score, comment, at } };
    return deps.leads.setPaymentChecks(leadId, checks, [
      {
        at,
        type: 'satisfaction_rated',
        actor: 'system',
        note: `满意度 ${score} 分${comment ? `：${comment.slice(0, 200)}` : ''}`,
        changes: [],
      },
    ]);
  });
}

/** A worker's message on a case that is not an answer to a question: on its timeline, and staff are told. */
export async function attachWorkerReply(deps: PaymentDeps, leadId: string, words: string): Promise<void> {
  const at = deps.now?.() ?? new Date();
  await deps.leads.mutate(leadId, () =>
    deps.leads.appendEvent(leadId, { at, type: 'worker_reply', actor: 'system', note: `投诉人回复：${words.slice(0, 500)}`, changes: [] }),
  );
  const lead = await deps.leads.get(leadId);
  if (lead) await deps.notifyWorkerReply?.(lead, `reply:${at.toISOString()}`).catch(() => undefined);
}

/**
 * What a chat contact's message means when we last wrote to them about a case: an answer to the
 * payment question, a satisfaction score, or a reply to a notice — attached to that case. Null when it
 * is none of these (the conversation then treats it as a new message), e.g. a new complaint.
 */
export async function answerOnCase(
  deps: PaymentDeps,
  who: { channel: ComplaintChannel; contactId: string },
  ctx: ReplyContext,
  text: string,
  opts: { looksLikeNewComplaint: boolean },
): Promise<string[] | null> {
  const complainantId = await deps.complainants.findId(who.channel, who.contactId);
  if (!complainantId) return null;
  if (ctx.kind === 'payment') {
    const answer = readPaymentAnswer(text);
    if (answer) {
      await recordPaymentAnswer(deps, ctx.leadId, complainantId, answer, text);
      if (answer === 'paid') {
        await deps.replyContext.set(who.channel, who.contactId, { leadId: ctx.leadId, kind: 'satisfaction' });
        return [SATISFACTION_QUESTION];
      }
      await deps.replyContext.clear(who.channel, who.contactId);
      return [NOT_PAID_REPLY];
    }
  }
  if (ctx.kind === 'satisfaction') {
    const rated = readSatisfaction(text);
    if (rated) {
      await recordSatisfaction(deps, ctx.leadId, complainantId, rated.score, rated.comment);
      await deps.replyContext.clear(who.channel, who.contactId);
      return [THANKS];
    }
  }
  if (opts.looksLikeNewComplaint) return null;
  await attachWorkerReply(deps, ctx.leadId, text);
  return [REPLY_PASSED_ON];
}

const emptyCheck = (complainantId: string, at: Date): PaymentCheck => ({
  complainantId,
  askedAt: at,
  via: 'callback',
  answer: null,
  answeredAt: null,
  words: null,
  satisfaction: null,
});
