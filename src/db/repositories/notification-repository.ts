import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { NotificationKind, StaffNotification, WecomState } from '../../domain/notification';
import { notificationModel, type NotificationDoc } from '../models/notification-model';
import { createGroupInsert } from '../group-insert';
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

/**
 * A notice's id follows from its event and recipient, so that writing an event's notices is one insert
 * and reading them back a lookup by `_id` (FerretDB v1 finds by any other field with a scan).
 */
const noticeId = (eventKey: string, recipientId: string) =>
  new Types.ObjectId(createHash('sha256').update(`${eventKey}\n${recipientId}`).digest().subarray(0, 12));

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
  const group = createGroupInsert(Notifications);
  return {
    /**
     * One notice per recipient of the event, written once: a second call for the same event (a retried
     * job) adds nothing. Returns the event's notices to these recipients, new or found.
     */
    async addForEvent(e: NotificationEvent, recipients: { id: string; wecom: WecomState }[]): Promise<StaffNotification[]> {
      if (!recipients.length) return [];
      const now = new Date();
      const docs = recipients.map((r) => ({
        _id: noticeId(e.eventKey, r.id),
        ...e,
        recipientId: r.id,
        readAt: null,
        wecom: r.wecom,
        wecomError: null,
        createdAt: now,
      }));
      const written = await Promise.allSettled(docs.map((d) => group.insert(d)));
      const kept: StaffNotification[] = [];
      const again: Types.ObjectId[] = [];
      written.forEach((w, i) => {
        if (w.status === 'fulfilled') kept.push(toNotification(w.value as unknown as NotificationDoc));
        // A retried job, or two runs of one event at once: the notice written before is kept as it is.
        else if (isDuplicateKeyError(w.reason)) again.push(docs[i]!._id);
        else throw w.reason;
      });
      if (!again.length) return kept;
      const byRecipient = new Map(kept.map((n) => [n.recipientId, n]));
      for (const d of await Notifications.find({ _id: { $in: again } }).lean<NotificationDoc[]>())
        byRecipient.set(d.recipientId, toNotification(d));
      const missing = recipients.filter((r) => !byRecipient.has(r.id));
      if (missing.length) {
        // Notices written under ids of another form: found by event and recipient.
        const more = await Notifications.find({ eventKey: { $eq: e.eventKey }, recipientId: { $in: missing.map((r) => r.id) } }).lean<
          NotificationDoc[]
        >();
        for (const d of more) byRecipient.set(d.recipientId, toNotification(d));
      }
      return recipients.flatMap((r) => byRecipient.get(r.id) ?? []);
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
