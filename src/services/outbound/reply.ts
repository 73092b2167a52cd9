import { canAct, canRead } from '../../domain/access';
import { AppError } from '../../domain/app-error';
import type { OutboundMessage } from '../../domain/outbound';
import type { StaffUser } from '../../domain/staff';
import { dispatch, type OutboundDeps } from './dispatch';

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
  await deps.leads.mutate(lead.id, () => deps.leads.markStep(lead.id, 'contactedAt', new Date()));
  return sent;
}
