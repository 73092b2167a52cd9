import { Types, type Connection } from 'mongoose';
import { isDuplicateKeyError } from '../store-errors';
import { inboundModel, type InboundDoc } from '../models/inbound-model';
import type { InboundMessage, NewInboundMessage, PlatformChannel } from '../../domain/inbound';

function toInbound(d: InboundDoc): InboundMessage {
  return {
    id: d._id.toHexString(),
    channel: d.channel,
    key: d.key,
    contactId: d.contactId,
    msgType: d.msgType,
    text: d.text,
    mediaId: d.mediaId,
    event: d.event,
    at: d.at,
    state: d.state,
    replies: d.replies,
    repliesSent: d.repliesSent,
    handledAt: d.handledAt,
    createdAt: d.createdAt,
  };
}

export function createInboundRepository(db: Connection) {
  const Inbound = inboundModel(db);
  return {
    /** Stores the message unless it was stored before (a platform retry): then the stored one is returned. */
    async insertOnce(input: NewInboundMessage): Promise<{ message: InboundMessage; created: boolean }> {
      try {
        const doc = await Inbound.create(input);
        return { message: toInbound(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await Inbound.findOne({ channel: { $eq: input.channel }, key: { $eq: input.key } }).lean<InboundDoc>();
        if (!existing) throw err;
        return { message: toInbound(existing), created: false };
      }
    },
    async get(id: string): Promise<InboundMessage | null> {
      if (!Types.ObjectId.isValid(id)) return null;
      const d = await Inbound.findById(id).lean<InboundDoc>();
      return d ? toInbound(d) : null;
    },
    async markHandled(id: string, replies: string[]): Promise<void> {
      await Inbound.updateOne({ _id: id, state: 'received' }, { $set: { state: 'handled', replies, handledAt: new Date() } });
    },
    async markRepliesSent(id: string, count: number): Promise<void> {
      await Inbound.updateOne({ _id: id }, { $set: { repliesSent: count } });
    },
    /** Handled messages received before `before`: the raw copies of what the complaints keep. How many. */
    async removeHandledBefore(before: Date): Promise<number> {
      return (await Inbound.deleteMany({ state: { $eq: 'handled' }, createdAt: { $lt: before } })).deletedCount;
    },
    /** Every message one contact sent on one platform; how many. */
    async removeFromContact(channel: PlatformChannel, contactId: string): Promise<number> {
      return (await Inbound.deleteMany({ channel: { $eq: channel }, contactId: { $eq: contactId } })).deletedCount;
    },
    /** Stored but not handled for longer than the grace period: the queue lost them. */
    async listUnhandled(olderThan: Date, limit: number): Promise<string[]> {
      const docs = await Inbound.find({ state: 'received', createdAt: { $lt: olderThan } }, { _id: 1 })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => d._id.toHexString());
    },
  };
}

export type InboundRepository = ReturnType<typeof createInboundRepository>;
