import type { Connection } from 'mongoose';
import type { AuditEvent } from '../../domain/audit';
import { auditModel, type AuditDoc } from '../models/audit-model';

export function createAuditRepository(db: Connection) {
  const Audit = auditModel(db);
  return {
    async record(e: AuditEvent): Promise<void> {
      await Audit.create(e);
    },
    /** The latest events, newest first. */
    async latest(limit = 100): Promise<AuditEvent[]> {
      const docs = await Audit.find({}).sort({ at: -1 }).limit(limit).lean<AuditDoc[]>();
      return docs.map(({ _id: _id, ...e }) => ({ ...e, detail: e.detail ?? {} }));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
