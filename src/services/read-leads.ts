import { canRead, scopeOf } from '../domain/access';
import { AppError } from '../domain/app-error';
import type { Lead } from '../domain/lead';
import { maskedLead } from '../domain/masking';
import type { StaffUser } from '../domain/staff';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { LeadFilter, LeadRepository } from '../db/repositories/lead-repository';
import type { OutboundRepository } from '../db/repositories/outbound-repository';
import type { AuditRepository } from '../db/repositories/audit-repository';

/** What a staff member may ask of the case list; their scope is added by the service. */
export type LeadQuery = Omit<LeadFilter, 'scope'>;

/** The leads a staff user may see (an inspector: their area's and those assigned to them), phones masked. */
export async function listLeadsFor(deps: { leads: LeadRepository }, staff: StaffUser, query: LeadQuery) {
  const { items, total } = await deps.leads.list({ ...query, scope: scopeOf(staff) });
  return { items: items.map((l) => maskedLead(l)), total };
}

/** Cases per status among those the staff user may see. */
export function countByStatusFor(deps: { leads: LeadRepository }, staff: StaffUser): Promise<Record<string, number>> {
  return deps.leads.countByStatus(scopeOf(staff));
}

export async function readable(deps: { leads: LeadRepository }, staff: StaffUser, id: string): Promise<Lead> {
  const lead = await deps.leads.get(id);
  if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
  return lead;
}

export async function getLeadFor(deps: { leads: LeadRepository }, staff: StaffUser, id: string): Promise<Lead> {
  return maskedLead(await readable(deps, staff, id));
}

/** Replies and notices of a case the staff user may read, with their delivery state. */
export async function listCaseMessages(
  deps: { leads: LeadRepository; outbound: Pick<OutboundRepository, 'listForLead'> },
  staff: StaffUser,
  id: string,
) {
  await readable(deps, staff, id);
  return deps.outbound.listForLead(id);
}

/** The full phone numbers of a case's complainants; each viewing is recorded on the case's timeline. */
export async function revealPhones(
  deps: { leads: LeadRepository; complainants: ComplainantRepository; audit?: Pick<AuditRepository, 'record'> },
  staff: StaffUser,
  id: string,
) {
  const lead = await readable(deps, staff, id);
  const people = await deps.complainants.getMany(lead.complainantIds);
  await deps.leads.mutate(id, () =>
    deps.leads.appendEvent(id, {
      at: new Date(),
      type: 'phone_viewed',
      actor: staff.id,
      note: `查看了 ${people.length} 位投诉人的电话`,
      changes: [],
    }),
  );
  await deps.audit?.record({
    at: new Date(),
    actor: staff.id,
    action: 'phones_revealed',
    subject: `case:${lead.caseNumber}`,
    detail: { leadId: lead.id, complainants: people.length },
  });
  return { phone: lead.phone, complainants: people.map((p) => ({ id: p.id, name: p.name, phone: p.phone, channel: p.channel })) };
}
