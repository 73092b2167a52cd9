import { Types, type Connection } from 'mongoose';
import type { Lead, LeadStatus, TimelineEvent } from '../../domain/lead';
import type { Category, ComplaintChannel, Sector, Urgency } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../connection';
import { counterModel } from '../models/counter-model';
import { overdueSteps } from '../../domain/working-days';
import { leadModel, type LeadDoc } from '../models/lead-model';

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
  | 'createdAt'
  | 'updatedAt'
>;

/** Who may see what: null = everything; otherwise leads of one area, or assigned to one person. */
export interface LeadScope {
  area: string | null;
  assigneeId: string | null;
}

export const LEAD_SORTS = ['newest', 'oldest', 'urgent'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

const SORT_ORDER: Record<LeadSort, Record<string, 1 | -1>> = {
  newest: { createdAt: -1, _id: -1 },
  oldest: { createdAt: 1, _id: 1 },
  // 'urgent' > 'normal' as strings, so descending puts urgent cases first.
  urgent: { priority: -1, createdAt: -1, _id: -1 },
};

export interface LeadFilter {
  status?: LeadStatus;
  category?: Category;
  /** Literal text, matched (case-insensitively) against case number, employer, project and location. */
  q?: string;
  /** Only cases with a step past its deadline. */
  overdue?: boolean;
  area?: string;
  sector?: Sector;
  priority?: 'urgent' | 'normal';
  channel?: ComplaintChannel;
  /** Newest first (default), oldest first, or urgent first then newest. */
  sort?: LeadSort;
  /** Restricts the list to what the reader may see (see LeadScope). */
  scope?: LeadScope | null;
  page: number;
  pageSize: number;
}

function toLead(d: LeadDoc): Lead {
  return {
    id: d._id.toHexString(),
    caseNumber: d.caseNumber,
    category: d.category as Category,
    employer: d.employer ?? null,
    project: d.project ?? null,
    location: d.location ?? null,
    amountYuan: d.amountYuan ?? null,
    workerCount: d.workerCount ?? null,
    phone: d.phone ?? null,
    sector: (d.sector ?? null) as Sector | null,
    urgency: d.urgency as Urgency,
    status: d.status as LeadStatus,
    area: d.area ?? null,
    department: d.department ?? null,
    priority: d.priority === 'urgent' ? 'urgent' : 'normal',
    assigneeId: d.assigneeId ? d.assigneeId.toHexString() : null,
    outcomeCode: d.outcomeCode ?? null,
    transferTarget: d.transferTarget ?? null,
    rejectReason: d.rejectReason ?? null,
    recoveries: (d.recoveries ?? []).map((r) => ({ ...r, note: r.note ?? null })),
    recoveredYuan: d.recoveredYuan ?? 0,
    deadlines: d.deadlines?.acceptBy
      ? { acceptBy: d.deadlines.acceptBy, contactBy: d.deadlines.contactBy, closeBy: d.deadlines.closeBy }
      : null,
    acceptedAt: d.acceptedAt ?? null,
    contactedAt: d.contactedAt ?? null,
    closedAt: d.closedAt ?? null,
    overdue: overdueSteps(
      {
        deadlines: d.deadlines ?? null,
        acceptedAt: d.acceptedAt ?? null,
        contactedAt: d.contactedAt ?? null,
        closedAt: d.closedAt ?? null,
      },
      new Date(),
    ),
    workersPaid: d.workersPaid ?? 0,
    channel: d.channel as ComplaintChannel,
    originComplaintId: d.originComplaintId.toHexString(),
    employerKey: d.employerKey ?? null,
    projectKey: d.projectKey ?? null,
    reports: (d.reports ?? []).map((r) => ({
      complaintId: r.complaintId.toHexString(),
      complainantId: r.complainantId.toHexString(),
      workerCount: r.workerCount ?? null,
      amountYuan: r.amountYuan ?? null,
    })),
    complaintIds: (d.complaintIds ?? []).map((x) => x.toHexString()),
    complainantIds: (d.complainantIds ?? []).map((x) => x.toHexString()),
    timeline: (d.timeline ?? []).map((e): TimelineEvent => ({
      at: e.at,
      type: e.type,
      actor: e.actor,
      note: e.note ?? null,
      changes: (e.changes ?? []).map((c) => ({ field: c.field, before: c.before ?? null, after: c.after ?? null })),
    })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The store query of a list filter: equality on each field set, the reader's scope, overdue and text. */
function listQuery(f: LeadFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (f.status) query.status = { $eq: f.status };
  if (f.category) query.category = { $eq: f.category };
  if (f.area) query.area = { $eq: f.area };
  if (f.sector) query.sector = { $eq: f.sector };
  if (f.priority) query.priority = { $eq: f.priority };
  if (f.channel) query.channel = { $eq: f.channel };
  const and: Record<string, unknown>[] = [];
  if (f.scope) {
    const or: Record<string, unknown>[] = [];
    if (f.scope.area) or.push({ area: { $eq: f.scope.area } });
    if (f.scope.assigneeId) or.push({ assigneeId: new Types.ObjectId(f.scope.assigneeId) });
    // A scope that names nothing sees nothing.
    and.push(or.length ? { $or: or } : { _id: { $exists: false } });
  }
  if (f.overdue) {
    const now = new Date();
    and.push({ status: { $ne: 'closed' } });
    and.push({
      $or: [
        { acceptedAt: null, 'deadlines.acceptBy': { $lt: now } },
        { contactedAt: null, 'deadlines.contactBy': { $lt: now } },
        { closedAt: null, 'deadlines.closeBy': { $lt: now } },
      ],
    });
  }
  if (f.q) {
    const rx = { $regex: escapeRegex(f.q), $options: 'i' };
    and.push({ $or: [{ caseNumber: rx }, { employer: rx }, { project: rx }, { location: rx }] });
  }
  if (and.length) query.$and = and;
  return query;
}

export function createLeadRepository(db: Connection) {
  const Leads = leadModel(db);
  const Counters = counterModel(db);
  return {
    async nextSequence(counterId: string): Promise<number> {
      const c = await Counters.findOneAndUpdate(
        { _id: { $eq: counterId } },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      if (!c) throw new Error(`counter ${counterId} was not returned`);
      return c.seq;
    },

    async findByOriginComplaint(complaintId: string): Promise<Lead | null> {
      const d = await Leads.findOne({ originComplaintId: new Types.ObjectId(complaintId) }).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /** Creates the lead of a complaint once; a second call for the same complaint returns the first lead. */
    async createOnce(input: NewLead): Promise<{ lead: Lead; created: boolean }> {
      try {
        const doc = await Leads.create({
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
        return { lead: toLead(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await this.findByOriginComplaint(input.originComplaintId);
        if (!existing) throw err;
        return { lead: existing, created: false };
      }
    },

    /** A complainant's cases, newest first. */
    async listByComplainant(complainantId: string, limit = 20): Promise<Lead[]> {
      const docs = await Leads.find({ complainantIds: new Types.ObjectId(complainantId) })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    /** The lead a complaint belongs to (as its origin or merged in). */
    async findByComplaint(complaintId: string): Promise<Lead | null> {
      const d = await Leads.findOne({ complaintIds: new Types.ObjectId(complaintId) }).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    /** Open cases since `since` that share a name key or the area: the candidates a new complaint may join. */
    async findOpenCandidates(c: {
      since: Date;
      employerKey: string | null;
      projectKey: string | null;
      area: string | null;
    }): Promise<Lead[]> {
      const or: Record<string, unknown>[] = [];
      if (c.employerKey) or.push({ employerKey: { $eq: c.employerKey } });
      if (c.projectKey) or.push({ projectKey: { $eq: c.projectKey } });
      if (c.area) or.push({ area: { $eq: c.area } });
      if (!or.length) return [];
      const docs = await Leads.find({ status: { $nin: ['closed', 'rejected'] }, createdAt: { $gte: c.since }, $or: or })
        .sort({ createdAt: -1 })
        .limit(500)
        .lean<LeadDoc[]>();
      return docs.map(toLead);
    },

    /** Adds a complaint (and its complainant) to a case with the recomputed totals, and records it. */
    async attachComplaint(
      id: string,
      report: Lead['reports'][number],
      totals: { workerCount: number | null; amountYuan: number | null; urgency: string; priority: string },
      event: TimelineEvent,
    ): Promise<Lead | null> {
      const d = await Leads.findOneAndUpdate(
        { _id: new Types.ObjectId(id) },
        {
          $addToSet: { complaintIds: new Types.ObjectId(report.complaintId), complainantIds: new Types.ObjectId(report.complainantId) },
          $push: {
            reports: {
              ...report,
              complaintId: new Types.ObjectId(report.complaintId),
              complainantId: new Types.ObjectId(report.complainantId),
            },
            timeline: event,
          },
          $set: totals,
        },
        { returnDocument: 'after' },
      ).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    async get(id: string): Promise<Lead | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Leads.findById(id).lean<LeadDoc>();
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

    /** Replaces which complaints make up a case (merge and split), with the recomputed totals. */
    async setMembership(
      id: string,
      m: {
        complaintIds: string[];
        complainantIds: string[];
        reports: Lead['reports'];
        recoveries?: Lead['recoveries'];
        recoveredYuan?: number;
        workersPaid?: number;
        workerCount: number | null;
        amountYuan: number | null;
      },
      event: TimelineEvent,
    ): Promise<Lead | null> {
      const oid = (x: string) => new Types.ObjectId(x);
      const d = await Leads.findOneAndUpdate(
        { _id: oid(id) },
        {
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
