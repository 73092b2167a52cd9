import { z } from 'zod';
import { NOTIFICATION_KINDS, WECOM_STATES, type StaffNotification } from '../../domain/notification';
import type { NotificationPage } from '../../services/notifications';
import { failure, invalid, isoDateTime, storeId, unauthenticated, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';

export const notificationListQuery = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({ description: 'true: only the notices not read yet' }),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const notificationIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character notification id') });

export const notification = z
  .strictObject({
    id: storeId,
    recipientId: storeId,
    kind: z.enum(NOTIFICATION_KINDS).meta({
      description:
        'case_opened (a new case in one’s area), assigned (to oneself), worker_reply, deadline_reminder, deadline_escalated, deadline_second_escalation',
    }),
    leadId: storeId,
    caseNumber: z.string(),
    text: z.string().meta({ description: 'what happened, in Chinese; never a complainant’s phone or ID number' }),
    at: isoDateTime,
    readAt: isoDateTime.nullable(),
    wecom: z.enum(WECOM_STATES).meta({ description: 'the copy to the recipient’s WeCom: none, queued, sent, or failed' }),
  })
  .meta({ id: 'StaffNotification' });

const page = z.strictObject({
  items: z.array(notification),
  total: z.number().int().meta({ description: 'notices matching the filter' }),
  unread: z.number().int().meta({ description: 'the caller’s unread notices' }),
});

true satisfies Describes<typeof notification, StaffNotification>;
true satisfies Describes<typeof page, NotificationPage>;

/** The caller's own notices (站内通知): new cases of their area, assignments, workers' replies, deadlines. */
export const notificationContract: RouterContract = {
  prefix: '/api/notifications',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'the caller’s notices, newest first, with the unread count',
      security: 'staff',
      request: { query: notificationListQuery },
      responses: {
        200: { description: 'a page of notices', json: page },
        400: invalid,
        401: unauthenticated,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/read-all',
      summary: 'mark all the caller’s notices read',
      security: 'staff',
      responses: {
        200: { description: 'how many were unread', json: z.strictObject({ marked: z.number().int() }) },
        401: unauthenticated,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/{id}/read',
      summary: 'mark one of the caller’s notices read (the first reading time is kept)',
      security: 'staff',
      request: { params: notificationIdParam },
      responses: {
        200: { description: 'the notice', json: notification },
        400: invalid,
        401: unauthenticated,
        404: failure('no such notice, or another’s'),
        503: unavailable,
      },
    },
  ],
};
