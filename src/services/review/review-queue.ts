import { AppError } from '../../domain/app-error';
import type { Complaint } from '../../domain/complaint';
import type { DispositionCode, ReviewState } from '../../domain/disposition';
import { maskNumbersInText, maskOrNull, maskPhone } from '../../domain/masking';
import type { StaffUser } from '../../domain/staff';
import type { ComplaintChannel } from '../../domain/triage-result';
import type { ComplaintRepository } from '../../db/repositories/complaint-repository';

/** Who may read the review queue, and who may decide on it. */
const READERS = new Set(['admin', 'supervisor', 'operator']);
const DECIDERS = new Set(['admin', 'supervisor']);

export interface ReviewReadDeps {
  complaints: Pick<ComplaintRepository, 'get' | 'listForReview' | 'countForReview'>;
  labels: Record<DispositionCode, string>;
  now?: () => Date;
}

export interface ReviewQuery {
  state: ReviewState | 'all';
  code?: DispositionCode;
  channel?: ComplaintChannel;
  from?: Date;
  to?: Date;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/** A complaint in review as staff see it: numbers masked as everywhere else. */
export interface ReviewItem {
  id: string;
  channel: ComplaintChannel;
  receivedAt: Date;
  sender: { name: string | null; phone: string | null };
  text: string;
  turns: { speaker: 'agent' | 'caller'; text: string }[];
  /** What the engine read (the phone masked); null when triage failed. */
  triage: Complaint['triage'];
  disposition: NonNullable<Complaint['disposition']> & { label: string };
  review: NonNullable<Complaint['review']> & { overdue: boolean };
  log: Complaint['dispositionLog'];
  leadId: string | null;
}

export function assertCanRead(staff: StaffUser): void {
  if (!READERS.has(staff.role))
    throw new AppError('forbidden', 'the review queue is for supervisors, operators and admins', { status: 403 });
}

export function assertCanDecide(staff: StaffUser): void {
  if (!DECIDERS.has(staff.role)) throw new AppError('forbidden', 'only supervisors and admins decide on the review queue', { status: 403 });
}

/** A supervisor of an area reviews that area's complaints; everyone else who may read sees all. */
function areasOf(staff: StaffUser): readonly (string | null)[] | undefined {
  return staff.role === 'supervisor' && staff.area ? [staff.area] : undefined;
}

export function inScope(staff: StaffUser, c: Complaint): boolean {
  const areas = areasOf(staff);
  return !areas || areas.includes(c.triage?.area ?? null);
}

export function toReviewItem(deps: Pick<ReviewReadDeps, 'labels' | 'now'>, c: Complaint): ReviewItem {
  const now = deps.now?.() ?? new Date();
  const disposition = c.disposition!;
  const review = c.review!;
  return {
    id: c.id,
    channel: c.channel,
    receivedAt: c.receivedAt,
    sender: { name: c.sender.name, phone: maskPhone(c.sender.phone) },
    text: maskNumbersInText(c.text),
    turns: c.turns.map((t) => ({ speaker: t.speaker, text: maskNumbersInText(t.text) })),
    triage: c.triage ? { ...c.triage, phone: maskPhone(c.triage.phone) } : null,
    disposition: {
      ...disposition,
      label: deps.labels[disposition.code],
      reason: maskOrNull(disposition.reason),
      advice: maskOrNull(disposition.advice),
    },
    review: { ...review, reason: maskOrNull(review.reason), overdue: review.state === 'pending' && review.dueBy < now },
    log: c.dispositionLog.map((e) => ({ ...e, reason: maskOrNull(e.reason) })),
    leadId: c.leadId,
  };
}

/** The review queue (待甄别): complaints that did not become a case, newest first, with counts per disposition. */
export async function listReviewQueue(deps: ReviewReadDeps, staff: StaffUser, q: ReviewQuery) {
  assertCanRead(staff);
  const states: ReviewState[] = q.state === 'all' ? ['pending', 'confirmed', 'overturned'] : [q.state];
  const scope = {
    states,
    channel: q.channel,
    from: q.from,
    to: q.to,
    areas: areasOf(staff),
    overdueAt: q.overdue ? (deps.now?.() ?? new Date()) : undefined,
  };
  const [{ items, total }, counts] = await Promise.all([
    deps.complaints.listForReview({ ...scope, code: q.code, page: q.page, pageSize: q.pageSize }),
    deps.complaints.countForReview(scope),
  ]);
  return { items: items.map((c) => toReviewItem(deps, c)), total, page: q.page, pageSize: q.pageSize, counts };
}

/** One complaint of the queue; outside the reader's scope it does not exist for them. */
export async function getReviewItem(deps: ReviewReadDeps, staff: StaffUser, id: string): Promise<ReviewItem> {
  assertCanRead(staff);
  const c = await deps.complaints.get(id);
  if (!c || !c.review || !c.disposition || !inScope(staff, c))
    throw new AppError('review_not_found', `no complaint ${id} in the review queue`, { status: 404 });
  return toReviewItem(deps, c);
}
