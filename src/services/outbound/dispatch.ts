import type { ComplaintChannel } from '../../domain/triage-result';
import type { Lead, TimelineEvent } from '../../domain/lead';
import { caseNotice, smsText, BOT_CHANNELS, type OutboundKind, type OutboundMessage } from '../../domain/outbound';
import { isMobilePhone } from '../../domain/phone';
import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import { chatContact, MESSAGE_LEASE_MS, outboundItem, smsContact, type ContactLine } from './contact-order';

export interface OutboundDeps {
  leads: LeadRepository;
  complainants: ComplainantRepository;
  outbound: OutboundRepository;
  outboundQueue: { enqueue(messageId: string): Promise<void> };
  /** Official Account / WeCom channels whose customer-service API is configured, and their queue. */
  platformSenders: readonly ComplaintChannel[];
  platformQueue: { enqueue(messageId: string): Promise<void> };
  /** The SMS queue when a gateway is configured: complainants with a mobile number and no chat channel get texts. */
  sms: { enqueue(messageId: string): Promise<void> } | null;
  /** Each contact's messages in order (see contact-order). */
  line?: ContactLine;
  /** When a call-back task's first call is due, and the next after an unanswered one (the working-day calendar). */
  callbackDue: { first: (at: Date) => Date; retry: (at: Date) => Date };
  /** Remembers which case a chat contact was last written to about, so their reply joins that case. */
  replyContext?: { notice(channel: string, contactId: string, leadId: string): Promise<void> };
}

export interface Recipient {
  id: string;
  channel: ComplaintChannel;
  channelUserId: string;
  phone: string | null;
}

type Delivery = 'bot' | 'api' | 'sms' | 'callback';
type Addressee = { channel: ComplaintChannel; phone: string | null; kind: OutboundKind };

/** What a text may carry: a question that needs an answer (is the pay in?) is asked by phone. */
const SMS_KINDS: readonly OutboundKind[] = ['case_notice', 'staff_reply'];

/**
 * WeChat contacts through the bot, Official Account/WeCom users through the platform API, anyone else
 * with a mobile number by SMS when a gateway is configured, everyone else a call-back.
 */
function deliveryFor(deps: Pick<OutboundDeps, 'platformSenders' | 'sms'>, to: Addressee): Delivery {
  if (BOT_CHANNELS.includes(to.channel)) return 'bot';
  if (deps.platformSenders.includes(to.channel)) return 'api';
  return deps.sms && isMobilePhone(to.phone) && SMS_KINDS.includes(to.kind) ? 'sms' : 'callback';
}

function messageTo(
  deps: Pick<OutboundDeps, 'platformSenders' | 'sms' | 'callbackDue'>,
  lead: Lead,
  p: Recipient,
  text: string,
  kind: OutboundKind,
) {
  const via = deliveryFor(deps, { ...p, kind });
  const callback = via === 'callback';
  return {
    leadId: lead.id,
    complainantId: p.id,
    channel: p.channel,
    channelUserId: p.channelUserId,
    phone: p.phone,
    kind,
    text: via === 'sms' ? smsText(text) : text,
    state: callback ? ('callback_open' as const) : ('queued' as const),
    dueBy: callback ? deps.callbackDue.first(new Date()) : null,
  };
}

type Senders = Pick<OutboundDeps, 'platformSenders' | 'sms' | 'outboundQueue' | 'platformQueue' | 'line'>;

/**
 * Takes the message's place in its contact's line, then queues it. A queue outage leaves the message
 * 'queued' in the store; the worker's sweep puts it on its way again (sweepQueuedMessages).
 */
async function putOnItsWay(deps: Senders, m: OutboundMessage) {
  if (m.state !== 'queued') return;
  const via = deliveryFor(deps, m);
  const contact = via === 'sms' ? smsContact(m.phone!) : chatContact(m.channel, m.channelUserId);
  await deps.line?.enter(contact, outboundItem(m.id), MESSAGE_LEASE_MS).catch(() => undefined);
  if (via === 'bot') await deps.outboundQueue.enqueue(m.id).catch(() => undefined);
  if (via === 'api') await deps.platformQueue.enqueue(m.id).catch(() => undefined);
  if (via === 'sms') await deps.sms?.enqueue(m.id).catch(() => undefined);
}

/** How many were written to on WeChat, by text message, and left to an operator's call. */
type Sent = { wechat: number; sms: number; callbacks: number };

function sentEvent(kind: OutboundKind, actor: string, text: string, n: Sent, at: Date): TimelineEvent {
  const sms = n.sms > 0 ? `短信发送 ${n.sms} 人，` : '';
  return {
    at,
    type: kind === 'staff_reply' ? 'reply_sent' : 'notice_sent',
    actor,
    note: `${text.slice(0, 200)}（微信发送 ${n.wechat} 人，${sms}电话回访任务 ${n.callbacks} 个）`,
    changes: [],
  };
}

function countSent(deps: Pick<OutboundDeps, 'platformSenders' | 'sms'>, to: Addressee[]): Sent {
  const via = to.map((t) => deliveryFor(deps, t));
  const count = (...ways: Delivery[]) => via.filter((v) => ways.includes(v)).length;
  return { wechat: count('bot', 'api'), sms: count('sms'), callbacks: count('callback') };
}

/**
 * The timeline entry of a system notice to one complainant, written with the change that causes it
 * (a case opened or joined by triage), so that telling the complainant costs no second write to the case.
 */
export function noticeEvent(
  deps: Pick<OutboundDeps, 'platformSenders' | 'sms'>,
  text: string,
  channel: ComplaintChannel,
  at: Date,
  phone: string | null = null,
): TimelineEvent {
  return sentEvent('case_notice', 'system', text, countSent(deps, [{ channel, phone, kind: 'case_notice' }]), at);
}

/**
 * Sends a system notice to one complainant once: the message takes a fixed id (the complaint's, for the
 * notice of its case number), so a triage run again after a crash neither writes nor sends it twice.
 * Its timeline entry is written by the caller (see noticeEvent).
 */
export async function sendNoticeOnce(
  deps: Senders & Pick<OutboundDeps, 'outbound' | 'callbackDue'>,
  lead: Lead,
  to: Recipient,
  text: string,
  messageId: string,
): Promise<OutboundMessage> {
  const { message } = await deps.outbound.createOnce({ ...messageTo(deps, lead, to, text, 'case_notice'), createdBy: 'system' }, messageId);
  await putOnItsWay(deps, message);
  return message;
}

/**
 * Puts a message on its way to each complainant: WeChat contacts through the outbound queue (only the
 * bot process consumes it), others by SMS or as a call-back task for an operator. Recorded on the timeline.
 */
export async function dispatch(
  deps: OutboundDeps,
  lead: Lead,
  complainantIds: string[],
  text: string,
  kind: OutboundKind,
  actor: string,
): Promise<OutboundMessage[]> {
  const people = await deps.complainants.getMany(complainantIds);
  const sent: OutboundMessage[] = [];
  for (const p of people) {
    const m = await deps.outbound.create({ ...messageTo(deps, lead, p, text, kind), createdBy: actor });
    await putOnItsWay(deps, m);
    if (m.state === 'queued' && kind !== 'payment_question')
      await deps.replyContext?.notice(m.channel, m.channelUserId, lead.id).catch(() => undefined);
    sent.push(m);
  }
  if (sent.length) await appendEvent(deps, lead.id, sentEvent(kind, actor, text, countSent(deps, sent), new Date()));
  return sent;
}

/** A timeline entry that changes nothing else (a message sent or delivered). */
export function appendEvent(deps: Pick<OutboundDeps, 'leads'>, leadId: string, event: TimelineEvent) {
  return deps.leads.mutate(leadId, () => deps.leads.appendEvent(leadId, event));
}

/** After a change of a case (outside its exclusive section): every complainant is told where it stands. */
export async function tellComplainants(deps: OutboundDeps, lead: Lead): Promise<Lead> {
  await dispatch(deps, lead, lead.complainantIds, caseNotice('status', lead.caseNumber, lead.status), 'case_notice', 'system');
  return lead;
}

/**
 * Messages still 'queued' in the store `graceMs` after they were written — the enqueue failed, or
 * Redis lost the job — put on their way again, oldest first. The jobs' ids are the messages' ids, so
 * a message whose job is still waiting or retrying is not queued twice. Returns how many were looked at.
 */
export async function sweepQueuedMessages(
  deps: Senders & { outbound: Pick<OutboundDeps['outbound'], 'listByState'> },
  graceMs: number,
  now = new Date(),
): Promise<number> {
  const cutoff = now.getTime() - graceMs;
  const stale = (await deps.outbound.listByState('queued', 200)).filter((m) => m.createdAt.getTime() < cutoff);
  for (const m of stale) await putOnItsWay(deps, m);
  return stale.length;
}
