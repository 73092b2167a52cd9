import { canAct, canRead } from '../domain/access';
import { AppError } from '../domain/app-error';
import { nameKey } from '../domain/case-matching';
import { fieldText, type FieldChange, type Lead } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { Sector } from '../domain/triage-result';
import type { LeadRepository } from '../db/repositories/lead-repository';

/** The structured fields staff may correct after triage. */
export interface LeadFieldEdit {
  employer?: string | null;
  project?: string | null;
  location?: string | null;
  amountYuan?: number | null;
  workerCount?: number | null;
  sector?: Sector | null;
  priority?: 'urgent' | 'normal';
  /** Moves the case to another township's inspectors: supervisors and admins only. */
  area?: string | null;
}

export interface EditLeadDeps {
  leads: LeadRepository;
  now?: () => Date;
}

/** Applies the fields that differ, in one audited timeline entry (each field before → after). */
export async function editLeadFields(
  deps: EditLeadDeps,
  staff: StaffUser,
  leadId: string,
  edit: LeadFieldEdit,
  note?: string,
): Promise<Lead> {
  return deps.leads.mutate(leadId, async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${leadId} does not exist`, { status: 404 });
    if (!canAct(staff, lead, 'change_status')) throw new AppError('forbidden', `a ${staff.role} may not edit this case`, { status: 403 });
    if (lead.status === 'closed') throw new AppError('case_closed', `case ${lead.caseNumber} is closed`, { status: 409 });
    const set: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    for (const [field, after] of Object.entries(edit) as [keyof LeadFieldEdit, unknown][]) {
      if (after === undefined || fieldText(lead[field]) === fieldText(after)) continue;
      if (field === 'area' && !canAct(staff, lead, 'assign'))
        throw new AppError('forbidden', 'only supervisors and admins move a case to another area', { status: 403 });
      set[field] = after;
      changes.push({ field, before: fieldText(lead[field]), after: fieldText(after) });
    }
    if (!changes.length) return lead;
    // Corrected names take part in de-duplication from now on.
    if ('employer' in set) set.employerKey = nameKey(edit.employer ?? null);
    if ('project' in set) set.projectKey = nameKey(edit.project ?? null);
    const updated = await deps.leads.applyChange(lead.id, lead.status, set, {
      at: deps.now?.() ?? new Date(),
      type: 'fields_edited',
      actor: staff.id,
      note: note ?? null,
      changes,
    });
    if (!updated) throw new AppError('conflict', 'the case changed meanwhile; reload it and try again', { status: 409 });
    return updated;
  });
}
