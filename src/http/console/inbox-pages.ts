import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { NotificationKind } from '../../domain/notification';
import type { NotificationRouteDeps } from '../routes/notification-routes';
import { parseOr400 } from '../validation';
import { staffOf } from './session';
import { render } from './views';

export type InboxPagesDeps = NotificationRouteDeps;

const PAGE_SIZE = 20;
const TABS = ['all', 'unread'] as const;
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i) });
const listQuery = z.object({ tab: opt(z.enum(TABS)), page: opt(z.coerce.number().int().min(1).max(10_000)) });
/** Where a form sends the reader back to: the same tab and page. */
const backForm = z.object({ tab: opt(z.enum(TABS)), page: opt(z.coerce.number().int().min(1).max(10_000)) });

const KIND_LABELS: Record<NotificationKind, string> = {
  case_opened: '新案件',
  assigned: '指派给我',
  worker_reply: '投诉人回复',
  deadline_reminder: '期限提醒',
  deadline_escalated: '超期督办',
  deadline_second_escalation: '超期上报局领导',
};

/** The unread count of the header's badge, on every page a signed-in user reads: one count query. */
export function inboxBadge(deps: Pick<InboxPagesDeps, 'countUnreadNotifications'>): RequestHandler {
  return async (req, res, next) => {
    if (res.locals.staff && req.method === 'GET') {
      // The page is worth more than its badge: without the store the count is left out.
      res.locals.unread = await deps.countUnreadNotifications(staffOf(res)).catch(() => null);
    }
    next();
  };
}

/** Every user's own notices (通知): newest first, unread ones marked, each with its case. */
export function inboxPages(deps: InboxPagesDeps): Router {
  const router = Router();
  const back = (body: unknown) => {
    const b = backForm.safeParse(body);
    const tab = b.success && b.data.tab === 'unread' ? 'unread' : 'all';
    const page = b.success && b.data.page ? b.data.page : 1;
    return `/console/inbox?tab=${tab}${page > 1 ? `&page=${page}` : ''}`;
  };

  router.get('/inbox', async (req, res) => {
    const q = parseOr400(listQuery, req.query);
    const tab = q.tab ?? 'all';
    const page = q.page ?? 1;
    const list = await deps.listNotifications(staffOf(res), { unreadOnly: tab === 'unread', page, pageSize: PAGE_SIZE });
    // The badge shows the count as this page read it.
    res.locals.unread = list.unread;
    render(res, 'inbox', {
      title: '通知',
      nav: 'inbox',
      tab,
      page,
      pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
      ...list,
      kindLabels: KIND_LABELS,
    });
  });

  router.post('/inbox/read-all', async (req, res) => {
    await deps.markAllNotificationsRead(staffOf(res));
    res.redirect(303, back(req.body));
  });

  router.post('/inbox/:id/read', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    await deps.markNotificationRead(staffOf(res), id);
    res.redirect(303, back(req.body));
  });
  return router;
}
