import { Schema, type Connection, type Model, Types } from 'mongoose';
import { COMPLAINT_CHANNELS, type TriageCorrections } from '../../domain/complaint';
import { CATEGORIES, SECTORS, URGENCIES, type EngineResult } from '../../domain/triage-result';
import { DISPOSITION_CODES, REFERRAL_TARGETS, type Disposition, type DispositionEvent, type Review } from '../../domain/disposition';

export interface ComplaintDoc {
  _id: Types.ObjectId;
  channel: string;
  dedupKey: string;
  sender: { channelUserId: string | null; name: string | null; phone: string | null };
  operator: string | null;
  text: string;
  turns: { speaker: 'agent' | 'caller'; text: string }[];
  receivedAt: Date;
  evidenceIds: Types.ObjectId[];
  state: 'received' | 'triaged' | 'triage_failed';
  triage: (EngineResult & { triagedAt: Date }) | null;
  leadId: Types.ObjectId | null;
  corrections: TriageCorrections | null;
  disposition: (Omit<Disposition, 'leadId'> & { leadId: Types.ObjectId | null }) | null;
  review: Review | null;
  dispositionLog: DispositionEvent[];
  /** When retention or an erasure removed its personal data (sender, numbers, names, evidence). */
  anonymisedAt: Date | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const triageSchema = new Schema(
  {
    category: { type: String, enum: CATEGORIES, required: true },
    employer: { type: String, default: null },
    project: { type: String, default: null },
    location: { type: String, default: null },
    // The township for routing, apart from the place as written.
    area: { type: String, default: null },
    amount_yuan: { type: Number, default: null },
    worker_count: { type: Number, default: null },
    phone: { type: String, default: null },
    sector: { type: String, enum: [...SECTORS, null], default: null },
    urgency: { type: String, enum: URGENCIES, required: true },
    engine: { type: String, enum: ['rules', 'llm'], required: true },
    // Which engine produced each field, e.g. { employer: 'llm', phone: 'rules' }.
    sources: { type: Schema.Types.Mixed, default: {} },
    llmError: { type: String, default: null },
    triagedAt: { type: Date, required: true },
  },
  { _id: false },
);

const dispositionSchema = new Schema(
  {
    code: { type: String, enum: DISPOSITION_CODES, required: true },
    decidedBy: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    leadId: { type: Schema.Types.ObjectId, default: null },
    faqId: { type: String, default: null },
    referral: { type: String, enum: [...REFERRAL_TARGETS, null], default: null },
    advice: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const reviewSchema = new Schema(
  {
    state: { type: String, enum: ['pending', 'confirmed', 'overturned'], required: true },
    dueBy: { type: Date, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const dispositionEventSchema = new Schema(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, enum: ['decided', 'confirmed', 'overturned'], required: true },
    code: { type: String, enum: DISPOSITION_CODES, required: true },
    reason: { type: String, default: null },
  },
  { _id: false },
);

const schema = new Schema<ComplaintDoc>(
  {
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    dedupKey: { type: String, required: true },
    sender: {
      channelUserId: { type: String, default: null },
      name: { type: String, default: null },
      phone: { type: String, default: null },
    },
    operator: { type: String, default: null },
    text: { type: String, required: true },
    turns: {
      type: [new Schema({ speaker: { type: String, enum: ['agent', 'caller'], required: true }, text: String }, { _id: false })],
      default: [],
    },
    receivedAt: { type: Date, required: true },
    evidenceIds: { type: [Schema.Types.ObjectId], default: [] },
    state: { type: String, enum: ['received', 'triaged', 'triage_failed'], default: 'received' },
    triage: { type: triageSchema, default: null },
    leadId: { type: Schema.Types.ObjectId, default: null },
    corrections: { type: Schema.Types.Mixed, default: null },
    disposition: { type: dispositionSchema, default: null },
    review: { type: reviewSchema, default: null },
    dispositionLog: { type: [dispositionEventSchema], default: [] },
    anonymisedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { timestamps: true, collection: 'complaints' },
);

schema.index({ channel: 1, dedupKey: 1 }, { unique: true });
schema.index({ state: 1, createdAt: 1 }); // the sweeper
schema.index({ leadId: 1 });

export function complaintModel(conn: Connection): Model<ComplaintDoc> {
  return (conn.models.Complaint as Model<ComplaintDoc> | undefined) ?? conn.model<ComplaintDoc>('Complaint', schema);
}
