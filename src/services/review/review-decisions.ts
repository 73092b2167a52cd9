import { AppError } from '../../domain/app-error';
import type { Complaint } from '../../domain/complaint';
import type { Lead } from '../../domain/lead';
import type { StaffUser } from '../../domain/staff';
import type { Sector, TriageResult, Urgency } from '../../domain/triage-result';
import type { ComplaintRepository } from '../../db/repositories/complaint-repository';
import type { CaseComplainant } from '../create-case';
import { caseDisposition } from './disposition-policy';
import { assertCanDecide, inScope, toReviewItem, type ReviewItem, type ReviewReadDeps } from './review-queue';

export interface ReviewDecisionDeps extends ReviewReadDeps {
  complaints: ReviewReadDeps['complaints'] & Pick<ComplaintRepository, 'decideReview'>;
  /** Opens or joins a case for the complaint with the given fields, as triage does for a lead. */
  openCase(c: Complaint, t: TriageResult): Promise<{ lead: Lead; complainant: CaseComplainant; opened: boolean }>;
  /** Tells the complainant the case number (best effort). */
  sendCaseNotice?: (lead: Lead, complainant: CaseComplainant, complaintId: string) => Promise<void>;
}

/** The lead fields a reviewer corrects before a complaint becomes a case. */
export interface CorrectedFields {
  employer?: string | null;
  project?: string | null;
  location?: string | null;
  /** The township for routing; found from the location when left out. */
  area?: string | null;
  amount_yuan?: number | null;
  worker_count?: number | null;
  phone?: string | null;
  sector?: Sector | null;
  urgency?: Urgency;
}

async function decidable(deps: ReviewReadDeps, staff: StaffUser, id: string): Promise<Complaint> {
  assertCanDecide(staff);
  const c = await deps.complaints.get(id);
  if (!c || !c.review || !c.disposition || !inScope(staff, c))
    throw new AppError('review_not_found', `no complaint ${id} in the review queue`, { status: 404 });
  return c;
}

const decidedAlready = (c: Complaint) =>
  new AppError('review_decided', `this complaint was ${c.review?.state === 'overturned' ? 'made a case' : 'reviewed'} already`, {
    status: 409,
  });

/** A person agrees the complaint is not a case: recorded with their reason; it leaves the pending queue. */
export async function confirmDisposition(deps: ReviewDecisionDeps, staff: StaffUser, id: string, reason: string): Promise<ReviewItem> {
  const c = await decidable(deps, staff, id);
  if (c.review!.state !== 'pending') throw decidedAlready(c);
  const at = deps.now?.() ?? new Date();
  const review = { ...c.review!, state: 'confirmed' as const, decidedBy: staff.id, decidedAt: at, reason };
  const ok = await deps.complaints.decideReview(
    id,
    ['pending'],
    { disposition: c.disposition!, review, event: { at, actor: staff.id, action: 'confirmed', code: c.disposition!.code, reason } },
    null,
  );
  if (!ok) throw decidedAlready(c);
  return toReviewItem(deps, { ...c, review, dispositionLog: [...c.dispositionLog] });
}

/**
 * A person overturns the disposition: with the fields corrected, the complaint opens or joins a case
 * like any lead, and the complainant is told the case number.
 */
export async function overturnDisposition(
  deps: ReviewDecisionDeps,
  staff: StaffUser,
  id: string,
  input: { reason: string; fields: CorrectedFields },
): Promise<{ leadId: string; caseNumber: string; opened: boolean }> {
  const c = await decidable(deps, staff, id);
  if (c.review!.state === 'overturned') throw decidedAlready(c);
  const f = input.fields;
  if (!f.employer && !f.project && !f.location && !f.area) {
    throw new AppError('fields_required', '请至少填写欠薪单位（老板）、项目或地点之一 (employer, project or place required)', {
      status: 400,
    });
  }
  const t: TriageResult = {
    category: 'wage_arrears',
    employer: f.employer ?? null,
    project: f.project ?? null,
    location: f.location ?? null,
    area: f.area ?? null,
    amount_yuan: f.amount_yuan ?? null,
    worker_count: f.worker_count ?? null,
    phone: f.phone ?? c.triage?.phone ?? null,
    sector: f.sector ?? null,
    urgency: f.urgency ?? 'normal',
  };
  const { lead, complainant, opened } = await deps.openCase(c, t);
  await deps.sendCaseNotice?.(lead, complainant, c.id).catch(() => undefined);
  const at = deps.now?.() ?? new Date();
  const write = caseDisposition(lead.id, opened, staff.id, at, input.reason);
  const ok = await deps.complaints.decideReview(
    id,
    ['pending', 'confirmed'],
    {
      ...write,
      review: { ...c.review!, state: 'overturned', decidedBy: staff.id, decidedAt: at, reason: input.reason },
      event: { ...write.event, action: 'overturned' },
    },
    lead.id,
  );
  // Two reviewers at once: the complaint's case is one case (it is keyed by the complaint), the first decision stands.
  if (!ok && (await deps.complaints.get(id))?.review?.state !== 'overturned') throw decidedAlready(c);
  return { leadId: lead.id, caseNumber: lead.caseNumber, opened };
}
