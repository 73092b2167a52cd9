import { AppError } from '../domain/app-error';
import { recipientsOf } from '../domain/escalation';
import { eventKey, eventText, wecomText, type StaffEvent, type StaffNotification } from '../domain/notification';
import type { StaffUser } from '../domain/staff';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { NotificationRepository } from '../db/repositories/notification-repository';
import type { StaffRepository } from '../db/repositories/staff-repository';

export interface NotificationDeps {
  notifications: NotificationRepository;
  staff: Pick<StaffRepository, 'list'>;
  /** Usernames a second escalation goes to (ESCALATION_HEADS); none: the county-wide supervisors. */
  heads: readonly string[];
  /** Queues a notice's WeCom app message (a fixed job id per notice); absent when WeCom is not configured. */
  queueWecom?: (notificationId: string) => Promise<void>;
  warn: (detail: Record<string, unknown>, message: string) => void;
  now?: () => Date;
}

/**
 * Writes the event's notices to everyone who must hear of it, once per recipient however often it is
 * called, and queues their WeCom copies. Throws when the store or the queue fails (a job is retried).
 */
export async function recordStaffNotifications(deps: NotificationDeps, e: StaffEvent): Promise<StaffNotification[]> {
  const to = recipientsOf(e, await deps.staff.list(), deps.heads);
  if (!to.length) return [];
  const at = e.kind === 'case_opened' ? e.lead.createdAt : 'at' in e ? e.at : (deps.now?.() ?? new Date());
  const notices = await deps.notifications.addForEvent(
    { eventKey: eventKey(e), kind: e.kind, leadId: e.lead.id, caseNumber: e.lead.caseNumber, text: eventText(e), at },
    to.map((s) => ({ id: s.id, wecom: deps.queueWecom && s.wecomUserId ? 'queued' : 'none' })),
  );
  // A notice found from an earlier run whose copy was not sent yet is queued again (the job id makes it once).
  for (const n of notices) if (n.wecom === 'queued') await deps.queueWecom?.(n.id);
  return notices;
}

/** Tells the staff concerned and never fails the action that called it: a failure is logged. */
export async function notifyStaff(deps: NotificationDeps, e: StaffEvent): Promise<number> {
  try {
    return (await recordStaffNotifications(deps, e)).length;
  } catch (err) {
    deps.warn({ err: (err as Error).message, leadId: e.lead.id, kind: e.kind }, 'staff notification failed');
    return 0;
  }
}

/**
 * A worker replied on their case (in the chat, after a notice or a question): its assignee hears of
 * it, or while nobody is assigned the area's supervisors. `replyId` names the reply (a message or
 * complaint id), so the same reply is told once. Never throws; returns how many were told.
 */
export async function notifyWorkerReply(
  deps: NotificationDeps & { leads: Pick<LeadRepository, 'get'> },
  input: { leadId: string; replyId: string; at?: Date },
): Promise<number> {
  try {
    const lead = await deps.leads.get(input.leadId);
    if (!lead) return 0;
    return await notifyStaff(deps, { kind: 'worker_reply', lead, replyId: input.replyId, at: input.at ?? deps.now?.() ?? new Date() });
  } catch (err) {
    deps.warn({ err: (err as Error).message, leadId: input.leadId, kind: 'worker_reply' }, 'staff notification failed');
    return 0;
  }
}

export interface NotificationPage {
  items: StaffNotification[];
  total: number;
  unread: number;
}

/** One's own notices, newest first; `unreadOnly` for those not read yet. */
export async function listNotifications(
  deps: Pick<NotificationDeps, 'notifications'>,
  staff: StaffUser,
  q: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<NotificationPage> {
  const [list, unread] = await Promise.all([
    deps.notifications.listFor(staff.id, { unreadOnly: q.unreadOnly, skip: (q.page - 1) * q.pageSize, limit: q.pageSize }),
    deps.notifications.countUnread(staff.id),
  ]);
  return { ...list, unread };
}

export function countUnreadNotifications(deps: Pick<NotificationDeps, 'notifications'>, staff: StaffUser): Promise<number> {
  return deps.notifications.countUnread(staff.id);
}

/** Someone else's notice does not exist for the caller. */
export async function markNotificationRead(
  deps: Pick<NotificationDeps, 'notifications' | 'now'>,
  staff: StaffUser,
  id: string,
): Promise<StaffNotification> {
  const n = await deps.notifications.markRead(staff.id, id, deps.now?.() ?? new Date());
  if (!n) throw new AppError('notification_not_found', `notification ${id} does not exist`, { status: 404 });
  return n;
}

export async function markAllNotificationsRead(
  deps: Pick<NotificationDeps, 'notifications' | 'now'>,
  staff: StaffUser,
): Promise<{ marked: number }> {
  return { marked: await deps.notifications.markAllRead(staff.id, deps.now?.() ?? new Date()) };
}

export interface StaffNoticeDeps {
  notifications: NotificationRepository;
  staff: Pick<StaffRepository, 'get'>;
  /** Sends a WeCom app text message to a member's UserID; null when WeCom is not configured. */
  sendWecom: ((userId: string, text: string) => Promise<void>) | null;
  warn: NotificationDeps['warn'];
}

/**
 * The WeCom copy of a notice (a queue job, retried): sent once; a recipient without a UserID (any
 * more) gets none. When the last attempt fails the notice stays in the inbox, marked failed.
 */
export async function sendStaffNotice(
  deps: StaffNoticeDeps,
  notificationId: string,
  opts: { finalAttempt: boolean },
): Promise<'sent' | 'skipped'> {
  const n = await deps.notifications.get(notificationId);
  if (!n || n.wecom !== 'queued') return 'skipped';
  const who = await deps.staff.get(n.recipientId);
  if (!deps.sendWecom || !who?.active || !who.wecomUserId) {
    await deps.notifications.setWecom(n.id, 'none');
    return 'skipped';
  }
  try {
    await deps.sendWecom(who.wecomUserId, wecomText(n));
  } catch (err) {
    if (opts.finalAttempt) {
      await deps.notifications.setWecom(n.id, 'failed', (err as Error).message.slice(0, 200));
      deps.warn(
        { err: (err as Error).message, notificationId: n.id, leadId: n.leadId },
        'WeCom notice failed for good; it stays in the inbox',
      );
    }
    throw err;
  }
  await deps.notifications.setWecom(n.id, 'sent');
  return 'sent';
}

/**
 * WeCom copies still 'queued' `graceMs` after their notice was written (the queue was down then) are
 * queued again; the job id is the notice's, so a copy on its way is not sent twice. Returns how many.
 */
export async function sweepWecomCopies(
  deps: { notifications: Pick<NotificationRepository, 'listWecomQueued'>; queueWecom?: (notificationId: string) => Promise<void> },
  graceMs: number,
  now = new Date(),
): Promise<number> {
  if (!deps.queueWecom) return 0;
  const stale = await deps.notifications.listWecomQueued(new Date(now.getTime() - graceMs), 200);
  for (const n of stale) await deps.queueWecom(n.id);
  return stale.length;
}
