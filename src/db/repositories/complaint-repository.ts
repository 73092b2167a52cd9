import { Types, type Connection } from 'mongoose';
import type { Complaint, NewComplaint } from '../../domain/complaint';
import type { Disposition, DispositionCode, DispositionEvent, Review } from '../../domain/disposition';
import type { ComplaintChannel, EngineResult } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../store-errors';
import { newId } from '../ids';
import { complaintModel, type ComplaintDoc } from '../models/complaint-model';
import { createGroupInsert } from '../group-insert';
import { createGroupRead } from '../group-read';

function toComplaint(d: ComplaintDoc): Complaint {
  return {
    id: d._id.toHexString(),
    channel: d.channel as ComplaintChannel,
    dedupKey: d.dedupKey,
    sender: { channelUserId: d.sender?.channelUserId ?? null, name: d.sender?.name ?? null, phone: d.sender?.phone ?? null },
    operator: d.operator ?? null,
    text: d.text,
    turns: (d.turns ?? []).map((t) => ({ speaker: t.speaker, text: t.text })),
    receivedAt: d.receivedAt,
    evidenceIds: (d.evidenceIds ?? []).map((x) => x.toHexString()),
    state: d.state,
    triage: d.triage ? { ...d.triage, area: d.triage.area ?? null } : null,
    leadId: d.leadId ? d.leadId.toHexString() : null,
    corrections: d.corrections ?? null,
    disposition: d.disposition ? { ...d.disposition, leadId: d.disposition.leadId?.toHexString() ?? null } : null,
    review: d.review ? { ...d.review } : null,
    dispositionLog: (d.dispositionLog ?? []).map((e) => ({ ...e })),
    createdAt: d.createdAt,
  };
}

/** What triage (or a person) decided about a complaint, written with it. */
export interface DispositionWrite {
  disposition: Disposition;
  /** Set when the complaint did not become a case: it waits for review. */
  review: Review | null;
  event: DispositionEvent;
}

const dispositionSet = (w: DispositionWrite) => ({
  disposition: { ...w.disposition, leadId: w.disposition.leadId ? new Types.ObjectId(w.disposition.leadId) : null },
  review: w.review,
});

/** Which complaints in review a reader asks for. */
export interface ReviewFilter {
  states: readonly Review['state'][];
  code?: DispositionCode;
  channel?: ComplaintChannel;
  /** Received in [from, to). */
  from?: Date;
  to?: Date;
  /** Only these triage areas (null: complaints with no area); undefined: every area. */
  areas?: readonly (string | null)[];
  overdueAt?: Date;
  page: number;
  pageSize: number;
}

function reviewQuery(f: ReviewFilter): Record<string, unknown> {
  const q: Record<string, unknown> = { 'review.state': { $in: [...f.states] } };
  if (f.code) q['disposition.code'] = { $eq: f.code };
  if (f.channel) q.channel = { $eq: f.channel };
  if (f.from || f.to) q.receivedAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  if (f.areas) q['triage.area'] = { $in: [...f.areas] };
  if (f.overdueAt) q['review.dueBy'] = { $lt: f.overdueAt };
  return q;
}

export function createComplaintRepository(db: Connection) {
  const Complaints = complaintModel(db);
  // Complaints arriving together are stored with one insert (one commit) in FerretDB.
  const group = createGroupInsert(Complaints);
  // Triage jobs running together read their complaints with one command.
  const reads = createGroupRead<ComplaintDoc>(Complaints);
  return {
    newId,

    /** Stores a complaint once per (channel, dedupKey); a repeat returns the stored one with created=false. */
    async insertOnce(input: NewComplaint, id?: string): Promise<{ complaint: Complaint; created: boolean }> {
      try {
        const raw = await group.insert({
          ...(id ? { _id: new Types.ObjectId(id) } : {}),
          ...input,
          evidenceIds: (input.evidenceIds ?? []).map((x) => new Types.ObjectId(x)),
        });
        return { complaint: toComplaint(raw as unknown as ComplaintDoc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const existing = await Complaints.findOne({
          channel: { $eq: input.channel },
          dedupKey: { $eq: input.dedupKey },
        }).lean<ComplaintDoc>();
        if (!existing) throw err;
        return { complaint: toComplaint(existing), created: false };
      }
    },

    async get(id: string): Promise<Complaint | null> {
      const d = await reads.get(id);
      return d ? toComplaint(d) : null;
    },

    async markTriaged(id: string, triage: EngineResult, leadId: string | null, decided: DispositionWrite): Promise<void> {
      await Complaints.updateOne(
        { _id: id },
        {
          $set: {
            state: 'triaged',
            triage: { ...triage, triagedAt: new Date() },
            leadId: leadId ? new Types.ObjectId(leadId) : null,
            lastError: null,
            ...dispositionSet(decided),
          },
          $push: { dispositionLog: decided.event },
        },
      );
    },

    /**
     * A person's decision on a complaint in review: applied only while the review is in one of `from`
     * (two reviewers cannot both decide). False when it was not.
     */
    async decideReview(id: string, from: readonly Review['state'][], decided: DispositionWrite, leadId: string | null): Promise<boolean> {
      const res = await Complaints.updateOne(
        { _id: new Types.ObjectId(id), 'review.state': { $in: [...from] } },
        {
          $set: { ...dispositionSet(decided), ...(leadId ? { leadId: new Types.ObjectId(leadId) } : {}) },
          $push: { dispositionLog: decided.event },
        },
      );
      return res.modifiedCount === 1;
    },

    /** Complaints in review, newest first, with the total matching the filter. */
    async listForReview(f: ReviewFilter): Promise<{ items: Complaint[]; total: number }> {
      const query = reviewQuery(f);
      const [docs, total] = await Promise.all([
        Complaints.find(query)
          .sort({ receivedAt: -1, _id: -1 })
          .skip((f.page - 1) * f.pageSize)
          .limit(f.pageSize)
          .lean<ComplaintDoc[]>(),
        Complaints.countDocuments(query),
      ]);
      return { items: docs.map(toComplaint), total };
    },

    /** Complaints in review per disposition code, within the filter's scope and state. */
    async countForReview(f: Omit<ReviewFilter, 'code' | 'page' | 'pageSize'>): Promise<Record<string, number>> {
      const docs = await Complaints.find(reviewQuery({ ...f, page: 1, pageSize: 1 }), { 'disposition.code': 1 }).lean<
        Pick<ComplaintDoc, 'disposition'>[]
      >();
      const counts: Record<string, number> = {};
      for (const d of docs) if (d.disposition) counts[d.disposition.code] = (counts[d.disposition.code] ?? 0) + 1;
      return counts;
    },

    /** Complaints received before `receivedBefore` that never became a case, reviewed, and not yet anonymised. */
    async listExpiredNonLeads(receivedBefore: Date, limit: number): Promise<Complaint[]> {
      const docs = await Complaints.find({
        leadId: null,
        'review.state': { $eq: 'confirmed' },
        receivedAt: { $lt: receivedBefore },
        anonymisedAt: null,
      })
        .limit(limit)
        .lean<ComplaintDoc[]>();
      return docs.map(toComplaint);
    },

    /** Complaints from one sender on one channel, by their channel id or their phone number. */
    async listBySender(channel: ComplaintChannel, sender: { channelUserId?: string; phone?: string }): Promise<Complaint[]> {
      const or: Record<string, unknown>[] = [];
      if (sender.channelUserId) or.push({ 'sender.channelUserId': { $eq: sender.channelUserId } });
      if (sender.phone) or.push({ 'sender.phone': { $eq: sender.phone } });
      if (!or.length) return [];
      const docs = await Complaints.find({ channel: { $eq: channel }, $or: or }).lean<ComplaintDoc[]>();
      return docs.map(toComplaint);
    },

    /** Replaces a complaint's personal data (the caller computed the masked values) and drops its evidence ids. */
    async anonymise(id: string, a: Pick<Complaint, 'text' | 'turns' | 'triage' | 'corrections'>, at: Date): Promise<void> {
      await Complaints.updateOne(
        { _id: new Types.ObjectId(id) },
        {
          $set: {
            sender: { channelUserId: null, name: null, phone: null },
            text: a.text,
            turns: a.turns,
            triage: a.triage,
            corrections: a.corrections,
            evidenceIds: [],
            anonymisedAt: at,
          },
        },
      );
    },

    /** Drops the evidence ids of these complaints (their files were deleted). */
    async clearEvidence(ids: string[]): Promise<void> {
      for (const id of ids) await Complaints.updateOne({ _id: new Types.ObjectId(id) }, { $set: { evidenceIds: [] } });
    },

    /** Which of these evidence ids some complaint refers to. */
    async referencedEvidence(evidenceIds: string[]): Promise<Set<string>> {
      if (!evidenceIds.length) return new Set();
      const docs = await Complaints.find({ evidenceIds: { $in: evidenceIds.map((x) => new Types.ObjectId(x)) } }, { evidenceIds: 1 }).lean<
        Pick<ComplaintDoc, 'evidenceIds'>[]
      >();
      const wanted = new Set(evidenceIds);
      return new Set(docs.flatMap((d) => d.evidenceIds.map((x) => x.toHexString())).filter((x) => wanted.has(x)));
    },

    async setLead(complaintIds: string[], leadId: string): Promise<void> {
      await Complaints.updateMany(
        { _id: { $in: complaintIds.map((x) => new Types.ObjectId(x)) } },
        { $set: { leadId: new Types.ObjectId(leadId) } },
      );
    },

    /** A failed triage attempt; the last one (with `failed`) leaves the complaint in review as triage_failed. */
    async recordAttemptFailure(id: string, message: string, failed: DispositionWrite | null): Promise<void> {
      await Complaints.updateOne(
        { _id: id, state: 'received' },
        {
          $set: { lastError: message.slice(0, 500), ...(failed ? { state: 'triage_failed', ...dispositionSet(failed) } : {}) },
          $inc: { attempts: 1 },
          ...(failed ? { $push: { dispositionLog: failed.event } } : {}),
        },
      );
    },

    /** Complaints stored before `cutoff` that were never processed, oldest first. */
    async findUnprocessed(cutoff: Date, limit: number): Promise<string[]> {
      const docs = await Complaints.find({ state: 'received', createdAt: { $lt: cutoff } }, { _id: 1 })
        .sort({ createdAt: 1 })
        .limit(limit)
        .lean<{ _id: Types.ObjectId }[]>();
      return docs.map((d) => d._id.toHexString());
    },

    async countByState(): Promise<Record<string, number>> {
      const rows = await Complaints.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$state', n: { $sum: 1 } } }]);
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },
  };
}

export type ComplaintRepository = ReturnType<typeof createComplaintRepository>;
