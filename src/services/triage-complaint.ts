import { AppError } from '../domain/app-error';
import type { TriageEngine } from '../domain/triage-result';
import type { Lead } from '../domain/lead';
import { openOrJoinCase, type OpenCaseDeps } from './open-case';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';

export type { TriageEngine };

export interface TriageComplaintDeps extends OpenCaseDeps {
  complaints: ComplaintRepository;
  triage: TriageEngine;
  /** Told once per complaint that joins or opens a case (a failure here does not fail the triage). */
  onCaseOpened?: (lead: Lead, complainantId: string) => Promise<void>;
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
    const lead = result.category === 'wage_arrears' ? await openOrJoinCase(deps, complaint, result) : null;
    await deps.complaints.markTriaged(complaintId, result, lead?.id ?? null);
    const report = lead?.reports.find((r) => r.complaintId === complaintId);
    if (lead && report && deps.onCaseOpened) await deps.onCaseOpened(lead, report.complainantId).catch(() => undefined);
    return { complaintId, leadId: lead?.id ?? null, skipped: false };
  } catch (err) {
    await deps.complaints
      .recordAttemptFailure(complaintId, (err as Error).message ?? String(err), opts.finalAttempt)
      .catch(() => undefined);
    throw err;
  }
}
