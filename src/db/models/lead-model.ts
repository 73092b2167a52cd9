import { Schema, type Connection, type Model, Types } from 'mongoose';
import { LEAD_STATUSES } from '../../domain/lead';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';
import { CATEGORIES, SECTORS, URGENCIES } from '../../domain/triage-result';

export interface LeadDoc {
  _id: Types.ObjectId;
  caseNumber: string;
  category: string;
  employer: string | null;
  project: string | null;
  location: string | null;
  amountYuan: number | null;
  workerCount: number | null;
  phone: string | null;
  sector: string | null;
  urgency: string;
  status: string;
  channel: string;
  originComplaintId: Types.ObjectId;
  complaintIds: Types.ObjectId[];
  complainantIds: Types.ObjectId[];
  timeline: { at: Date; type: string; actor: string; note: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<LeadDoc>(
  {
    caseNumber: { type: String, required: true },
    category: { type: String, enum: CATEGORIES, required: true },
    employer: { type: String, default: null },
    project: { type: String, default: null },
    location: { type: String, default: null },
    amountYuan: { type: Number, default: null },
    workerCount: { type: Number, default: null },
    phone: { type: String, default: null },
    sector: { type: String, enum: [...SECTORS, null], default: null },
    urgency: { type: String, enum: URGENCIES, required: true },
    status: { type: String, enum: LEAD_STATUSES, default: 'new' },
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    originComplaintId: { type: Schema.Types.ObjectId, required: true },
    complaintIds: { type: [Schema.Types.ObjectId], default: [] },
    complainantIds: { type: [Schema.Types.ObjectId], default: [] },
    // Append-only: only ever $push-ed to.
    timeline: {
      type: [new Schema({ at: Date, type: String, actor: String, note: { type: String, default: null } }, { _id: false })],
      default: [],
    },
  },
  { timestamps: true, collection: 'leads' },
);

schema.index({ caseNumber: 1 }, { unique: true });
schema.index({ originComplaintId: 1 }, { unique: true }); // one lead per complaint, even when the job runs twice
schema.index({ createdAt: -1 });
schema.index({ status: 1, createdAt: -1 });
schema.index({ category: 1, createdAt: -1 });
schema.index({ complaintIds: 1 });

export function leadModel(conn: Connection): Model<LeadDoc> {
  return (conn.models.Lead as Model<LeadDoc> | undefined) ?? conn.model<LeadDoc>('Lead', schema);
}
