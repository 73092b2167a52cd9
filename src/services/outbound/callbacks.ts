import { canRead } from '../../domain/access';
import { AppError } from '../../domain/app-error';
import type { Lead } from '../../domain/lead';
import type { OutboundMessage } from '../../domain/outbound';
import type { StaffUser } from '../../domain/staff';
import type { OutboundDeps } from './dispatch';

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
  await deps.leads.mutate(lead.id, async () => {
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
