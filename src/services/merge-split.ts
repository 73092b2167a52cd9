import { canAct, canRead } from '../domain/access';
import { AppError } from '../domain/app-error';
import { caseTotals } from '../domain/case-matching';
import type { Lead } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { CaseIndex } from '../domain/case-buckets';
import { NO_SIGNALS, unionSignals } from '../domain/case-signals';
import { indexEntry } from './create-case';
import { mergedDuplicates, repointDuplicates } from './possible-duplicates';

export interface MergeSplitDeps {
  leads: LeadRepository;
  complaints: ComplaintRepository;
  /** Opens a new case for one complaint from its stored triage (the open-case path, without matching). */
  openSeparateCase(complaintId: string): Promise<Lead>;
  /** The merged case is matched with both cases' signals from then on. */
  caseIndex?: Pick<CaseIndex, 'add'>;
}

const changedMeanwhile = (lead: Lead) =>
  new AppError('case_changed', `case ${lead.caseNumber} changed meanwhile; reload it and try again`, { status: 409 });

const OPEN = (l: Lead) => l.status !== 'closed' && l.status !== 'rejected';

async function editable(deps: MergeSplitDeps, staff: StaffUser, id: string): Promise<Lead> {
  const lead = await deps.leads.get(id);
  if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
  if (!canAct(staff, lead, 'assign')) throw new AppError('forbidden', 'only supervisors and admins merge or split cases', { status: 403 });
  if (!OPEN(lead)) throw new AppError('case_closed', `case ${lead.caseNumber} is ${lead.status}`, { status: 409 });
  return lead;
}

/** Both cases locked, in a fixed order so two opposite merges cannot deadlock. */
function lockBoth<T>(deps: MergeSplitDeps, a: string, b: string, fn: () => Promise<T>): Promise<T> {
  const [first, second] = a < b ? [a, b] : [b, a];
  return deps.leads.mutate(first, () => deps.leads.mutate(second, fn));
}

/** Staff merge a duplicate case into another: complaints, complainants and recoveries move; the duplicate closes. */
export async function mergeCases(deps: MergeSplitDeps, staff: StaffUser, targetId: string, sourceId: string): Promise<Lead> {
  if (targetId === sourceId) throw new AppError('invalid_request', 'a case cannot be merged into itself', { status: 400 });
  const { merged, source } = await lockBoth(deps, targetId, sourceId, async () => {
    const target = await editable(deps, staff, targetId);
    const source = await editable(deps, staff, sourceId);
    const reports = [...target.reports, ...source.reports];
    const [targetSignals, sourceSignals] = await Promise.all([deps.leads.signals(target.id), deps.leads.signals(source.id)]);
    const signals = unionSignals(targetSignals ?? NO_SIGNALS, sourceSignals ?? NO_SIGNALS);
    const merged = await deps.leads.setMembership(
      target.id,
      target.revision,
      {
        complaintIds: [...new Set([...target.complaintIds, ...source.complaintIds])],
        complainantIds: [...new Set([...target.complainantIds, ...source.complainantIds])],
        reports,
        recoveries: [...target.recoveries, ...source.recoveries],
        recoveredYuan: target.recoveredYuan + source.recoveredYuan,
        workersPaid: target.workersPaid + source.workersPaid,
        ...caseTotals(reports),
        signals,
        ...mergedDuplicates(target, source),
      },
      {
        at: new Date(),
        type: 'cases_merged',
        actor: staff.id,
        note: `并入案件 ${source.caseNumber}`,
        changes: [
          {
            field: 'complaintIds',
            before: String(target.complaintIds.length),
            after: String(target.complaintIds.length + source.complaintIds.length),
          },
        ],
      },
    );
    if (!merged) throw changedMeanwhile(target);
    await deps.complaints.setLead(source.complaintIds, target.id);
    await deps.leads.applyChange(
      source.id,
      source.status,
      { status: 'closed', outcomeCode: 'merged' },
      {
        at: new Date(),
        type: 'merged_into',
        actor: staff.id,
        note: `已并入案件 ${target.caseNumber}`,
        changes: [{ field: 'status', before: source.status, after: 'closed' }],
      },
    );
    await deps.caseIndex?.add(indexEntry(merged, signals));
    return { merged, source };
  });
  // Outside both cases' locks: other cases that named the merged one now name this one.
  await repointDuplicates(deps, source, merged);
  return merged;
}

/** Staff split a complaint that does not belong off a case: it gets a case of its own. */
export async function splitComplaint(
  deps: MergeSplitDeps,
  staff: StaffUser,
  leadId: string,
  complaintId: string,
): Promise<{ from: Lead; to: Lead }> {
  return deps.leads.mutate(leadId, async () => {
    const lead = await editable(deps, staff, leadId);
    if (!lead.complaintIds.includes(complaintId))
      throw new AppError('invalid_complaint', 'that complaint is not part of this case', { status: 400 });
    if (lead.originComplaintId === complaintId) {
      throw new AppError('origin_complaint', 'the complaint that opened the case stays with it; split the others off instead', {
        status: 409,
      });
    }
    const leaving = lead.reports.find((r) => r.complaintId === complaintId);
    const reports = lead.reports.filter((r) => r.complaintId !== complaintId);
    const stillThere = new Set(reports.map((r) => r.complainantId));
    const from = await deps.leads.setMembership(
      lead.id,
      lead.revision,
      {
        complaintIds: lead.complaintIds.filter((c) => c !== complaintId),
        complainantIds: lead.complainantIds.filter((c) => c !== leaving?.complainantId || stillThere.has(c)),
        reports,
        ...caseTotals(reports),
      },
      { at: new Date(), type: 'complaint_split', actor: staff.id, note: '投诉已拆分为独立案件', changes: [] },
    );
    if (!from) throw changedMeanwhile(lead);
    const to = await deps.openSeparateCase(complaintId);
    await deps.complaints.setLead([complaintId], to.id);
    return { from, to };
  });
}
