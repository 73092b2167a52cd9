import { Types } from 'mongoose';
import type { LeadSort, LeadStatus } from '../../domain/lead';
import type { Category, ComplaintChannel, Sector } from '../../domain/triage-result';

/** Who may see what: null = everything; otherwise leads of one area, or assigned to one person. */
export interface LeadScope {
  area: string | null;
  assigneeId: string | null;
}

export const SORT_ORDER: Record<LeadSort, Record<string, 1 | -1>> = {
  newest: { createdAt: -1, _id: -1 },
  oldest: { createdAt: 1, _id: 1 },
  // 'urgent' > 'normal' as strings, so descending puts urgent cases first.
  urgent: { priority: -1, createdAt: -1, _id: -1 },
};

export interface LeadFilter {
  status?: LeadStatus;
  category?: Category;
  /** Literal text, matched (case-insensitively) against case number, employer, project and location. */
  q?: string;
  /** Only cases with a step past its deadline. */
  overdue?: boolean;
  area?: string;
  sector?: Sector;
  priority?: 'urgent' | 'normal';
  channel?: ComplaintChannel;
  /** Newest first (default), oldest first, or urgent first then newest. */
  sort?: LeadSort;
  /** Restricts the list to what the reader may see (see LeadScope). */
  scope?: LeadScope | null;
  page: number;
  pageSize: number;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The store query of a list filter: equality on each field set, the reader's scope, overdue and text. */
export function listQuery(f: LeadFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (f.status) query.status = { $eq: f.status };
  if (f.category) query.category = { $eq: f.category };
  if (f.area) query.area = { $eq: f.area };
  if (f.sector) query.sector = { $eq: f.sector };
  if (f.priority) query.priority = { $eq: f.priority };
  if (f.channel) query.channel = { $eq: f.channel };
  const and: Record<string, unknown>[] = [];
  if (f.scope) {
    const or: Record<string, unknown>[] = [];
    if (f.scope.area) or.push({ area: { $eq: f.scope.area } });
    if (f.scope.assigneeId) or.push({ assigneeId: new Types.ObjectId(f.scope.assigneeId) });
    // A scope that names nothing sees nothing.
    and.push(or.length ? { $or: or } : { _id: { $exists: false } });
  }
  if (f.overdue) {
    const now = new Date();
    and.push({ status: { $ne: 'closed' } });
    and.push({
      $or: [
        { acceptedAt: null, 'deadlines.acceptBy': { $lt: now } },
        { contactedAt: null, 'deadlines.contactBy': { $lt: now } },
        { closedAt: null, 'deadlines.closeBy': { $lt: now } },
      ],
    });
  }
  if (f.q) {
    const rx = { $regex: escapeRegex(f.q), $options: 'i' };
    and.push({ $or: [{ caseNumber: rx }, { employer: rx }, { project: rx }, { location: rx }] });
  }
  if (and.length) query.$and = and;
  return query;
}
