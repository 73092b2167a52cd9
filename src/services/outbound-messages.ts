import type { ComplaintChannel } from '../domain/triage-result';
import { canAct, canRead } from '../domain/access';
import { AppError } from '../domain/app-error';
import type { Lead, TimelineEvent } from '../domain/lead';
import { BOT_CHANNELS, type OutboundKind, type OutboundMessage } from '../domain/outbound';
import type { StaffUser } from '../domain/staff';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { OutboundRepository } from '../db/repositories/outbound-repository';

export interface OutboundDeps {
  leads: LeadRepository;
  complainants: ComplainantRepository;
  outbound: OutboundRepository;
  outboundQueue: { enqueue(messageId: string): Promise<void> };
  /** Official Account / WeCom channels whose customer-service API is configured, and their queue. */
  platformSenders: readonly ComplaintChannel[];
  platformQueue: { enqueue(messageId: string): Promise<void> };
  /** Timeline writes go through the case lock: FerretDB v1 updates are read-modify-write. */
  withLock: <T>(resource: string, fn: () => Promise<T>) => Promise<T>;
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

function messageTo(deps: Pick<OutboundDeps, 'platformSenders'>, lead: Lead, p: Recipient, text: string, kind: OutboundKind) {
  return {
    leadId: lead.id,
    complainantId: p.id,
    channel: p.channel,
    channelUserId: p.channelUserId,
    phone: p.phone,
    kind,
    text,
    state: deliveryFor(deps, p.channel) === 'callback' ? ('callback_open' as const) : ('queued' as const),
  };
}

/** A queue outage leaves the message 'queued' in the store; the bot's (or the platform) sweep re-sends it. */
async function putOnItsWay(deps: Pick<OutboundDeps, 'platformSenders' | 'outboundQueue' | 'platformQueue'>, m: OutboundMessage) {
  if (m.state !== 'queued') return;
  const via = deliveryFor(deps, m.channel);
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
  deps: Pick<OutboundDeps, 'outbound' | 'platformSenders' | 'outboundQueue' | 'platformQueue'>,
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

/** Staff write to one or all complainants of a case. */
export async function replyToComplainants(
  deps: OutboundDeps,
  staff: StaffUser,
  leadId: string,
  input: { text: string; complainantIds?: string[] },
): Promise<OutboundMessage[]> {
  const lead = await deps.leads.get(leadId);
  if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${leadId} does not exist`, { status: 404 });
  if (!canAct(staff, lead, 'change_status')) throw new AppError('forbidden', `a ${staff.role} may not reply on this case`, { status: 403 });
  const targets = input.complainantIds ?? lead.complainantIds;
  const unknown = targets.filter((id) => !lead.complainantIds.includes(id));
  if (unknown.length) throw new AppError('invalid_complainant', 'complainantIds must be complainants of this case', { status: 400 });
  const sent = await dispatch(deps, lead, targets, input.text, 'staff_reply', staff.id);
  // A staff reply is the first contact the deadlines measure.
  await deps.withLock(`lead:${lead.id}`, () => deps.leads.markStep(lead.id, 'contactedAt', new Date()));
  return sent;
}

export interface DeliveryDeps {
  leads: LeadRepository;
  outbound: OutboundRepository;
  withLock: <T>(resource: string, fn: () => Promise<T>) => Promise<T>;
  /** Sends over WeChat (the bot, or the platform API for Official Account / WeCom contacts); throws when it could not. */
  send(channelUserId: string, text: string, channel: ComplaintChannel): Promise<void>;
}

/** Run by the bot process for one queued message; safe to run twice (a delivered message is skipped). */
export async function deliverMessage(deps: DeliveryDeps, messageId: string, opts: { finalAttempt: boolean }): Promise<void> {
  const m = await deps.outbound.get(messageId);
  if (!m) throw new AppError('message_not_found', `message ${messageId} does not exist`, { status: 404 });
  if (m.state !== 'queued') return;
  try {
    await deps.send(m.channelUserId, m.text, m.channel);
  } catch (err) {
    if (opts.finalAttempt) {
      await deps.outbound.setState(m.id, 'queued', 'failed', { error: (err as Error).message.slice(0, 300) });
      await appendEvent(deps, m.leadId, {
        at: new Date(),
        type: 'delivery_failed',
        actor: 'system',
        note: `微信消息未能送达：${(err as Error).message.slice(0, 100)}`,
        changes: [],
      });
    }
    throw err;
  }
  if (await deps.outbound.setState(m.id, 'queued', 'delivered', { deliveredAt: new Date() })) {
    await appendEvent(deps, m.leadId, {
      at: new Date(),
      type: 'message_delivered',
      actor: 'system',
      note: `已通过微信送达（${m.kind === 'staff_reply' ? '工作人员回复' : '进展通知'}）`,
      changes: [],
    });
  }
}

/** An operator has called the complainant back. */
export async function completeCallback(
  deps: OutboundDeps,
  staff: StaffUser,
  messageId: string,
  note: string | undefined,
): Promise<OutboundMessage> {
  const m = await deps.outbound.get(messageId);
  const lead = m ? await deps.leads.get(m.leadId) : null;
  if (!m || !lead || !canRead(staff, lead))
    throw new AppError('callback_not_found', `call-back task ${messageId} does not exist`, { status: 404 });
  // Under the case lock: two operators closing one task at once must not both succeed.
  await deps.withLock(`lead:${lead.id}`, async () => {
    if (!(await deps.outbound.setState(m.id, 'callback_open', 'callback_done'))) {
      throw new AppError('conflict', 'this call-back task is not open', { status: 409 });
    }
    await deps.leads.appendEvent(lead.id, {
      at: new Date(),
      type: 'callback_done',
      actor: staff.id,
      note: note ?? '已电话回访',
      changes: [],
    });
    await deps.leads.markStep(lead.id, 'contactedAt', new Date());
  });
  return { ...m, state: 'callback_done' };
}

function appendEvent(deps: Pick<OutboundDeps, 'leads' | 'withLock'>, leadId: string, event: Parameters<LeadRepository['appendEvent']>[1]) {
  return deps.withLock(`lead:${leadId}`, () => deps.leads.appendEvent(leadId, event));
}

/**
 * The open call-back tasks of the cases this staff user may read (an area's supervisor: that area's),
 * with the number masked everywhere, the channel identity included: it comes from the audited reveal.
 */
export async function listCallbacksFor(
  deps: Pick<OutboundDeps, 'leads' | 'outbound'>,
  staff: StaffUser,
  maskPhone: (p: string | null) => string | null,
): Promise<OutboundMessage[]> {
  const open = await deps.outbound.listByState('callback_open');
  const leads = new Map<string, Lead | null>();
  for (const id of new Set(open.map((m) => m.leadId))) leads.set(id, await deps.leads.get(id));
  return open
    .filter((m) => {
      const lead = leads.get(m.leadId);
      return lead ? canRead(staff, lead) : false;
    })
    .map((m) => ({
      ...m,
      phone: maskPhone(m.phone),
      channelUserId: m.channelUserId.startsWith('phone:') ? `phone:${maskPhone(m.channelUserId.slice(6))}` : m.channelUserId,
    }));
}
