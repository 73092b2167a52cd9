import type { Category, ComplaintChannel, Sector, Urgency } from './triage-result';

export const LEAD_STATUSES = ['new', 'assigned', 'investigating', 'mediating', 'resolved', 'transferred', 'rejected', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface TimelineEvent {
  at: Date;
  type: string;
  /** Staff id, or 'system'. */
  actor: string;
  note: string | null;
}

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
  channel: ComplaintChannel;
  originComplaintId: string;
  complaintIds: string[];
  complainantIds: string[];
  timeline: TimelineEvent[];
  createdAt: Date;
  updatedAt: Date;
}

/** Case numbers read like WA20261128-0001: prefix, the local date, a daily sequence. */
export function formatCaseNumber(prefix: string, localDate: string, seq: number): string {
  return `${prefix}${localDate}-${String(seq).padStart(4, '0')}`;
}

/** YYYYMMDD of `at` in the bureau's time zone. */
export function localDateKey(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}
