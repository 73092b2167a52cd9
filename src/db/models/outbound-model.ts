import { Schema, type Connection, type Model, Types } from 'mongoose';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';

export interface OutboundDoc {
  _id: Types.ObjectId;
  leadId: Types.ObjectId;
  complainantId: Types.ObjectId;
  channel: string;
  channelUserId: string;
  phone: string | null;
  kind: string;
  text: string;
  state: string;
  createdBy: string;
  deliveredAt: Date | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<OutboundDoc>(
  {
    leadId: { type: Schema.Types.ObjectId, required: true },
    complainantId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    channelUserId: { type: String, required: true },
    phone: { type: String, default: null },
    kind: { type: String, enum: ['staff_reply', 'case_notice'], required: true },
    text: { type: String, required: true },
    state: { type: String, enum: ['queued', 'delivered', 'failed', 'callback_open', 'callback_done'], required: true },
    createdBy: { type: String, required: true },
    deliveredAt: { type: Date, default: null },
    error: { type: String, default: null },
    attempts: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'outbound_messages' },
);
schema.index({ leadId: 1, createdAt: 1 });
schema.index({ state: 1, createdAt: 1 }); // open call-back tasks; undelivered messages

export function outboundModel(conn: Connection): Model<OutboundDoc> {
  return (conn.models.OutboundMessage as Model<OutboundDoc> | undefined) ?? conn.model<OutboundDoc>('OutboundMessage', schema);
}
