import { Types, type Connection } from 'mongoose';
import type { Lead, LeadStatus, TimelineEvent } from '../../domain/lead';
import type { Category, ComplaintChannel, Sector, Urgency } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../connection';
import { counterModel } from '../models/counter-model';
import { leadModel, type LeadDoc } from '../models/lead-model';

export type NewLead = Omit<Lead, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

export interface LeadFilter {
  status?: LeadStatus;
  category?: Category;
  /** Literal text, matched (case-insensitively) against case number, employer, project and location. */
  q?: string;
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
    channel: d.channel as ComplaintChannel,
    originComplaintId: d.originComplaintId.toHexString(),
    complaintIds: (d.complaintIds ?? []).map((x) => x.toHexString()),
    complainantIds: (d.complainantIds ?? []).map((x) => x.toHexString()),
    timeline: (d.timeline ?? []).map((e): TimelineEvent => ({ at: e.at, type: e.type, actor: e.actor, note: e.note ?? null })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
        });
        return { lead: toLead(doc.toObject()), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await this.findByOriginComplaint(input.originComplaintId);
        if (!existing) throw err;
        return { lead: existing, created: false };
      }
    },

    async get(id: string): Promise<Lead | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Leads.findById(id).lean<LeadDoc>();
      return d ? toLead(d) : null;
    },

    async list(f: LeadFilter): Promise<{ items: Lead[]; total: number }> {
      const query: Record<string, unknown> = {};
      if (f.status) query.status = { $eq: f.status };
      if (f.category) query.category = { $eq: f.category };
      if (f.q) {
        const rx = { $regex: escapeRegex(f.q), $options: 'i' };
        query.$or = [{ caseNumber: rx }, { employer: rx }, { project: rx }, { location: rx }];
      }
      const [docs, total] = await Promise.all([
        Leads.find(query)
          .sort({ createdAt: -1, _id: -1 })
          .skip((f.page - 1) * f.pageSize)
          .limit(f.pageSize)
          .lean<LeadDoc[]>(),
        Leads.countDocuments(query),
      ]);
      return { items: docs.map(toLead), total };
    },
  };
}

export type LeadRepository = ReturnType<typeof createLeadRepository>;
