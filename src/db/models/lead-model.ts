import type { PaymentCheck } from '../../domain/payment-check';
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
  area: string | null;
  department: string | null;
  priority: string;
  assigneeId: Types.ObjectId | null;
  outcomeCode: string | null;
  transferTarget: string | null;
  rejectReason: string | null;
  recoveries: { amountYuan: number; workersPaid: number; date: Date; note: string | null; actor: string; recordedAt: Date }[];
  recoveredYuan: number;
  workersPaid: number;
  deadlines: { acceptBy: Date; contactBy: Date; closeBy: Date } | null;
  acceptedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  channel: string;
  originComplaintId: Types.ObjectId;
  employerKey: string | null;
  projectKey: string | null;
  reports: { complaintId: Types.ObjectId; complainantId: Types.ObjectId; workerCount: number | null; amountYuan: number | null }[];
  complaintIds: Types.ObjectId[];
  complainantIds: Types.ObjectId[];
  possibleDuplicates?: { leadId: string; caseNumber: string; score: number; reasons: string[]; at: Date }[];
  dismissedDuplicates?: string[];
  paymentChecks?: (Omit<PaymentCheck, 'complainantId'> & { complainantId: string })[];
  /** What de-duplication compares (domain/case-signals); kept off the Lead that leaves the store. */
  signals?: Record<string, unknown> | null;
  timeline: {
    at: Date;
    type: string;
    actor: string;
    note: string | null;
    changes: { field: string; before: string | null; after: string | null }[];
  }[];
  /** When retention deleted the case's evidence files and anonymised its complainants' personal data. */
  retention?: { evidenceDeletedAt: Date | null; anonymisedAt: Date | null };
  /** Bumped by each change of the case's membership (see LeadRepository.attachComplaint, setMembership). */
  rev?: number;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<LeadDoc>(
  {
    caseNumber: { type: String, required: true },
    rev: { type: Number, default: 0 },
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
    area: { type: String, default: null },
    department: { type: String, default: null },
    priority: { type: String, enum: ['urgent', 'normal'], default: 'normal' },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    outcomeCode: { type: String, default: null },
    transferTarget: { type: String, default: null },
    rejectReason: { type: String, default: null },
    recoveries: {
      type: [
        new Schema(
          { amountYuan: Number, workersPaid: Number, date: Date, note: { type: String, default: null }, actor: String, recordedAt: Date },
          { _id: false },
        ),
      ],
      default: [],
    },
    recoveredYuan: { type: Number, default: 0 },
    deadlines: { type: new Schema({ acceptBy: Date, contactBy: Date, closeBy: Date }, { _id: false }), default: null },
    acceptedAt: { type: Date, default: null },
    contactedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    workersPaid: { type: Number, default: 0 },
    channel: { type: String, enum: COMPLAINT_CHANNELS, required: true },
    originComplaintId: { type: Schema.Types.ObjectId, required: true },
    employerKey: { type: String, default: null },
    projectKey: { type: String, default: null },
    reports: {
      type: [
        new Schema(
          {
            complaintId: Schema.Types.ObjectId,
            complainantId: Schema.Types.ObjectId,
            workerCount: { type: Number, default: null },
            amountYuan: { type: Number, default: null },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    complaintIds: { type: [Schema.Types.ObjectId], default: [] },
    complainantIds: { type: [Schema.Types.ObjectId], default: [] },
    possibleDuplicates: {
      type: [new Schema({ leadId: String, caseNumber: String, score: Number, reasons: [String], at: Date }, { _id: false })],
      default: [],
    },
    dismissedDuplicates: { type: [String], default: [] },
    paymentChecks: {
      type: [
        new Schema(
          {
            complainantId: String,
            askedAt: Date,
            via: { type: String, enum: ['chat', 'callback'] },
            answer: { type: String, enum: ['paid', 'part', 'not_paid', null], default: null },
            answeredAt: { type: Date, default: null },
            words: { type: String, default: null },
            satisfaction: {
              type: new Schema({ score: Number, comment: { type: String, default: null }, at: Date }, { _id: false }),
              default: null,
            },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    signals: { type: Schema.Types.Mixed, default: null },
    retention: {
      type: new Schema({ evidenceDeletedAt: { type: Date, default: null }, anonymisedAt: { type: Date, default: null } }, { _id: false }),
      default: () => ({ evidenceDeletedAt: null, anonymisedAt: null }),
    },
    // Append-only: only ever $push-ed to, except that retention and erasure mask personal data in it.
    timeline: {
      type: [
        new Schema(
          {
            at: Date,
            type: String,
            actor: String,
            note: { type: String, default: null },
            changes: {
              type: [
                new Schema(
                  { field: String, before: { type: String, default: null }, after: { type: String, default: null } },
                  { _id: false },
                ),
              ],
              default: [],
            },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { timestamps: true, collection: 'leads' },
);

schema.index({ caseNumber: 1 }, { unique: true });
// Not unique: a complaint split off a merged case may open a case again. Triage twice is prevented by the case lock.
schema.index({ originComplaintId: 1, createdAt: 1 });
schema.index({ createdAt: -1 });
schema.index({ status: 1, createdAt: -1 });
schema.index({ category: 1, createdAt: -1 });
schema.index({ complaintIds: 1 });
schema.index({ complainantIds: 1, createdAt: -1 }); // a complainant's progress query
schema.index({ area: 1, status: 1, createdAt: -1 }); // an inspector's queue
schema.index({ assigneeId: 1, status: 1 });
schema.index({ employerKey: 1, createdAt: -1 }); // de-duplication candidates
schema.index({ projectKey: 1, createdAt: -1 });
schema.index({ closedAt: 1, 'deadlines.closeBy': 1 }); // overdue cases

export function leadModel(conn: Connection): Model<LeadDoc> {
  return (conn.models.Lead as Model<LeadDoc> | undefined) ?? conn.model<LeadDoc>('Lead', schema);
}
