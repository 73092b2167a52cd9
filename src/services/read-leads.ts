import { canRead, scopeOf } from '../domain/access';
import { AppError } from '../domain/app-error';
import type { Lead, LeadStatus } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { Category } from '../domain/triage-result';
import type { LeadRepository } from '../db/repositories/lead-repository';

export interface LeadQuery {
  status?: LeadStatus;
  category?: Category;
  q?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/** The leads a staff user may see: an inspector sees their area's cases and those assigned to them. */
export function listLeadsFor(deps: { leads: LeadRepository }, staff: StaffUser, query: LeadQuery) {
  return deps.leads.list({ ...query, scope: scopeOf(staff) });
}

export async function getLeadFor(deps: { leads: LeadRepository }, staff: StaffUser, id: string): Promise<Lead> {
  const lead = await deps.leads.get(id);
  if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
  return lead;
}
