import type { ComplaintChannel } from '../domain/triage-result';
import { canAct, canRead } from '../domain/access';
import { AppError } from '../domain/app-error';
import type { Lead } from '../domain/lead';
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
    const viaBot = BOT_CHANNELS.includes(p.channel);
    const viaApi = !viaBot && deps.platformSenders.includes(p.channel);
    const m = await deps.outbound.create({
      leadId: lead.id,
      complainantId: p.id,
      channel: p.channel,
      channelUserId: p.channelUserId,
      phone: p.phone,
      kind,
      text,
      state: viaBot || viaApi ? 'queued' : 'callback_open',
      createdBy: actor,
    });
    // A queue outage leaves the message 'queued' in the store; the bot's sweep re-sends it.
    if (viaBot) await deps.outboundQueue.enqueue(m.id).catch(() => undefined);
    if (viaApi) await deps.platformQueue.enqueue(m.id).catch(() => undefined);
    sent.push(m);
  }
  if (sent.length) {
    const queued = sent.filter((m) => m.state === 'queued').length;
    const callbacks = sent.length - queued;
    await appendEvent(deps, lead.id, {
      at: new Date(),
      type: kind === 'staff_reply' ? 'reply_sent' : 'notice_sent',
      actor,
      note: `${text.slice(0, 200)}（微信发送 ${queued} 人，电话回访任务 ${callbacks} 个）`,
      changes: [],
    });
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
