import type { PaymentCheck } from './payment-check';
import type { Category, ComplaintChannel, Sector, Urgency } from './triage-result';

export const LEAD_STATUSES = ['new', 'assigned', 'investigating', 'mediating', 'resolved', 'transferred', 'rejected', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A field's value as the timeline writes it: null when empty, a date by String(), anything else as JSON text. */
export function fieldText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return v instanceof Date ? String(v) : JSON.stringify(v);
}

/** One entry of the append-only case record (执法全过程记录): who, when, what, before → after. */
export interface TimelineEvent {
  at: Date;
  type: string;
  /** Staff id, or 'system'. */
  actor: string;
  note: string | null;
  changes: FieldChange[];
}

export interface Recovery {
  amountYuan: number;
  workersPaid: number;
  date: Date;
  note: string | null;
  actor: string;
  recordedAt: Date;
}

/**
 * Another open case that matching found alike but not enough to merge: staff merge it with one action or
 * dismiss it (a dismissed pair is not suggested again).
 */
export interface PossibleDuplicate {
  leadId: string;
  caseNumber: string;
  /** The evidence points (a complaint joins a case automatically at 3). */
  score: number;
  /** What the two have in common, in Chinese (同一老板, 电话相同, 同一工地…). */
  reasons: string[];
  at: Date;
}

/** The orders a case list can be read in. */
export const LEAD_SORTS = ['newest', 'oldest', 'urgent'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

/** One case for inspectors. Field meanings follow shared/triage/LABELS.md. */
export interface Lead {
  id: string;
  caseNumber: string;
  category: Category;
  employer: string | null;
  project: string | null;
  location: string | null;
  amountYuan: number | null;
  workerCount: number | null;
  phone: string | null;
  sector: Sector | null;
  urgency: Urgency;
  status: LeadStatus;
  /** Township / street responsible (routing), null when unknown. */
  area: string | null;
  department: string | null;
  priority: 'urgent' | 'normal';
  assigneeId: string | null;
  outcomeCode: string | null;
  transferTarget: string | null;
  rejectReason: string | null;
  recoveries: Recovery[];
  /** Working-day deadlines of the case and when each step was done. */
  deadlines: { acceptBy: Date; contactBy: Date; closeBy: Date } | null;
  acceptedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  /** Steps whose deadline passed undone (computed when read). */
  overdue: ('accept' | 'contact' | 'close')[];
  recoveredYuan: number;
  workersPaid: number;
  channel: ComplaintChannel;
  originComplaintId: string;
  /** Distinctive parts of the employer and project names, for de-duplication. */
  employerKey: string | null;
  projectKey: string | null;
  /** What each complaint of the case reported; the case's head count and amount are computed from them. */
  reports: { complaintId: string; complainantId: string; workerCount: number | null; amountYuan: number | null }[];
  complaintIds: string[];
  complainantIds: string[];
  /** Cases that may be this one too, waiting for a supervisor to merge or dismiss them. */
  possibleDuplicates: PossibleDuplicate[];
  /** Cases staff said are not duplicates of this one. */
  dismissedDuplicates: string[];
  /** Whether the wages arrived, as each complainant answered (see domain/payment-check). */
  paymentChecks: PaymentCheck[];
  timeline: TimelineEvent[];
  /** Changes with every change of the complaints that make up the case (a write's precondition). */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Case numbers read like WA20261128-0001: prefix, the local date, a daily sequence. */
export function formatCaseNumber(prefix: string, localDate: string, seq: number): string {
  return `${prefix}${localDate}-${String(seq).padStart(4, '0')}`;
}

/** Building a DateTimeFormat costs about a millisecond; one per time zone is kept. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYYMMDD of `at` in the bureau's time zone. */
export function localDateKey(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}
