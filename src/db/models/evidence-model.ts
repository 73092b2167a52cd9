import { Schema, type Connection, type Model, Types } from 'mongoose';

/** A photo or document a complainant sent (an IOU 欠条, a contract, pay records), kept as sent. */
export interface EvidenceDoc {
  _id: Types.ObjectId;
  channel: string;
  channelUserId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  /** What a voice message said, as speech recognition heard it. */
  transcript?: string | null;
  /** Seen in a complaint by the retention job: not a file that reached no complaint. */
  linked?: boolean;
  createdAt: Date;
}

const schema = new Schema<EvidenceDoc>(
  {
    channel: { type: String, required: true },
    channelUserId: { type: String, required: true },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    data: { type: Buffer, required: true },
    transcript: { type: String, default: null },
    linked: { type: Boolean, default: false },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'evidence' },
);
schema.index({ channel: 1, channelUserId: 1, createdAt: -1 });

export function evidenceModel(conn: Connection): Model<EvidenceDoc> {
  return (conn.models.Evidence as Model<EvidenceDoc> | undefined) ?? conn.model<EvidenceDoc>('Evidence', schema);
}
