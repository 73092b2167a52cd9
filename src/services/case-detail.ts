import { AppError } from '../domain/app-error';
import type { Lead } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { EvidenceInfo, EvidenceRepository } from '../db/repositories/evidence-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { OutboundRepository } from '../db/repositories/outbound-repository';
import type { StaffRepository } from '../db/repositories/staff-repository';
import type { AuditRepository } from '../db/repositories/audit-repository';
import { maskedLead, maskNumbersInText, maskPhone } from '../domain/masking';
import { isErasedContact } from '../domain/privacy';
import { readable, revealPhones } from './read-leads';

export interface CaseDetailDeps {
  leads: LeadRepository;
  complaints: ComplaintRepository;
  complainants: ComplainantRepository;
  evidence: EvidenceRepository;
  outbound: OutboundRepository;
  staff: StaffRepository;
  audit?: Pick<AuditRepository, 'record'>;
}

/**
 * Everything the case page shows: the case, its complaints as received (text and transcript turns),
 * evidence, complainants, messages, and staff names for the timeline. Phone and ID numbers are masked
 * unless `unmasked`, which only the audited reveal passes.
 */
export async function caseDetailFor(deps: CaseDetailDeps, staff: StaffUser, id: string, opts: { unmasked?: boolean } = {}) {
  const lead = await readable(deps, staff, id);
  const mask = opts.unmasked ? (s: string) => s : maskNumbersInText;
  const maskP = opts.unmasked ? (p: string | null) => p : maskPhone;
  const [complaints, people, messages, staffList] = await Promise.all([
    Promise.all(lead.complaintIds.map((c) => deps.complaints.get(c))),
    deps.complainants.getMany(lead.complainantIds),
    deps.outbound.listForLead(id),
    deps.staff.list(),
  ]);
  const found = complaints.filter((c) => c !== null);
  const evidence = await deps.evidence.describe(found.flatMap((c) => c.evidenceIds));
  const evidenceById = new Map<string, EvidenceInfo>(evidence.map((e) => [e.id, e]));
  return {
    lead: (opts.unmasked ? lead : maskedLead(lead)) satisfies Lead,
    complaints: found
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .map((c) => ({
        id: c.id,
        channel: c.channel,
        receivedAt: c.receivedAt,
        operator: c.operator,
        senderName: c.sender.name,
        isOrigin: c.id === lead.originComplaintId,
        text: mask(c.text),
        turns: c.turns.map((t) => ({ speaker: t.speaker, text: mask(t.text) })),
        evidence: c.evidenceIds.map((e) => evidenceById.get(e)).filter((e) => e !== undefined),
      })),
    complainants: people.map((p) => ({
      id: p.id,
      name: p.name,
      phone: maskP(p.phone),
      channel: p.channel,
      erased: isErasedContact(p.channelUserId),
    })),
    messages: messages.map((m) => ({ at: m.createdAt, kind: m.kind, text: mask(m.text), state: m.state, channel: m.channel })),
    staffNames: Object.fromEntries(staffList.map((s) => [s.id, s.username])) as Record<string, string>,
    phonesShown: Boolean(opts.unmasked),
  };
}

export type CaseDetail = Awaited<ReturnType<typeof caseDetailFor>>;

/** The case page with full numbers, after the viewing is recorded on the timeline. */
export async function revealCaseDetailFor(deps: CaseDetailDeps, staff: StaffUser, id: string): Promise<CaseDetail> {
  await revealPhones(deps, staff, id);
  return caseDetailFor(deps, staff, id, { unmasked: true });
}

/** One evidence file of a case the staff user may read; any other id is 404. */
export async function evidenceFileFor(deps: CaseDetailDeps, staff: StaffUser, leadId: string, evidenceId: string) {
  const lead = await readable(deps, staff, leadId);
  const complaints = await Promise.all(lead.complaintIds.map((c) => deps.complaints.get(c)));
  const belongs = complaints.some((c) => c?.evidenceIds.includes(evidenceId));
  const file = belongs ? await deps.evidence.read(evidenceId) : null;
  if (!file) throw new AppError('evidence_not_found', `evidence ${evidenceId} does not exist`, { status: 404 });
  await deps.audit?.record({
    at: new Date(),
    actor: staff.id,
    action: 'evidence_viewed',
    subject: `case:${lead.caseNumber}`,
    detail: { leadId: lead.id, evidenceId },
  });
  return file;
}
