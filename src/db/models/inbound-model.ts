import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { InboundMessage } from '../../domain/inbound';

/**
 * One message or event pushed by the Official Account or WeCom platform, stored before it is answered.
 * (channel, key) is unique: a platform retry of the same MsgId (or, for events, sender + CreateTime)
 * finds the stored one.
 */
export type InboundDoc = Omit<InboundMessage, 'id'> & { _id: Types.ObjectId };

const schema = new Schema<InboundDoc>(
  {
    channel: { type: String, required: true },
    key: { type: String, required: true },
    contactId: { type: String, required: true },
    msgType: { type: String, required: true },
    text: { type: String, default: '' },
    mediaId: { type: String, default: null },
    event: { type: String, default: null },
    at: { type: Date, required: true },
    state: { type: String, required: true, default: 'received' },
    replies: { type: [String], default: [] },
    repliesSent: { type: Number, default: 0 },
    handledAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'inbound_messages' },
);
schema.index({ channel: 1, key: 1 }, { unique: true });
schema.index({ state: 1, createdAt: 1 });

export function inboundModel(conn: Connection): Model<InboundDoc> {
  return (conn.models.Inbound as Model<InboundDoc> | undefined) ?? conn.model<InboundDoc>('Inbound', schema);
}
