import { Types, type Connection } from 'mongoose';
import type { Lead, LeadStatus, Recovery, TimelineEvent } from '../../domain/lead';
import { isDuplicateKeyError } from '../store-errors';
import { counterModel } from '../models/counter-model';
import { leadModel, type LeadDoc } from '../models/lead-model';
import { createGroupInsert } from '../group-insert';
import { createGroupRead } from '../group-read';
import type { CaseIndexEntry } from '../../domain/case-buckets';
import { NO_SIGNALS, type CaseSignals } from '../../domain/case-signals';
import { atRevision, toLead } from './lead-documents';
import { escapeRegex, listQuery, SORT_ORDER, type LeadFilter, type LeadScope } from './lead-list-query';

export type { LeadFilter, LeadScope };

export type NewLead = Omit<
  Lead,
  | 'id'
  | 'status'
  | 'assigneeId'
  | 'outcomeCode'
  | 'transferTarget'
  | 'rejectReason'
  | 'recoveries'
  | 'recoveredYuan'
  | 'workersPaid'
  | 'acceptedAt'
  | 'contactedAt'
  | 'closedAt'
  | 'overdue'
  | 'possibleDuplicates'
  | 'dismissedDuplicates'
  | 'paymentChecks'
  | 'revision'
  | 'createdAt'
  | 'updatedAt'
>;

/** What of a case can hold personal data: the callback number, notes, who complained, and the phones matching compares. */
export interface CasePersonalData {
  phone: string | null;
  timeline: TimelineEvent[];
  recoveries: Recovery[];
  complainantIds: string[];
  reports: Lead['reports'];
  /** The workers' answers to "工资收到了吗" and their satisfaction comments. */
  paymentChecks: Lead['paymentChecks'];
  /** The phones de-duplication matches on; null drops the case's signals (a closed case is never matched). */
  signals: CaseSignals | null;
}

/** Which retention step a closed case still waits for. */
export type RetentionStep = 'evidenceDeletedAt' | 'anonymisedAt';

/** Runs `fn` as the only writer of one case (a Redis lock: see RepositoryOptions.caseLock). */
export type CaseLock = <T>(leadId: string, fn: () => Promise<T>) => Promise<T>;

export function createLeadRepository(db: Connection, caseLock?: CaseLock) {
  const Leads = leadModel(db);
  const group = createGroupInsert(Leads);
  // Cases read together (triage jobs, lists of a complainant's cases) go out as one command.
  const reads = createGroupRead<LeadDoc>(Leads);
  const Counters = counterModel(db);
  return {
    /**
     * Runs a read-check-write of one case so that no other writer of that case runs in between where
     * the server cannot guarantee it (FerretDB); on MongoDB each write's precondition is enough.
     */
    mutate<T>(id: string, fn: () => Promise<T>): Promise<T> {
      return caseLock ? caseLock(id, fn) : fn();
    },

    /**
     * The highest sequence number used under a counter (`case:WA20261128` → 17 for WA20261128-0017):
     * from the case numbers stored, and from a counters document where the store has one. Read in
     * full, once per day and counter, to seed the Redis counter that hands the numbers out.
     */
    async lastSequence(counterId: string, caseNumberPrefix: string): Promise<number> {
      const counter = await Counters.findOne({ _id: counterId }).lean();
      const docs = await Leads.find({ caseNumber: { $regex: `^${escapeRegex(caseNumberPrefix)}-` } }, { caseNumber: 1 }).lean<
        { caseNumber: string }[]
      >();
      const used = docs.map((d) => Number(d.caseNumber.slice(caseNumberPrefix.length + 1))).filter(Number.isFinite);
      return Math.max(counter?.seq ?? 0, 0, ...used);
    },

    async findByOriginComplaint(complaintId: string): Promise<Lead | null> {
      const d = await Leads.findOne({ originComplaintId: new Types.ObjectId(complaintId) }).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /**
     * Creates the lead of a complaint once; a second call for the same complaint returns the first lead.
     * With `id`, the lead gets that id, so a second call for it fails on the key and finds the first by id.
     */
    async createOnce(input: NewLead & { signals?: CaseSignals }, id?: string): Promise<{ lead: Lead; created: boolean }> {
      try {
        // Cases opened together are written with one insert (see group-insert).
        const raw = await group.insert({
          ...(id ? { _id: new Types.ObjectId(id) } : {}),
          ...input,
          originComplaintId: new Types.ObjectId(input.originComplaintId),
          complaintIds: input.complaintIds.map((x) => new Types.ObjectId(x)),
          complainantIds: input.complainantIds.map((x) => new Types.ObjectId(x)),
          reports: input.reports.map((r) => ({
            ...r,
            complaintId: new Types.ObjectId(r.complaintId),
            complainantId: new Types.ObjectId(r.complainantId),
          })),
        });
        return { lead: toLead(raw as unknown as LeadDoc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = id ? await this.get(id) : await this.findByOriginComplaint(input.originComplaintId);
        if (!existing) throw err;
        return { lead: existing, created: false };
      }
    },

    /** The case with this number, if any. */
    async findByCaseNumber(caseNumber: string): Promise<Lead | null> {
      const d = await Leads.findOne({ caseNumber: { $eq: caseNumber } }).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /** Cases whose callback number is this phone, newest first. */
    async listByPhone(phone: string, limit = 20): Promise<Lead[]> {
      const docs = await Leads.find({ phone: { $eq: phone } })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    /** A complainant's cases, newest first. */
    async listByComplainant(complainantId: string, limit = 20): Promise<Lead[]> {
      const docs = await Leads.find({ complainantIds: new Types.ObjectId(complainantId) })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    /** Open cases opened since `since`, as the case index keeps them (read in full once, to rebuild that index). */
    async findOpenSince(since: Date): Promise<CaseIndexEntry[]> {
      const docs = await Leads.find(
        { status: { $nin: ['closed', 'rejected'] }, createdAt: { $gte: since } },
        { employer: 1, employerKey: 1, projectKey: 1, area: 1, sector: 1, signals: 1, createdAt: 1 },
      ).lean<Pick<LeadDoc, '_id' | 'employer' | 'employerKey' | 'projectKey' | 'area' | 'sector' | 'signals' | 'createdAt'>[]>();
      return docs.map((d) => ({
        id: d._id.toHexString(),
        employer: d.employer ?? null,
        employerKey: d.employerKey ?? null,
        projectKey: d.projectKey ?? null,
        area: d.area ?? null,
        sector: d.sector ?? null,
        signals: signalsOf(d),
        createdAt: d.createdAt.getTime(),
      }));
    },

    /** What de-duplication compares for a case (see domain/case-signals). */
    async signals(id: string): Promise<CaseSignals | null> {
      const d = await reads.get(id);
      return d ? signalsOf(d) : null;
    },

    /** Sets a case's payment checks, with what happened on the timeline (the caller holds the case: see mutate). */
    async setPaymentChecks(id: string, checks: Lead['paymentChecks'], events: TimelineEvent[]): Promise<Lead | null> {
      const doc = await Leads.findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        { $set: { paymentChecks: checks }, ...(events.length ? { $push: { timeline: { $each: events } } } : {}) },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return doc ? toLead(doc) : null;
    },

    /** Sets a case's possible duplicates and dismissed pairs (the caller holds the case: see mutate). */
    async setDuplicates(
      id: string,
      d: { possibleDuplicates: Lead['possibleDuplicates']; dismissedDuplicates: string[] },
      event?: TimelineEvent,
    ): Promise<Lead | null> {
      const doc = await Leads.findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        { $set: d, ...(event ? { $push: { timeline: event } } : {}) },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return doc ? toLead(doc) : null;
    },

    /**
     * Adds a complaint (and its complainant) to a case with the totals recomputed from the case as read
     * at `revision`, and records it. Null when the case has changed since (or does not exist).
     */
    async attachComplaint(
      id: string,
      revision: number,
      report: Lead['reports'][number],
      totals: { workerCount: number | null; amountYuan: number | null; urgency: string; priority: string; signals?: CaseSignals },
      events: TimelineEvent | TimelineEvent[],
    ): Promise<Lead | null> {
      const list = Array.isArray(events) ? events : [events];
      const d = await Leads.findOneAndUpdate(
        atRevision(id, revision),
        {
          $addToSet: { complaintIds: new Types.ObjectId(report.complaintId), complainantIds: new Types.ObjectId(report.complainantId) },
          $push: {
            reports: {
              ...report,
              complaintId: new Types.ObjectId(report.complaintId),
              complainantId: new Types.ObjectId(report.complainantId),
            },
            timeline: list.length === 1 ? list[0] : { $each: list },
          },
          $set: totals,
          $inc: { rev: 1 },
        },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    async get(id: string): Promise<Lead | null> {
      const d = await reads.get(id);
      return d ? toLead(d) : null;
    },

    /**
     * One audited change, applied only if the lead is still in `fromStatus` (so two staff acting at
     * once cannot both move it): sets fields and appends the event. Null when the precondition failed.
     */
    async applyChange(id: string, fromStatus: LeadStatus, set: Record<string, unknown>, event: TimelineEvent): Promise<Lead | null> {
      const d = await Leads.findOneAndUpdate(
        { _id: new Types.ObjectId(id), status: { $eq: fromStatus } },
        { $set: set, $push: { timeline: event } },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /**
     * Replaces which complaints make up a case (merge and split), with the recomputed totals, if the
     * case is still at `revision`. Null when it has changed since.
     */
    async setMembership(
      id: string,
      revision: number,
      m: {
        complaintIds: string[];
        complainantIds: string[];
        reports: Lead['reports'];
        recoveries?: Lead['recoveries'];
        recoveredYuan?: number;
        workersPaid?: number;
        workerCount: number | null;
        amountYuan: number | null;
        signals?: CaseSignals;
        possibleDuplicates?: Lead['possibleDuplicates'];
        dismissedDuplicates?: string[];
      },
      event: TimelineEvent,
    ): Promise<Lead | null> {
      const oid = (x: string) => new Types.ObjectId(x);
      const d = await Leads.findOneAndUpdate(
        atRevision(id, revision),
        {
          $inc: { rev: 1 },
          $set: {
            ...m,
            complaintIds: m.complaintIds.map(oid),
            complainantIds: m.complainantIds.map(oid),
            reports: m.reports.map((r) => ({ ...r, complaintId: oid(r.complaintId), complainantId: oid(r.complainantId) })),
          },
          $push: { timeline: event },
        },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /** Records when a step was first done (accepted, first contact); later calls keep the first time. */
    async markStep(id: string, step: 'acceptedAt' | 'contactedAt', at: Date): Promise<void> {
      await Leads.updateOne({ _id: new Types.ObjectId(id), [step]: null }, { $set: { [step]: at } });
    },

    /** Appends an event that changes nothing else (a message sent, a call made). */
    async appendEvent(id: string, event: TimelineEvent): Promise<void> {
      await Leads.updateOne({ _id: new Types.ObjectId(id) }, { $push: { timeline: event } });
    },

    /** Appends a recovery and adds it to the totals, unless the case is closed. */
    async addRecovery(id: string, recovery: Lead['recoveries'][number], event: TimelineEvent): Promise<Lead | null> {
      const d = await Leads.findOneAndUpdate(
        { _id: new Types.ObjectId(id), status: { $ne: 'closed' } },
        {
          $push: { recoveries: recovery, timeline: event },
          $inc: { recoveredYuan: recovery.amountYuan, workersPaid: recovery.workersPaid },
        },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /** Cases closed before `closedBefore` that still wait for a retention step, oldest first. */
    async listClosedBefore(closedBefore: Date, waitingFor: RetentionStep, limit: number): Promise<Lead[]> {
      const docs = await Leads.find({ status: { $eq: 'closed' }, closedAt: { $lt: closedBefore }, [`retention.${waitingFor}`]: null })
        .sort({ closedAt: 1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    /** Records that a retention step was done, with its timeline entry. */
    async markRetention(id: string, step: RetentionStep, at: Date, event: TimelineEvent): Promise<void> {
      await Leads.updateOne({ _id: new Types.ObjectId(id) }, { $set: { [`retention.${step}`]: at }, $push: { timeline: event } });
    },

    /** Some case of this complainant still holds personal data (not anonymised by retention). */
    async holdsPersonalDataOf(complainantId: string): Promise<boolean> {
      const found = await Leads.exists({ complainantIds: new Types.ObjectId(complainantId), 'retention.anonymisedAt': null });
      return found !== null;
    },

    /**
     * Rewrites what of a case can hold personal data (the caller holds the case: see mutate) and appends
     * `event`; `anonymisedAt` marks the case done by retention. Applied only if nothing was written to
     * the case since it was read; false when that kept failing, or the case does not exist.
     */
    async rewritePersonalData(
      id: string,
      rewrite: (d: CasePersonalData) => CasePersonalData,
      event: TimelineEvent | null,
      anonymisedAt?: Date,
    ): Promise<boolean> {
      const _id = new Types.ObjectId(id);
      for (let attempt = 0; attempt < 3; attempt++) {
        const d = await Leads.findById(_id).lean<LeadDoc>();
        if (!d) return false;
        const lead = toLead(d);
        const next = rewrite({
          phone: lead.phone,
          timeline: lead.timeline,
          recoveries: lead.recoveries,
          complainantIds: lead.complainantIds,
          reports: lead.reports,
          paymentChecks: lead.paymentChecks,
          signals: d.signals ? signalsOf(d) : null,
        });
        const oid = (x: string) => new Types.ObjectId(x);
        const res = await Leads.updateOne(
          // The timeline's length stands for "nothing appended since": events are only ever appended.
          { ...atRevision(id, lead.revision), timeline: { $size: lead.timeline.length } },
          {
            $set: {
              phone: next.phone,
              timeline: event ? [...next.timeline, event] : next.timeline,
              recoveries: next.recoveries,
              complainantIds: next.complainantIds.map(oid),
              reports: next.reports.map((r) => ({ ...r, complaintId: oid(r.complaintId), complainantId: oid(r.complainantId) })),
              paymentChecks: next.paymentChecks,
              signals: next.signals,
              ...(anonymisedAt ? { 'retention.anonymisedAt': anonymisedAt } : {}),
            },
            $inc: { rev: 1 },
          },
        );
        if (res.modifiedCount === 1) return true;
      }
      return false;
    },

    /** Cases opened in [from, to) within a scope, oldest first; at most `limit`. */
    async listOpenedBetween(scope: LeadScope | null, from: Date, to: Date, limit: number): Promise<Lead[]> {
      const query = { ...listQuery({ scope, page: 1, pageSize: 1 }), createdAt: { $gte: from, $lt: to } };
      const docs = await Leads.find(query, { signals: 0, timeline: 0 }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    async list(f: LeadFilter): Promise<{ items: Lead[]; total: number }> {
      const query = listQuery(f);
      const [docs, total] = await Promise.all([
        Leads.find(query)
          .sort(SORT_ORDER[f.sort ?? 'newest'])
          .skip((f.page - 1) * f.pageSize)
          .limit(f.pageSize)
          .lean<LeadDoc[]>(),
        Leads.countDocuments(query),
      ]);
      return { items: docs.map(toLead), total };
    },

    /** Cases per status within what the reader may see (the queue's tabs). */
    async countByStatus(scope: LeadScope | null): Promise<Record<string, number>> {
      const rows = await Leads.aggregate<{ _id: string; n: number }>([
        { $match: listQuery({ scope, page: 1, pageSize: 1 }) },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]);
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  };
}

export type LeadRepository = ReturnType<typeof createLeadRepository>;

/** A case's stored signals; a case stored before it had them is matched by its names alone. */
function signalsOf(d: Pick<LeadDoc, 'employer' | 'employerKey' | 'projectKey' | 'area' | 'sector' | 'signals'>): CaseSignals {
  if (d.signals) return { ...NO_SIGNALS, ...(d.signals as Partial<CaseSignals>) };
  return {
    ...NO_SIGNALS,
    employerKeys: d.employerKey ? [d.employerKey] : [],
    projectKeys: d.projectKey ? [d.projectKey] : [],
    bosses: d.employer && /^.(老板|总|经理|包工头)$/.test(d.employer) ? [d.employer[0]!] : [],
    area: d.area ?? null,
    sector: d.sector ?? null,
  };
}
