import { Types, type Connection } from 'mongoose';
import type { NotificationKind, StaffNotification, WecomState } from '../../domain/notification';
import { notificationModel, type NotificationDoc } from '../models/notification-model';
import { isDuplicateKeyError } from '../store-errors';

function toNotification(d: NotificationDoc): StaffNotification {
  return {
    id: d._id.toHexString(),
    recipientId: d.recipientId,
    kind: d.kind,
    leadId: d.leadId,
    caseNumber: d.caseNumber,
    text: d.text,
    at: d.at,
    readAt: d.readAt ?? null,
    wecom: d.wecom,
  };
}

const isId = (id: string) => /^[0-9a-f]{24}$/i.test(id);

export interface NotificationEvent {
  eventKey: string;
  kind: NotificationKind;
  leadId: string;
  caseNumber: string;
  text: string;
  at: Date;
}

export function createNotificationRepository(db: Connection) {
  const Notifications = notificationModel(db);
  return {
    /**
     * One notice per recipient of the event, written once: a second call for the same event (a retried
     * job) adds nothing. Returns the event's notices to these recipients, new or found.
     */
    async addForEvent(e: NotificationEvent, recipients: { id: string; wecom: WecomState }[]): Promise<StaffNotification[]> {
      const now = new Date();
      for (const r of recipients) {
        await Notifications.updateOne(
          { eventKey: { $eq: e.eventKey }, recipientId: { $eq: r.id } },
          { $setOnInsert: { ...e, recipientId: r.id, readAt: null, wecom: r.wecom, wecomError: null, createdAt: now } },
          { upsert: true },
        ).catch((err: unknown) => {
          // Two runs of one event at once: the other wrote it.
          if (!isDuplicateKeyError(err)) throw err;
        });
      }
      const docs = await Notifications.find({ eventKey: { $eq: e.eventKey }, recipientId: { $in: recipients.map((r) => r.id) } })
        .sort({ _id: 1 })
        .lean<NotificationDoc[]>();
      return docs.map(toNotification);
    },

    async get(id: string): Promise<StaffNotification | null> {
      if (!isId(id)) return null;
      const d = await Notifications.findById(id).lean<NotificationDoc>();
      return d ? toNotification(d) : null;
    },

    /** One's notices, newest first. */
    async listFor(
      recipientId: string,
      q: { unreadOnly: boolean; skip: number; limit: number },
    ): Promise<{ items: StaffNotification[]; total: number }> {
      const filter = { recipientId: { $eq: recipientId }, ...(q.unreadOnly ? { readAt: null } : {}) };
      const [docs, total] = await Promise.all([
        Notifications.find(filter).sort({ at: -1, _id: -1 }).skip(q.skip).limit(q.limit).lean<NotificationDoc[]>(),
        Notifications.countDocuments(filter),
      ]);
      return { items: docs.map(toNotification), total };
    },

    countUnread(recipientId: string): Promise<number> {
      return Notifications.countDocuments({ recipientId: { $eq: recipientId }, readAt: null });
    },

    /** Marks one of the recipient's notices read (kept as first read); null when it is not theirs. */
    async markRead(recipientId: string, id: string, at: Date): Promise<StaffNotification | null> {
      if (!isId(id)) return null;
      const _id = new Types.ObjectId(id);
      await Notifications.updateOne({ _id, recipientId: { $eq: recipientId }, readAt: null }, { $set: { readAt: at } });
      const d = await Notifications.findOne({ _id, recipientId: { $eq: recipientId } }).lean<NotificationDoc>();
      return d ? toNotification(d) : null;
    },

    async markAllRead(recipientId: string, at: Date): Promise<number> {
      const r = await Notifications.updateMany({ recipientId: { $eq: recipientId }, readAt: null }, { $set: { readAt: at } });
      return r.modifiedCount;
    },

    /** The WeCom copy's state; `error` says why it failed for good. */
    /** Notices whose WeCom copy was queued before `before` and is not sent yet, oldest first. */
    async listWecomQueued(before: Date, limit: number): Promise<StaffNotification[]> {
      const docs = await Notifications.find({ wecom: { $eq: 'queued' }, createdAt: { $lt: before } })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<NotificationDoc[]>();
      return docs.map(toNotification);
    },

    async setWecom(id: string, state: WecomState, error: string | null = null): Promise<void> {
      if (!isId(id)) return;
      await Notifications.updateOne({ _id: new Types.ObjectId(id) }, { $set: { wecom: state, wecomError: error } });
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
