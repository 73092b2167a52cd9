import { AppError, isStoreUnavailable } from '../domain/app-error';
import type { InboundMessage, NewInboundMessage, PlatformChannel } from '../domain/inbound';
import type { InboundRepository } from '../db/repositories/inbound-repository';
import { EVIDENCE_MAX_BYTES, type IncomingFile, type IncomingMessage } from './intake/intake-conversation';
import { chatContact, INBOUND_LEASE_MS, inboundItem, type ContactLine } from './outbound/contact-order';

export interface PlatformIntakeDeps {
  inbound: Pick<InboundRepository, 'insertOnce' | 'get' | 'markHandled' | 'markRepliesSent' | 'listUnhandled'>;
  queue: {
    isReady(): boolean;
    handle(inboundId: string): Promise<void>;
    ensureHandled(inboundId: string): Promise<void>;
    sendRepliesLater(inboundId: string, delayMs: number): Promise<void>;
    waitHandled(inboundId: string, ms: number): Promise<boolean>;
  };
  /**
   * Who gives the replies: the first claim wins. One request may answer passively; once the API has the
   * claim, every retry of the sending job may go on.
   */
  claimReply(inboundId: string, how: 'passive' | 'api'): Promise<boolean>;
  conversation(channel: PlatformChannel): { message(m: IncomingMessage): Promise<string[]>; file(f: IncomingFile): Promise<string[]> };
  client(channel: PlatformChannel): {
    sendText(contactId: string, text: string): Promise<void>;
    fetchMedia(mediaId: string, maxBytes: number): Promise<{ data: Buffer; mime: string }>;
  } | null;
  replyWaitMs: number;
  /** Each contact's messages in order: the replies to a message before what it causes, after what came before. */
  line?: ContactLine;
}

export const WELCOME =
  '您好，这里是劳动保障监察欠薪投诉服务。被拖欠工资，请直接发文字说明：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话。回复“查询”可了解已反映案件的进展。';
const TEXT_ONLY = '目前只能处理文字、图片消息。请用文字说明情况：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、联系电话。';
const MEDIA_FAILED = '图片暂时没能收下，请稍后再发一次，或用文字说明情况。';

/**
 * Store first, answer fast: the callback's message is written (a platform retry finds it) and queued;
 * nothing is acknowledged that was not stored. Without Redis or MongoDB the platform gets an error and retries.
 */
export async function receivePlatformMessage(
  deps: PlatformIntakeDeps,
  msg: NewInboundMessage,
): Promise<{ inbound: InboundMessage; created: boolean }> {
  if (!deps.queue.isReady()) throw new AppError('queue_unavailable', 'queue unavailable, retry later', { status: 503 });
  let stored;
  try {
    stored = await deps.inbound.insertOnce(msg);
  } catch (err) {
    if (isStoreUnavailable(err))
      throw new AppError('store_unavailable', 'database unavailable, message not stored', { status: 503, cause: err });
    throw err;
  }
  if (stored.created || stored.message.state === 'received') {
    try {
      await deps.queue.handle(stored.message.id);
    } catch (err) {
      // A retry of a stored message is answered; the sweeper queues it. A first delivery is refused so the platform retries.
      if (stored.created) throw new AppError('queue_unavailable', 'queue unavailable, retry later', { status: 503, cause: err });
    }
  }
  return { inbound: stored.message, created: stored.created };
}

/** The replies to give passively, if the conversation answered in time and no other request gave them; else null. */
export async function passiveReplies(deps: PlatformIntakeDeps, inbound: InboundMessage, budgetMs: number): Promise<string[] | null> {
  let current: InboundMessage | null = inbound;
  if (current.state !== 'handled' && budgetMs > 0 && (await deps.queue.waitHandled(inbound.id, budgetMs).catch(() => false))) {
    current = await deps.inbound.get(inbound.id);
  }
  if (!current || current.state !== 'handled' || current.replies.length === 0) return null;
  // A message still on its way to the contact goes first: these replies then follow through the API.
  if (deps.line && !(await deps.line.isTurn(...placeOf(current), INBOUND_LEASE_MS))) return null;
  return (await deps.claimReply(inbound.id, 'passive')) ? current.replies : null;
}

/** The passive reply has been written to the platform: what waited behind it may go. */
export async function passiveReplyGiven(deps: PlatformIntakeDeps, inbound: InboundMessage): Promise<void> {
  await deps.line?.leave(...placeOf(inbound));
}

/** Runs the intake conversation on a stored message (once: a handled message keeps its replies). */
export async function handlePlatformMessage(deps: PlatformIntakeDeps, inboundId: string): Promise<string[]> {
  const m = await deps.inbound.get(inboundId);
  if (!m) throw new AppError('inbound_not_found', `inbound message ${inboundId} does not exist`, { status: 404 });
  // An earlier run may have stopped between the two writes: the replies job is queued again (a no-op if it is).
  if (m.state === 'handled') {
    if (m.repliesSent < m.replies.length) await sendLater(deps, m);
    return m.replies;
  }
  // The replies' place is taken before the conversation runs: what it causes (the case-number notice) comes after.
  await deps.line?.enter(...placeOf(m), INBOUND_LEASE_MS);
  const replies = await answer(deps, m);
  await deps.inbound.markHandled(m.id, replies);
  if (replies.length > 0) await sendLater(deps, m);
  else await deps.line?.leave(...placeOf(m));
  return replies;
}

const placeOf = (m: InboundMessage): [string, string] => [chatContact(m.channel, m.contactId), inboundItem(m.id)];

/** Whatever was not given passively goes out through the API once the callback's answer window has closed. */
const sendLater = (deps: PlatformIntakeDeps, m: InboundMessage) =>
  deps.queue.sendRepliesLater(m.id, m.createdAt.getTime() + deps.replyWaitMs + 500 - Date.now());

async function answer(deps: PlatformIntakeDeps, m: InboundMessage): Promise<string[]> {
  const talk = deps.conversation(m.channel);
  if (m.msgType === 'text' || (m.msgType === 'voice' && m.text)) {
    return talk.message({ id: m.key, contactId: m.contactId, contactName: null, text: m.text, at: m.at });
  }
  if (m.msgType === 'image' && m.mediaId) {
    const client = deps.client(m.channel);
    if (!client) return [MEDIA_FAILED];
    const media = await client.fetchMedia(m.mediaId, EVIDENCE_MAX_BYTES);
    return talk.file({ contactId: m.contactId, name: `${m.key}.${media.mime.split('/')[1] ?? 'bin'}`, mime: media.mime, data: media.data });
  }
  if (m.msgType === 'event') return m.event === 'subscribe' || m.event === 'enter_agent' ? [WELCOME] : [];
  return [TEXT_ONLY];
}

/**
 * Sends the replies no passive answer carried, in their contact's order ('wait' while an earlier
 * message is pending); resumes after the last one sent when retried. The replies leave the contact's
 * line once given (passively or here) or given up.
 */
export async function sendPlatformReplies(
  deps: PlatformIntakeDeps,
  inboundId: string,
  opts: { finalAttempt: boolean } = { finalAttempt: false },
): Promise<number | 'wait'> {
  const m = await deps.inbound.get(inboundId);
  if (!m || m.state !== 'handled') return 0;
  const leave = () => deps.line?.leave(...placeOf(m));
  const client = deps.client(m.channel);
  if (!client || !(await deps.claimReply(m.id, 'api'))) {
    await leave();
    return 0;
  }
  if (deps.line && !(await deps.line.isTurn(...placeOf(m), INBOUND_LEASE_MS))) return 'wait';
  let sent = m.repliesSent;
  try {
    for (const text of m.replies.slice(sent)) {
      await client.sendText(m.contactId, text);
      await deps.inbound.markRepliesSent(m.id, ++sent);
    }
  } catch (err) {
    if (opts.finalAttempt) await leave();
    throw err;
  }
  await leave();
  return sent;
}

/** Sends a staff reply or notice through the platform API of the complainant's channel. */
export async function sendViaPlatform(
  deps: Pick<PlatformIntakeDeps, 'client'>,
  channelUserId: string,
  text: string,
  channel: string,
): Promise<void> {
  const client = channel === 'wechat_oa' || channel === 'wecom' ? deps.client(channel) : null;
  if (!client) throw new AppError('channel_unavailable', `no platform API is configured for ${channel}`, { status: 503 });
  await client.sendText(channelUserId, text);
}

/** Messages stored while the queue was away: queued again (the job id makes this idempotent). */
export async function sweepUnhandledInbound(deps: PlatformIntakeDeps, graceMs: number): Promise<number> {
  const ids = await deps.inbound.listUnhandled(new Date(Date.now() - graceMs), 500);
  for (const id of ids) await deps.queue.ensureHandled(id);
  return ids.length;
}
