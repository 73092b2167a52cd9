import { AppError } from '../domain/app-error';
import type { Complaint } from '../domain/complaint';
import { formatCaseNumber, localDateKey, type Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';
import type { TriageEngine, TriageResult } from '../domain/triage-result';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';

export type { TriageEngine };

export interface TriageComplaintDeps {
  complaints: ComplaintRepository;
  leads: LeadRepository;
  complainants: ComplainantRepository;
  triage: TriageEngine;
  caseNumberPrefix: string;
  timeZone: string;
  /** Sector → responsible department; defaults to DEFAULT_DEPARTMENTS. */
  departments?: Record<string, string>;
}

/** The complainant's identity on the channel: the WeChat contact, else the caller's phone, else the call itself. */
function complainantKey(c: Complaint, triagedPhone: string | null): { channelUserId: string; phone: string | null } {
  const phone = c.sender.phone ?? triagedPhone;
  if (c.sender.channelUserId) return { channelUserId: c.sender.channelUserId, phone };
  if (phone) return { channelUserId: `phone:${phone}`, phone };
  return { channelUserId: `${c.channel}:${c.dedupKey}`, phone: null };
}

async function leadFor(deps: TriageComplaintDeps, c: Complaint, t: TriageResult): Promise<Lead> {
  const existing = await deps.leads.findByOriginComplaint(c.id);
  if (existing) return existing;
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const day = localDateKey(c.receivedAt, deps.timeZone);
  const seq = await deps.leads.nextSequence(`case:${deps.caseNumberPrefix}${day}`);
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const { lead } = await deps.leads.createOnce({
    ...route,
    caseNumber: formatCaseNumber(deps.caseNumberPrefix, day, seq),
    category: t.category,
    employer: t.employer,
    project: t.project,
    location: t.location,
    amountYuan: t.amount_yuan,
    workerCount: t.worker_count,
    phone: who.phone,
    sector: t.sector,
    urgency: t.urgency,
    channel: c.channel,
    originComplaintId: c.id,
    complaintIds: [c.id],
    complainantIds: [complainantId],
    timeline: [
      { at: new Date(), type: 'created', actor: 'system', note: `由${c.channel === 'hotline' ? '热线' : '微信'}投诉自动生成`, changes: [] },
    ],
  });
  return lead;
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
    const lead = result.category === 'wage_arrears' ? await leadFor(deps, complaint, result) : null;
    await deps.complaints.markTriaged(complaintId, result, lead?.id ?? null);
    return { complaintId, leadId: lead?.id ?? null, skipped: false };
  } catch (err) {
    await deps.complaints
      .recordAttemptFailure(complaintId, (err as Error).message ?? String(err), opts.finalAttempt)
      .catch(() => undefined);
    throw err;
  }
}
