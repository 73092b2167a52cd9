import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../../db/repositories/complaint-repository';
import type { EvidenceRepository } from '../../db/repositories/evidence-repository';
import type { InboundRepository } from '../../db/repositories/inbound-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import type { Complaint } from '../../domain/complaint';
import type { Lead, TimelineEvent } from '../../domain/lead';
import { daysInWords, isErasedContact, TEXT_REMOVED, type RetentionPolicy, type RetentionReport } from '../../domain/privacy';
import { anonymisedComplaint, anonymiseMessage, scrubCase, withoutPhone } from './anonymise';
import { replaceComplainantRecord, type ComplainantRecordDeps } from './complainant-record';

export interface RetentionDeps extends ComplainantRecordDeps {
  complaints: Pick<ComplaintRepository, 'listExpiredNonLeads' | 'get' | 'anonymise' | 'clearEvidence' | 'referencedEvidence'>;
  leads: ComplainantRecordDeps['leads'] & Pick<LeadRepository, 'listClosedBefore' | 'markRetention' | 'holdsPersonalDataOf'>;
  complainants: ComplainantRecordDeps['complainants'] & Pick<ComplainantRepository, 'getMany'>;
  evidence: Pick<EvidenceRepository, 'remove' | 'listUnlinked' | 'markLinked'>;
  outbound: ComplainantRecordDeps['outbound'] & Pick<OutboundRepository, 'listForLead'>;
  inbound: Pick<InboundRepository, 'removeHandledBefore'>;
  policy: RetentionPolicy;
}

const DAY = 86_400_000;
const BATCH = 200;

/**
 * Erases or anonymises the personal data that is past its period (domain/privacy.ts), so that a run
 * at any time, or twice, does the same: complaints that never became a case lose their text and
 * sender; a closed case first loses its evidence files, later its complainants' names, numbers and
 * channel ids, while its figures stay; files that reached no complaint and raw platform messages go.
 */
export async function applyRetention(deps: RetentionDeps, now = new Date()): Promise<RetentionReport> {
  const report: RetentionReport = {
    nonLeadComplaints: 0,
    closedCases: 0,
    caseComplaints: 0,
    complainants: 0,
    evidenceFiles: 0,
    platformMessages: 0,
  };
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const { policy } = deps;

  for await (const c of batches((n) => deps.complaints.listExpiredNonLeads(before(policy.nonLeadDays), n))) {
    report.evidenceFiles += await deps.evidence.remove(c.evidenceIds);
    const triage = c.triage ? { ...c.triage, phone: null } : null;
    await deps.complaints.anonymise(c.id, { text: TEXT_REMOVED, turns: [], triage, corrections: withoutPhone(c.corrections) }, now);
    report.nonLeadComplaints++;
  }

  for await (const lead of batches((n) => deps.leads.listClosedBefore(before(policy.evidenceDays), 'evidenceDeletedAt', n))) {
    const complaints = await ownComplaints(deps, lead);
    const files = await deps.evidence.remove(complaints.flatMap((c) => c.evidenceIds));
    await deps.complaints.clearEvidence(complaints.filter((c) => c.evidenceIds.length).map((c) => c.id));
    const note = `证据材料已按保存期限删除（${files} 份；案件办结已满${daysInWords(policy.evidenceDays)}）`;
    await deps.leads.mutate(lead.id, () =>
      deps.leads.markRetention(lead.id, 'evidenceDeletedAt', now, systemEvent(now, 'evidence_deleted', note)),
    );
    report.evidenceFiles += files;
  }

  for await (const lead of batches((n) => deps.leads.listClosedBefore(before(policy.closedCaseDays), 'anonymisedAt', n))) {
    const done = await anonymiseClosedCase(deps, lead, now);
    if (!done) continue;
    report.closedCases++;
    report.caseComplaints += done.complaints;
    report.evidenceFiles += done.evidenceFiles;
    report.complainants += done.complainants;
  }

  report.evidenceFiles += await removeUnlinkedEvidence(deps, before(policy.nonLeadDays));
  report.platformMessages = await deps.inbound.removeHandledBefore(before(policy.nonLeadDays));
  return report;
}

/** A closed case's complaints, transcripts, messages and notes masked; its complainants erased once no case holds their data. */
async function anonymiseClosedCase(deps: RetentionDeps, lead: Lead, now: Date) {
  const people = await deps.complainants.getMany(lead.complainantIds);
  const complaints = await ownComplaints(deps, lead);
  const names = [...people.map((p) => p.name), ...complaints.map((c) => c.sender.name)];
  let evidenceFiles = 0;
  for (const c of complaints) {
    evidenceFiles += await deps.evidence.remove(c.evidenceIds);
    await deps.complaints.anonymise(c.id, anonymisedComplaint(c, names), now);
  }
  for (const m of await deps.outbound.listForLead(lead.id)) await anonymiseMessage(deps.outbound, m, names, m.complainantId);
  const event = systemEvent(
    now,
    'personal_data_anonymised',
    `投诉人个人信息已按保存期限匿名化（案件办结已满${daysInWords(deps.policy.closedCaseDays)}），案件数据保留`,
  );
  const written = await deps.leads.mutate(lead.id, () =>
    deps.leads.rewritePersonalData(lead.id, scrubCase({ names, phones: 'all' }), event, now),
  );
  // Left for the next run: the case kept changing.
  if (!written) return null;
  let complainants = 0;
  for (const p of people) {
    if (isErasedContact(p.channelUserId) || (await deps.leads.holdsPersonalDataOf(p.id))) continue;
    if (await replaceComplainantRecord(deps, p, now, { names, phones: new Set(), event: null })) complainants++;
  }
  return { complaints: complaints.length, evidenceFiles, complainants };
}

/** Files that no complaint refers to once their contact's conversation is long over (a conversation never registered). */
async function removeUnlinkedEvidence(deps: RetentionDeps, uploadedBefore: Date): Promise<number> {
  let removed = 0;
  let after: string | undefined;
  for (;;) {
    const ids = await deps.evidence.listUnlinked(uploadedBefore, BATCH, after);
    if (!ids.length) return removed;
    const used = await deps.complaints.referencedEvidence(ids);
    await deps.evidence.markLinked([...used]);
    removed += await deps.evidence.remove(ids.filter((id) => !used.has(id)));
    after = ids.at(-1);
  }
}

/** The complaints that belong to the case now (a merged case's complaints belong to the case it joined). */
async function ownComplaints(deps: RetentionDeps, lead: Lead): Promise<Complaint[]> {
  const found = await Promise.all(lead.complaintIds.map((id) => deps.complaints.get(id)));
  return found.filter((c): c is Complaint => c !== null && c.leadId === lead.id);
}

const systemEvent = (at: Date, type: string, note: string): TimelineEvent => ({ at, type, actor: 'system', note, changes: [] });

/**
 * Every item of a listing read again until it runs dry: each item handled leaves the listing. An item
 * seen twice (it could not be handled this run) ends the run's listing rather than looping on it.
 */
async function* batches<T extends { id: string }>(list: (limit: number) => Promise<T[]>): AsyncGenerator<T> {
  const seen = new Set<string>();
  for (;;) {
    const items = (await list(BATCH)).filter((x) => !seen.has(x.id));
    for (const x of items) {
      seen.add(x.id);
      yield x;
    }
    if (items.length === 0) return;
  }
}
