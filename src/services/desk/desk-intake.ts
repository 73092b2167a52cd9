import { AppError } from '../../domain/app-error';
import type { Complaint, NewComplaint, TranscriptTurn, TriageCorrections } from '../../domain/complaint';
import { becameCase, type DispositionCode, type Referral, type ReferralTarget } from '../../domain/disposition';
import { decideDisposition } from '../../domain/disposition-rules';
import type { Lead } from '../../domain/lead';
import type { StaffUser } from '../../domain/staff';
import type { TriageInput, TriageResult } from '../../domain/triage-result';
import type { AcceptedComplaint } from '../accept-complaint';
import { joinsWhenMatched } from '../open-case';

/** The channels a complaint can be entered on at the desk. */
export const DESK_CHANNELS = ['hotline', 'phone', 'onsite', 'national_platform', 'media', 'petition'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

export interface DeskDeps {
  /** The rule engine: what the product reads, at once, while the caller waits. */
  read(input: TriageInput): TriageResult;
  /** The FAQ entry a consultation is answered with (the bureau's, cached in the process). */
  faqFor(text: string): Promise<{ id: string; answer: string; source: string }>;
  referrals: Record<ReferralTarget, Referral>;
  labels: Record<DispositionCode, string>;
  /**
   * The open case intake would join this complaint to (the matcher intake uses, on what intake would
   * read: the fields, the text, the caller, the time), if any; a question about an earlier complaint
   * (`followUp`) is placed as intake places it.
   */
  previewJoin(t: TriageResult, complaint: PreviewedComplaint, opts?: { followUp?: boolean }): Promise<Lead | null>;
  accept(input: NewComplaint): Promise<AcceptedComplaint>;
  getComplaint(id: string): Promise<Complaint | null>;
  getLead(id: string): Promise<Lead | null>;
}

/** What of a complaint not yet filed matching reads besides its fields. */
export interface PreviewedComplaint {
  text: string;
  receivedAt: Date;
  sender: { name: string | null; phone: string | null };
}

export interface DeskEntry {
  channel: DeskChannel;
  receivedAt: Date;
  callerName?: string | null;
  callerPhone?: string | null;
  /** Free text, or a pasted transcript with 坐席：/来电人： lines. */
  text: string;
}

/** What the desk shows before filing: the fields read, the disposition proposed, the case it would join. */
export interface DeskCheck {
  reading: TriageResult;
  proposal: { code: DispositionCode; label: string; reason: string; tellCaller: string | null };
  joins: { id: string; caseNumber: string; employer: string | null; project: string | null; status: string } | null;
}

const TURN = /^\s*(坐席|来电人)\s*[：:]\s*(.*)$/;

/** A pasted transcript's turns (every line tagged 坐席/来电人), else none. */
export function transcriptTurns(text: string): TranscriptTurn[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const turns = lines.map((l) => TURN.exec(l));
  if (lines.length < 2 || turns.some((m) => !m)) return [];
  return turns.map((m) => ({ speaker: m![1] === '坐席' ? ('agent' as const) : ('caller' as const), text: m![2]!.trim() }));
}

/** Reads the complaint as triage would and proposes what becomes of it, corrections applied. */
export async function checkAtDesk(deps: DeskDeps, entry: DeskEntry, corrections: TriageCorrections = {}): Promise<DeskCheck> {
  const read = deps.read({ channel: entry.channel, text: entry.text });
  const reading: TriageResult = {
    ...read,
    ...definedOnly(corrections),
    phone: corrections.phone ?? read.phone ?? entry.callerPhone ?? null,
  };
  const faq = reading.category === 'consultation' ? await deps.faqFor(entry.text) : null;
  const decision = decideDisposition(reading, entry.text, {
    faqIdFor: () => faq?.id ?? null,
    phoneKnown: Boolean(reading.phone ?? entry.callerPhone),
  });
  // Which case it would join is a preview: without it (Redis briefly away) the check still shows what was read.
  const mayJoin = decision.code === 'case' ? { followUp: false } : joinsWhenMatched(decision.code);
  if (mayJoin) {
    // Intake reads the engine's fields with the operator's corrections, and the caller as the sender.
    const asIntake: TriageResult = { ...read, ...definedOnly(corrections) };
    const complaint = {
      text: entry.text,
      receivedAt: entry.receivedAt,
      sender: { name: entry.callerName ?? null, phone: entry.callerPhone ?? null },
    };
    const lead = await deps.previewJoin(asIntake, complaint, mayJoin).catch(() => null);
    if (lead)
      return {
        reading,
        proposal: {
          code: 'merged',
          label: deps.labels.merged,
          reason: mayJoin.followUp ? '查询已反映事项的进展，并入原案件' : '与已有案件为同一单位或项目',
          tellCaller: null,
        },
        joins: { id: lead.id, caseNumber: lead.caseNumber, employer: lead.employer, project: lead.project, status: lead.status },
      };
  }
  if (decision.code === 'case')
    return { reading, proposal: { code: 'lead', label: deps.labels.lead, reason: '欠薪线索，生成新案件', tellCaller: null }, joins: null };
  const tellCaller =
    decision.code === 'consultation_answered' && faq
      ? `${faq.answer}（依据：${faq.source}）`
      : decision.referral
        ? deps.referrals[decision.referral].advice
        : null;
  return {
    reading,
    proposal: { code: decision.code, label: deps.labels[decision.code], reason: decision.reason, tellCaller },
    joins: null,
  };
}

/**
 * Files the complaint with the operator's corrections. Idempotent on the form it was entered with: a
 * double click or a resubmit gives the same complaint.
 */
export async function fileAtDesk(deps: DeskDeps, staff: StaffUser, formId: string, entry: DeskEntry, corrections: TriageCorrections) {
  if (staff.role === 'inspector' && !staff.area) throw new AppError('forbidden', 'not allowed to enter complaints', { status: 403 });
  return deps.accept({
    channel: entry.channel,
    dedupKey: `desk-${formId}`,
    sender: { channelUserId: null, name: entry.callerName ?? null, phone: entry.callerPhone ?? null },
    operator: staff.username,
    text: entry.text,
    turns: transcriptTurns(entry.text),
    receivedAt: entry.receivedAt,
    corrections: definedOnly(corrections),
  });
}

export type DeskOutcome =
  | { state: 'processing' }
  | { state: 'case'; caseNumber: string; leadId: string; joined: boolean }
  | { state: 'other'; label: string; reason: string | null; tellCaller: string | null };

/** What became of a complaint filed at the desk, in words the operator reads out. Staff see their own entries; supervisors and admins any. */
export async function deskOutcome(
  deps: DeskDeps,
  staff: StaffUser,
  complaintId: string,
): Promise<{ complaint: Complaint; outcome: DeskOutcome }> {
  const c = await deps.getComplaint(complaintId);
  const mine = c && (c.operator === staff.username || staff.role === 'supervisor' || staff.role === 'admin');
  if (!c || !mine || !c.dedupKey.startsWith('desk-'))
    throw new AppError('complaint_not_found', 'no such complaint entered here', { status: 404 });
  const d = c.disposition;
  if (!d) return { complaint: c, outcome: { state: 'processing' } };
  if (becameCase(d.code) && d.leadId) {
    const lead = await deps.getLead(d.leadId);
    if (lead)
      return { complaint: c, outcome: { state: 'case', caseNumber: lead.caseNumber, leadId: lead.id, joined: d.code === 'merged' } };
  }
  const faq = d.code === 'consultation_answered' ? await deps.faqFor(c.text) : null;
  return {
    complaint: c,
    outcome: {
      state: 'other',
      label: deps.labels[d.code],
      reason: d.reason,
      tellCaller: faq ? `${faq.answer}（依据：${faq.source}）` : d.advice,
    },
  };
}

function definedOnly(c: TriageCorrections): TriageCorrections {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}
