import { OUTBOUND_KINDS } from '../../domain/outbound';
import { Schema, type Connection, type Model, Types } from 'mongoose';
import { CALLBACK_OUTCOMES } from '../../domain/callback';
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
  /** Call-back tasks: when the next call is due, each call's outcome, when the task closed. */
  dueBy: Date | null;
  callbackOutcomes: { outcome: string; note: string | null; actor: string; at: Date }[];
  doneAt: Date | null;
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
    kind: { type: String, enum: OUTBOUND_KINDS, required: true },
    text: { type: String, required: true },
    state: { type: String, enum: ['queued', 'delivered', 'failed', 'callback_open', 'callback_done'], required: true },
    createdBy: { type: String, required: true },
    deliveredAt: { type: Date, default: null },
    error: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    dueBy: { type: Date, default: null },
    callbackOutcomes: {
      type: [
        {
          _id: false,
          outcome: { type: String, enum: CALLBACK_OUTCOMES, required: true },
          note: { type: String, default: null },
          actor: { type: String, required: true },
          at: { type: Date, required: true },
        },
      ],
      default: [],
    },
    doneAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'outbound_messages' },
);
schema.index({ leadId: 1, createdAt: 1 });
schema.index({ state: 1, createdAt: 1 }); // open call-back tasks; undelivered messages
schema.index({ state: 1, doneAt: -1 }); // call-back tasks done lately

export function outboundModel(conn: Connection): Model<OutboundDoc> {
  return (conn.models.OutboundMessage as Model<OutboundDoc> | undefined) ?? conn.model<OutboundDoc>('OutboundMessage', schema);
}
