import { AppError } from '../domain/app-error';
import type { TriageEngine } from '../domain/triage-result';
import type { Lead } from '../domain/lead';
import { openOrJoinCase, type CaseComplainant, type OpenCaseDeps } from './open-case';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';

export type { TriageEngine };

export interface TriageComplaintDeps extends OpenCaseDeps {
  complaints: ComplaintRepository;
  triage: TriageEngine;
  /**
   * Tells the complainant the case number, once per complaint (a failure here does not fail the
   * triage; the timeline entry was written with the case, see OpenCaseDeps.noticeEvent).
   */
  sendCaseNotice?: (lead: Lead, complainant: CaseComplainant, complaintId: string) => Promise<void>;
  /** The sweeper's pending set: a processed complaint leaves it (best effort; the sweeper also drops done ones). */
  pending?: { remove(complaintId: string): Promise<void> };
}

/**
 * Triage one stored complaint and, for a wage-arrears complaint, open its lead. Safe to run twice:
 * a triaged complaint is left alone and a lead is created at most once per complaint.
 */
export async function triageComplaint(
  deps: TriageComplaintDeps,
  complaintId: string,
  opts: { finalAttempt: boolean } = { finalAttempt: false },
) {
  const complaint = await deps.complaints.get(complaintId);
  if (!complaint) throw new AppError('complaint_not_found', `complaint ${complaintId} does not exist`, { status: 404 });
  if (complaint.state === 'triaged') return { complaintId, leadId: complaint.leadId, skipped: true };
  try {
    const result = await deps.triage({ channel: complaint.channel, text: complaint.text });
    const opened = result.category === 'wage_arrears' ? await openOrJoinCase(deps, complaint, result) : null;
    const lead = opened?.lead ?? null;
    // The notice before the complaint is marked done: a crash in between sends it on the next run, once.
    if (opened && deps.sendCaseNotice) await deps.sendCaseNotice(opened.lead, opened.complainant, complaintId).catch(() => undefined);
    await deps.complaints.markTriaged(complaintId, result, lead?.id ?? null);
    await deps.pending?.remove(complaintId).catch(() => undefined);
    return { complaintId, leadId: lead?.id ?? null, skipped: false };
  } catch (err) {
    await deps.complaints
      .recordAttemptFailure(complaintId, (err as Error).message ?? String(err), opts.finalAttempt)
      .catch(() => undefined);
    throw err;
  }
}
