import { AppError } from '../domain/app-error';
import type { EngineResult, TriageEngine } from '../domain/triage-result';
import type { TriageCorrections } from '../domain/complaint';
import type { Lead } from '../domain/lead';
import { joinOpenCase, joinsWhenMatched, openOrJoinCase, type CaseComplainant, type OpenCaseDeps } from './open-case';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import { decideDisposition } from '../domain/disposition-rules';
import { caseDisposition, nonCaseDisposition, type DispositionPolicy } from './review/disposition-policy';

export type { TriageEngine };

export interface TriageComplaintDeps extends OpenCaseDeps {
  complaints: ComplaintRepository;
  triage: TriageEngine;
  /** How dispositions are recorded (FAQ, referrals, review deadline, chat retention). */
  policy: DispositionPolicy;
  /**
   * Tells the complainant the case number, once per complaint (a failure here does not fail the
   * triage; the timeline entry was written with the case, see OpenCaseDeps.noticeEvent).
   */
  sendCaseNotice?: (lead: Lead, complainant: CaseComplainant, complaintId: string) => Promise<void>;
  /** The sweeper's pending set: a processed complaint leaves it (best effort; the sweeper also drops done ones). */
  pending?: { remove(complaintId: string): Promise<void> };
}

/**
 * Triage one stored complaint and give it its disposition: a wage complaint with something to act on
 * opens or joins a case; anything else is recorded with why and waits for review. Safe to run twice:
 * a triaged complaint is left alone and a lead is created at most once per complaint.
 */
export async function triageComplaint(
  deps: TriageComplaintDeps,
  complaintId: string,
  opts: { finalAttempt: boolean } = { finalAttempt: false },
) {
  const complaint = await deps.complaints.get(complaintId);
  if (!complaint) throw new AppError('complaint_not_found', `complaint ${complaintId} does not exist`, { status: 404 });
  if (complaint.state !== 'received') return { complaintId, leadId: complaint.leadId, skipped: true };
  try {
    const result = withCorrections(await deps.triage({ channel: complaint.channel, text: complaint.text }), complaint.corrections);
    const faqId = result.category === 'consultation' ? await deps.policy.faqIdFor(complaint.text) : null;
    const decision = decideDisposition(result, complaint.text, {
      faqIdFor: () => faqId,
      phoneKnown: Boolean(result.phone ?? complaint.sender.phone),
    });
    const now = deps.now?.() ?? new Date();
    // A question about an earlier complaint, or one triage could not make a case of, joins a case matching finds for it.
    const mayJoin = joinsWhenMatched(decision.code);
    const joined = mayJoin ? await joinOpenCase(deps, complaint, result, mayJoin.followUp) : null;
    if (decision.code !== 'case' && !joined) {
      await deps.complaints.markTriaged(complaintId, result, null, nonCaseDisposition(deps.policy, decision, now));
      await deps.pending?.remove(complaintId).catch(() => undefined);
      return { complaintId, leadId: null, skipped: false };
    }
    const { lead, complainant, opened } = joined ?? (await openOrJoinCase(deps, complaint, result));
    // The notice before the complaint is marked done: a crash in between sends it on the next run, once.
    if (deps.sendCaseNotice) await deps.sendCaseNotice(lead, complainant, complaintId).catch(() => undefined);
    await deps.complaints.markTriaged(complaintId, result, lead.id, caseDisposition(lead.id, opened, 'system', now));
    await deps.pending?.remove(complaintId).catch(() => undefined);
    return { complaintId, leadId: lead.id, skipped: false };
  } catch (err) {
    const at = deps.now?.() ?? new Date();
    const failed = opts.finalAttempt
      ? nonCaseDisposition(
          deps.policy,
          { code: 'triage_failed', referral: null, faqId: null, reason: (err as Error).message.slice(0, 200) },
          at,
        )
      : null;
    await deps.complaints.recordAttemptFailure(complaintId, (err as Error).message ?? String(err), failed).catch(() => undefined);
    throw err;
  }
}

/** What staff set by hand when they entered the complaint wins over what the engine read; sources say so. */
function withCorrections(result: EngineResult, corrections: TriageCorrections | null): EngineResult {
  if (!corrections) return result;
  const set = Object.entries(corrections).filter(([, v]) => v !== undefined);
  if (!set.length) return result;
  return { ...result, ...Object.fromEntries(set), sources: { ...result.sources, ...Object.fromEntries(set.map(([k]) => [k, 'staff'])) } };
}
