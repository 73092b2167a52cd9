import { Types, type Connection } from 'mongoose';
import type { Complaint, NewComplaint } from '../../domain/complaint';
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
    triage: d.triage ? { ...d.triage } : null,
    leadId: d.leadId ? d.leadId.toHexString() : null,
    createdAt: d.createdAt,
  };
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

    async markTriaged(id: string, triage: EngineResult, leadId: string | null): Promise<void> {
      await Complaints.updateOne(
        { _id: id },
        {
          $set: {
            state: 'triaged',
            triage: { ...triage, triagedAt: new Date() },
            leadId: leadId ? new Types.ObjectId(leadId) : null,
            lastError: null,
          },
        },
      );
    },

    async setLead(complaintIds: string[], leadId: string): Promise<void> {
      await Complaints.updateMany(
        { _id: { $in: complaintIds.map((x) => new Types.ObjectId(x)) } },
        { $set: { leadId: new Types.ObjectId(leadId) } },
      );
    },

    async recordAttemptFailure(id: string, message: string, final: boolean): Promise<void> {
      await Complaints.updateOne(
        { _id: id, state: 'received' },
        { $set: { lastError: message.slice(0, 500), ...(final ? { state: 'triage_failed' } : {}) }, $inc: { attempts: 1 } },
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
