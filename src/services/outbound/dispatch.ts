import type { ComplaintChannel } from '../../domain/triage-result';
import type { Lead, TimelineEvent } from '../../domain/lead';
import { caseNotice, BOT_CHANNELS, type OutboundKind, type OutboundMessage } from '../../domain/outbound';
import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import { chatContact, MESSAGE_LEASE_MS, outboundItem, type ContactLine } from './contact-order';

export interface OutboundDeps {
  leads: LeadRepository;
  complainants: ComplainantRepository;
  outbound: OutboundRepository;
  outboundQueue: { enqueue(messageId: string): Promise<void> };
  /** Official Account / WeCom channels whose customer-service API is configured, and their queue. */
  platformSenders: readonly ComplaintChannel[];
  platformQueue: { enqueue(messageId: string): Promise<void> };
  /** Each contact's messages in order (see contact-order). */
  line?: ContactLine;
  /** When a call-back task's first call is due, and the next after an unanswered one (the working-day calendar). */
  callbackDue: { first: (at: Date) => Date; retry: (at: Date) => Date };
}

export interface Recipient {
  id: string;
  channel: ComplaintChannel;
  channelUserId: string;
  phone: string | null;
}

/** WeChat contacts through the bot, Official Account/WeCom users through the platform API, everyone else a call-back. */
function deliveryFor(deps: Pick<OutboundDeps, 'platformSenders'>, channel: ComplaintChannel): 'bot' | 'api' | 'callback' {
  if (BOT_CHANNELS.includes(channel)) return 'bot';
  return deps.platformSenders.includes(channel) ? 'api' : 'callback';
}

function messageTo(
  deps: Pick<OutboundDeps, 'platformSenders' | 'callbackDue'>,
  lead: Lead,
  p: Recipient,
  text: string,
  kind: OutboundKind,
) {
  const callback = deliveryFor(deps, p.channel) === 'callback';
  return {
    leadId: lead.id,
    complainantId: p.id,
    channel: p.channel,
    channelUserId: p.channelUserId,
    phone: p.phone,
    kind,
    text,
    state: callback ? ('callback_open' as const) : ('queued' as const),
    dueBy: callback ? deps.callbackDue.first(new Date()) : null,
  };
}

type Senders = Pick<OutboundDeps, 'platformSenders' | 'outboundQueue' | 'platformQueue' | 'line'>;

/**
 * Takes the message's place in its contact's line, then queues it. A queue outage leaves the message
 * 'queued' in the store; the bot's (or the platform) sweep re-sends it.
 */
async function putOnItsWay(deps: Senders, m: OutboundMessage) {
  if (m.state !== 'queued') return;
  const via = deliveryFor(deps, m.channel);
  await deps.line?.enter(chatContact(m.channel, m.channelUserId), outboundItem(m.id), MESSAGE_LEASE_MS).catch(() => undefined);
  if (via === 'bot') await deps.outboundQueue.enqueue(m.id).catch(() => undefined);
  if (via === 'api') await deps.platformQueue.enqueue(m.id).catch(() => undefined);
}

function sentEvent(kind: OutboundKind, actor: string, text: string, queued: number, callbacks: number, at: Date): TimelineEvent {
  return {
    at,
    type: kind === 'staff_reply' ? 'reply_sent' : 'notice_sent',
    actor,
    note: `${text.slice(0, 200)}（微信发送 ${queued} 人，电话回访任务 ${callbacks} 个）`,
    changes: [],
  };
}

/**
 * The timeline entry of a system notice to one complainant, written with the change that causes it
 * (a case opened or joined by triage), so that telling the complainant costs no second write to the case.
 */
export function noticeEvent(deps: Pick<OutboundDeps, 'platformSenders'>, text: string, channel: ComplaintChannel, at: Date): TimelineEvent {
  const callback = deliveryFor(deps, channel) === 'callback';
  return sentEvent('case_notice', 'system', text, callback ? 0 : 1, callback ? 1 : 0, at);
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
 * bot process consumes it), everyone else as a call-back task for an operator. Recorded on the timeline.
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
    sent.push(m);
  }
  if (sent.length) {
    const queued = sent.filter((m) => m.state === 'queued').length;
    await appendEvent(deps, lead.id, sentEvent(kind, actor, text, queued, sent.length - queued, new Date()));
  }
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
