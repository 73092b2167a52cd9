import { createHash } from 'node:crypto';
import { canRead } from '../../domain/access';
import { AppError } from '../../domain/app-error';
import type { AuditEvent } from '../../domain/audit';
import type { Lead } from '../../domain/lead';
import { maskNumbersInText, maskPhone } from '../../domain/masking';
import { normalizePhone } from '../../domain/phone';
import type { StaffUser } from '../../domain/staff';
import type { OutboundMessage } from '../../domain/outbound';
import { CASE_STATUS_WORDS } from '../intake/progress-reply';

export interface LookupDeps {
  complainantIdsByPhone(phone: string): Promise<string[]>;
  casesOfComplainant(complainantId: string): Promise<Lead[]>;
  casesByPhone(phone: string): Promise<Lead[]>;
  caseByNumber(caseNumber: string): Promise<Lead | null>;
  messagesOf(leadId: string): Promise<OutboundMessage[]>;
  audit(e: AuditEvent): Promise<void>;
  now?: () => Date;
}

/** A caller's case as an operator reads it out: the status in words, the last staff reply, the next step. */
export interface CallerCase {
  id: string;
  caseNumber: string;
  employer: string | null;
  project: string | null;
  createdAt: Date;
  status: string;
  statusWords: string;
  nextStep: string;
  lastReply: { text: string; at: Date } | null;
}

const CASE_NUMBER = /^[A-Z]{1,6}\d{8}-\d{4}$/;
const READERS = new Set(['operator', 'supervisor', 'admin']);

/**
 * A caller's cases by phone number (any written form) or by case number. Every lookup by phone is
 * recorded in the audit log (the number masked and hashed), found or not.
 */
export async function lookupCaller(
  deps: LookupDeps,
  staff: StaffUser,
  query: string,
): Promise<{ by: 'phone' | 'case'; cases: CallerCase[] }> {
  if (!READERS.has(staff.role)) throw new AppError('forbidden', 'caller lookup is for operators, supervisors and admins', { status: 403 });
  const q = query.trim().toUpperCase();
  if (CASE_NUMBER.test(q)) {
    const lead = await deps.caseByNumber(q);
    return { by: 'case', cases: lead && canRead(staff, lead) ? [await toCallerCase(deps, lead)] : [] };
  }
  const phone = normalizePhone(query);
  if (!phone) throw new AppError('invalid_query', '请输入手机号、带区号的座机号或案件编号', { status: 400 });
  const byComplainant = await Promise.all((await deps.complainantIdsByPhone(phone)).map((id) => deps.casesOfComplainant(id)));
  const found = new Map<string, Lead>();
  for (const lead of [...byComplainant.flat(), ...(await deps.casesByPhone(phone))]) if (canRead(staff, lead)) found.set(lead.id, lead);
  const cases = [...found.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  await deps.audit({
    at: deps.now?.() ?? new Date(),
    actor: staff.id,
    action: 'phone_lookup',
    subject: maskPhone(phone) ?? '****',
    detail: { phoneHash: createHash('sha256').update(phone).digest('hex').slice(0, 16), results: cases.length },
  });
  return { by: 'phone', cases: await Promise.all(cases.map((l) => toCallerCase(deps, l))) };
}

async function toCallerCase(deps: LookupDeps, lead: Lead): Promise<CallerCase> {
  const [statusWords, nextStep] = CASE_STATUS_WORDS[lead.status] ?? [lead.status, ''];
  const reply = (await deps.messagesOf(lead.id)).filter((m) => m.kind === 'staff_reply').at(-1);
  return {
    id: lead.id,
    caseNumber: lead.caseNumber,
    employer: lead.employer,
    project: lead.project,
    createdAt: lead.createdAt,
    status: lead.status,
    statusWords,
    nextStep,
    lastReply: reply ? { text: maskNumbersInText(reply.text), at: reply.createdAt } : null,
  };
}
