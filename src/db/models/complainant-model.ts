import { Schema, type Connection, type Model, Types } from 'mongoose';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';

export interface ComplainantDoc {
  _id: Types.ObjectId;
  channel: string;
  /** WeChat contact id, or for the hotline `phone:<digits>` / `call:<callId>`. */
  channelUserId: string;
  name: string | null;
  phone: string | null;
  /** An erased complainant's record: no name, phone or channel id; only the cases' head counts refer to it. */
  erasedAt: Date | null;
  /** While an erasure runs: the id of the erased record that takes this one's place (a rerun takes the same). */
  erasingTo: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<ComplainantDoc>(
  {
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    channelUserId: { type: String, required: true },
    name: { type: String, default: null },
    phone: { type: String, default: null },
    erasedAt: { type: Date, default: null },
    erasingTo: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, collection: 'complainants' },
);

schema.index({ channel: 1, channelUserId: 1 }, { unique: true });
schema.index({ phone: 1 });

export function complainantModel(conn: Connection): Model<ComplainantDoc> {
  return (conn.models.Complainant as Model<ComplainantDoc> | undefined) ?? conn.model<ComplainantDoc>('Complainant', schema);
}
