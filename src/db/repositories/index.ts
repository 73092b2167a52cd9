import type { Connection, Model } from 'mongoose';
import { applyIndexPlan, serverKind } from '../index-plan';
import { complainantModel } from '../models/complainant-model';
import { complaintModel } from '../models/complaint-model';
import { counterModel } from '../models/counter-model';
import { leadModel } from '../models/lead-model';
import { apiTokenModel, staffModel } from '../models/staff-model';
import { evidenceModel } from '../models/evidence-model';
import { outboundModel } from '../models/outbound-model';
import { inboundModel } from '../models/inbound-model';
import { translatingErrors, type StoreErrorKind } from '../store-errors';
import { createComplainantRepository } from './complainant-repository';
import { createComplaintRepository } from './complaint-repository';
import { createLeadRepository, type CaseLock } from './lead-repository';
import { createStaffRepository } from './staff-repository';
import { createOutboundRepository } from './outbound-repository';
import { createStatsRepository } from './stats-repository';
import { createEvidenceRepository } from './evidence-repository';
import { createInboundRepository } from './inbound-repository';
import { createAuditRepository } from './audit-repository';
import { auditModel } from '../models/audit-model';
import { createFaqRepository } from './faq-repository';
import { createNotificationRepository } from './notification-repository';
import { notificationModel } from '../models/notification-model';

export interface RepositoryOptions {
  /**
   * Makes the writes of one case exclusive where the server needs it (FerretDB v1's findAndModify is
   * not atomic against a concurrent writer); without it each write's own precondition suffices.
   */
  caseLock?: CaseLock;
  /** Hears of each error of the store in a repository call, by repository (the metrics). */
  onStoreError?: (repository: string, kind: StoreErrorKind) => void;
}

/** Every repository, with driver errors translated into AppError (see store-errors). */
export function createRepositories(db: Connection, opts: RepositoryOptions = {}) {
  const report = opts.onStoreError;
  const translated = <T extends object>(name: string, repo: T) => translatingErrors(repo, report && ((kind) => report(name, kind)));
  return {
    complaints: translated('complaints', createComplaintRepository(db)),
    leads: translated('leads', createLeadRepository(db, opts.caseLock)),
    complainants: translated('complainants', createComplainantRepository(db)),
    staff: translated('staff', createStaffRepository(db)),
    outbound: translated('outbound', createOutboundRepository(db)),
    stats: translated('stats', createStatsRepository(db)),
    evidence: translated('evidence', createEvidenceRepository(db)),
    inbound: translated('inbound', createInboundRepository(db)),
    audit: translated('audit', createAuditRepository(db)),
    faq: translated('faq', createFaqRepository(db)),
    notifications: translated('notifications', createNotificationRepository(db)),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/**
 * Creates the indexes the queries need (autoIndex is off so start-up order is explicit): all of them
 * on MongoDB, only the unique ones on FerretDB, which never reads the others (see index-plan).
 */
export async function ensureIndexes(db: Connection): Promise<void> {
  const server = await serverKind(db);
  for (const model of [
    complaintModel(db),
    leadModel(db),
    complainantModel(db),
    staffModel(db),
    apiTokenModel(db),
    counterModel(db),
    outboundModel(db),
    inboundModel(db),
    evidenceModel(db),
    auditModel(db),
    notificationModel(db),
  ]) {
    await applyIndexPlan(model as unknown as Model<unknown>, server);
  }
}
