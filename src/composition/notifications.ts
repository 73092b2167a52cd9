import type { StaffEvent } from '../domain/notification';
import type { NotificationRouteDeps } from '../http/routes/notification-routes';
import { createPlatformClient } from '../infra/platform-client';
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notifyStaff,
  notifyWorkerReply,
  recordStaffNotifications,
  sendStaffNotice,
  type NotificationDeps,
} from '../services/notifications';
import type { AppContext } from './context';
import type { StaffUser } from '../domain/staff';

/** Who is on the staff changes seldom: read at most once in this many ms for notices, not once per new case. */
const STAFF_LIST_MS = 5_000;

function recentStaffList(ctx: AppContext): () => Promise<StaffUser[]> {
  let last: { at: number; list: Promise<StaffUser[]> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > STAFF_LIST_MS) {
      const list = ctx.repos.staff.list();
      last = { at: now, list };
      // A failed read is not kept: the next notice reads again.
      list.catch(() => {
        if (last?.list === list) last = null;
      });
    }
    return last.list;
  };
}

/** Staff notices: the inbox, and a WeCom app message through the platform queue where WeCom is configured. */
export function notificationDeps(ctx: AppContext): NotificationDeps {
  const log = ctx.log.child({ module: 'notifications' });
  return {
    notifications: ctx.repos.notifications,
    staff: { list: recentStaffList(ctx) },
    heads: ctx.config.escalationHeads,
    queueWecom: ctx.config.wecomApp ? (id) => ctx.platformQueue.sendStaffNotice(id) : undefined,
    warn: (detail, message) => log.warn(detail, message),
  };
}

/** For case actions and new cases: tells staff, never failing the caller. */
export function staffNotifier(ctx: AppContext): (e: StaffEvent) => Promise<number> {
  const deps = notificationDeps(ctx);
  return (e) => notifyStaff(deps, e);
}

/** For the deadline checks: a failure fails the check, whose job is retried. */
export function staffNotifierForJobs(ctx: AppContext): (e: StaffEvent) => Promise<unknown> {
  const deps = notificationDeps(ctx);
  return (e) => recordStaffNotifications(deps, e);
}

/** Tells a case's assignee (or its supervisors) that its worker replied; see notifyWorkerReply. */
export function workerReplyNotifier(ctx: AppContext): (input: { leadId: string; replyId: string; at?: Date }) => Promise<number> {
  const deps = { ...notificationDeps(ctx), leads: ctx.repos.leads };
  return (input) => notifyWorkerReply(deps, input);
}

export function notificationRoutesPort(ctx: AppContext): NotificationRouteDeps {
  const deps = { notifications: ctx.repos.notifications };
  return {
    listNotifications: (staff, q) => listNotifications(deps, staff, q),
    countUnreadNotifications: (staff) => countUnreadNotifications(deps, staff),
    markNotificationRead: (staff, id) => markNotificationRead(deps, staff, id),
    markAllNotificationsRead: (staff) => markAllNotificationsRead(deps, staff),
  };
}

/** The platform worker's `send-staff-notice` job: the notice's copy as a WeCom app message. */
export function staffNoticePort(ctx: AppContext): (notificationId: string, opts: { finalAttempt: boolean }) => Promise<unknown> {
  const app = ctx.config.wecomApp;
  const client = app ? createPlatformClient('wecom', app, ctx.redis, ctx.config.QUEUE_PREFIX, ctx.withLocks) : null;
  const log = ctx.log.child({ module: 'notifications' });
  const deps = {
    notifications: ctx.repos.notifications,
    staff: ctx.repos.staff,
    sendWecom: client ? (userId: string, text: string) => client.sendText(userId, text) : null,
    warn: (detail: Record<string, unknown>, message: string) => log.warn(detail, message),
  };
  return (notificationId, opts) => sendStaffNotice(deps, notificationId, opts);
}
