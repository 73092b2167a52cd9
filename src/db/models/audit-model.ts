import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { AuditEvent } from '../../domain/audit';

export type AuditDoc = AuditEvent & { _id: Types.ObjectId };

const schema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    action: { type: String, required: true },
    subject: { type: String, required: true },
    detail: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'audit_events', versionKey: false },
);
schema.index({ at: -1 });

export function auditModel(conn: Connection): Model<AuditDoc> {
  return (conn.models.AuditEvent as Model<AuditDoc> | undefined) ?? conn.model<AuditDoc>('AuditEvent', schema);
}
