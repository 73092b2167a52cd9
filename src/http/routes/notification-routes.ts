import { Router } from 'express';
import type { StaffNotification } from '../../domain/notification';
import type { StaffUser } from '../../domain/staff';
import type { NotificationPage } from '../../services/notifications';
import { notificationIdParam, notificationListQuery } from '../contracts/notification-contract';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

export interface NotificationRouteDeps {
  listNotifications(staff: StaffUser, q: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage>;
  countUnreadNotifications(staff: StaffUser): Promise<number>;
  markNotificationRead(staff: StaffUser, id: string): Promise<StaffNotification>;
  markAllNotificationsRead(staff: StaffUser): Promise<{ marked: number }>;
}

/** Every staff member's own notices: read, and mark read. */
export function notificationRoutes(deps: NotificationRouteDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseOr400(notificationListQuery, req.query);
    res.json(await deps.listNotifications(currentStaff(res), { unreadOnly: q.unread ?? false, page: q.page, pageSize: q.pageSize }));
  });
  router.post('/read-all', async (_req, res) => {
    res.json(await deps.markAllNotificationsRead(currentStaff(res)));
  });
  router.post('/:id/read', async (req, res) => {
    const { id } = parseOr400(notificationIdParam, req.params);
    res.json(await deps.markNotificationRead(currentStaff(res), id));
  });
  return router;
}
