import type { Period } from '../../domain/period';
import { Types, type Connection } from 'mongoose';
import { complaintModel } from '../models/complaint-model';
import { leadModel } from '../models/lead-model';

type Counts = Record<string, number>;

const asCounts = (rows: { _id: string | null; n: number }[]): Counts => Object.fromEntries(rows.map((r) => [r._id ?? 'unknown', r.n]));

/** Aggregations for statistics, within what FerretDB v1 supports ($match/$group/$unwind/$project). */
export function createStatsRepository(db: Connection) {
  const Complaints = complaintModel(db);
  const Leads = leadModel(db);
  return {
    async complaintsBy(field: 'channel' | 'triage.category', p: Period): Promise<Counts> {
      const rows = await Complaints.aggregate<{ _id: string | null; n: number }>([
        { $match: { receivedAt: { $gte: p.from, $lt: p.to } } },
        { $group: { _id: `$${field}`, n: { $sum: 1 } } },
      ]);
      return asCounts(rows);
    },

    async validLeadsByChannel(p: Period): Promise<Counts> {
      const rows = await Complaints.aggregate<{ _id: string | null; n: number }>([
        { $match: { receivedAt: { $gte: p.from, $lt: p.to }, 'triage.category': 'wage_arrears' } },
        { $group: { _id: '$channel', n: { $sum: 1 } } },
      ]);
      return asCounts(rows);
    },

    /** Open cases with a step past its deadline, now. */
    async overdueNow(): Promise<number> {
      const now = new Date();
      return Leads.countDocuments({
        status: { $ne: 'closed' },
        $or: [
          { acceptedAt: null, 'deadlines.acceptBy': { $lt: now } },
          { contactedAt: null, 'deadlines.contactBy': { $lt: now } },
          { closedAt: null, 'deadlines.closeBy': { $lt: now } },
        ],
      });
    },

    async casesBy(field: 'area' | 'sector' | 'status', p: Period): Promise<Counts> {
      const rows = await Leads.aggregate<{ _id: string | null; n: number }>([
        { $match: { createdAt: { $gte: p.from, $lt: p.to } } },
        { $group: { _id: `$${field}`, n: { $sum: 1 } } },
      ]);
      return asCounts(rows);
    },

    /**
     * Money recovered and workers paid, by the date of each recovery. One accumulator per pipeline:
     * FerretDB v1.24 sums only the first field-path accumulator of a $group correctly.
     */
    async recovered(p: Period): Promise<{ yuan: number; workers: number; entries: number }> {
      const total = async (expr: string | number) => {
        const rows = await Leads.aggregate<{ v: number }>([
          { $match: { 'recoveries.date': { $gte: p.from, $lt: p.to } } },
          { $unwind: '$recoveries' },
          { $match: { 'recoveries.date': { $gte: p.from, $lt: p.to } } },
          { $group: { _id: null, v: { $sum: expr } } },
        ]);
        return rows[0]?.v ?? 0;
      };
      const [yuan, workers, entries] = await Promise.all([total('$recoveries.amountYuan'), total('$recoveries.workersPaid'), total(1)]);
      return { yuan, workers, entries };
    },

    /** Each complaint received in the period, reduced to what weekly counts and early warnings need. */
    async complaintsReceived(p: Period): Promise<{ channel: string; receivedAt: Date; leadId: string | null; category: string | null }[]> {
      const docs = await Complaints.find(
        { receivedAt: { $gte: p.from, $lt: p.to } },
        { channel: 1, receivedAt: 1, leadId: 1, 'triage.category': 1 },
      ).lean<
        { _id: Types.ObjectId; channel: string; receivedAt: Date; leadId?: Types.ObjectId | null; triage?: { category?: string } | null }[]
      >();
      return docs.map((d) => ({
        channel: d.channel,
        receivedAt: d.receivedAt,
        leadId: d.leadId ? d.leadId.toHexString() : null,
        category: d.triage?.category ?? null,
      }));
    },

    /** Names and places of some cases (for the early-warning list). */
    async leadsBrief(ids: string[]) {
      const docs = await Leads.find(
        { _id: { $in: ids.map((i) => new Types.ObjectId(i)) } },
        { caseNumber: 1, employer: 1, project: 1, area: 1, employerKey: 1, projectKey: 1, status: 1 },
      ).lean();
      return docs.map((d) => ({
        id: d._id.toHexString(),
        caseNumber: d.caseNumber,
        employer: d.employer ?? null,
        project: d.project ?? null,
        area: d.area ?? null,
        employerKey: d.employerKey ?? null,
        projectKey: d.projectKey ?? null,
        status: d.status,
      }));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
