import { AppError } from '../domain/app-error';
import type { NewComplaint } from '../domain/complaint';
import type { StaffUser } from '../domain/staff';
import type { ComplaintChannel } from '../domain/triage-result';
import type { AcceptedComplaint } from './accept-complaint';

export interface StaffEntry {
  channel: ComplaintChannel;
  /** The source's own id (platform lead number, work-order number, a form's request id). */
  externalId: string;
  receivedAt: Date;
  complainant?: { name?: string; phone?: string };
  text: string;
}

/**
 * A complaint staff enter or forward. Idempotent on (channel, externalId). On the hotline channel the
 * call ids belong to the signed feed: a staff entry is kept apart from them, so an id typed by hand can
 * never stand in for a call that has not been delivered yet.
 */
export function enterComplaint(
  deps: { accept(input: NewComplaint): Promise<AcceptedComplaint> },
  staff: StaffUser,
  entry: StaffEntry,
): Promise<AcceptedComplaint> {
  if (staff.role === 'inspector' && !staff.area) throw new AppError('forbidden', 'not allowed to enter complaints', { status: 403 });
  return deps.accept({
    channel: entry.channel,
    dedupKey: entry.channel === 'hotline' ? `entry/${entry.externalId}` : entry.externalId,
    sender: { channelUserId: null, name: entry.complainant?.name ?? null, phone: entry.complainant?.phone ?? null },
    operator: staff.username,
    text: entry.text,
    turns: [],
    receivedAt: entry.receivedAt,
  });
}
