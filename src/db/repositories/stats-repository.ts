import type { Period } from '../../domain/period';
import { Types, type Connection } from 'mongoose';
import { complaintModel } from '../models/complaint-model';
import { leadModel } from '../models/lead-model';

type Counts = Record<string, number>;

const asCounts = (rows: { _id: string | null; n: number }[]): Counts => Object.fromEntries(rows.map((r) => [r._id ?? 'unknown', r.n]));

/**
 * What the figures are about: a period, and one township or the whole county (area null). A complaint
 * belongs to the township triage routed it to, a case to its own `area`.
 */
export interface StatsScope extends Period {
  area: string | null;
}

/** Complaints with the same channel, category, disposition and case, and how many. */
export interface ComplaintTally {
  channel: string;
  category: string | null;
  disposition: string | null;
  /** The case the complaints are in now (follows merges and splits of cases). */
  leadId: string | null;
  n: number;
}

/** Complaints received in the scope. */
function complaintMatch(s: StatsScope): Record<string, unknown> {
  return { receivedAt: { $gte: s.from, $lt: s.to }, ...(s.area !== null ? { 'triage.area': { $eq: s.area } } : {}) };
}

const caseArea = (area: string | null) => (area !== null ? { area: { $eq: area } } : {});

/** Aggregations for statistics, within what FerretDB v1 supports ($match/$group/$unwind/$project/$count). */
export function createStatsRepository(db: Connection) {
  const Complaints = complaintModel(db);
  const Leads = leadModel(db);
  return {
    /**
     * Complaints received in the scope, counted per channel, category, disposition and case. One
     * grouping gives every complaint figure: FerretDB reads each document of the period once per
     * pipeline, so one scan serves where a pipeline per figure would read them all again.
     */
    async complaintTally(s: StatsScope): Promise<ComplaintTally[]> {
      const rows = await Complaints.aggregate<{
        _id: { channel?: string; category?: string | null; disposition?: string | null; leadId?: Types.ObjectId | null };
        n: number;
      }>([
        { $match: complaintMatch(s) },
        {
          $group: {
            _id: { channel: '$channel', category: '$triage.category', disposition: '$disposition.code', leadId: '$leadId' },
            n: { $sum: 1 },
          },
        },
      ]);
      // A missing field is left out of a grouping key: it counts as null.
      return rows.map(({ _id, n }) => ({
        channel: _id.channel ?? 'unknown',
        category: _id.category ?? null,
        disposition: _id.disposition ?? null,
        leadId: _id.leadId ? _id.leadId.toHexString() : null,
        n,
      }));
    },

    /** Of these cases, those in one of `statuses` or closed with one of `outcomes`. */
    async countCasesDone(ids: readonly string[], statuses: readonly string[], outcomes: readonly string[]): Promise<number> {
      if (!ids.length) return 0;
      return Leads.countDocuments({
        _id: { $in: ids.map((i) => new Types.ObjectId(i)) },
        $or: [{ status: { $in: [...statuses] } }, { status: 'closed', outcomeCode: { $in: [...outcomes] } }],
      });
    },

    /** Open cases with a step past its deadline, now. */
    async overdueNow(area: string | null): Promise<number> {
      const now = new Date();
      return Leads.countDocuments({
        status: { $ne: 'closed' },
        ...caseArea(area),
        $or: [
          { acceptedAt: null, 'deadlines.acceptBy': { $lt: now } },
          { contactedAt: null, 'deadlines.contactBy': { $lt: now } },
          { closedAt: null, 'deadlines.closeBy': { $lt: now } },
        ],
      });
    },

    /** Cases opened in the scope, per value of one field. */
    async casesBy(field: 'area' | 'sector' | 'status', s: StatsScope): Promise<Counts> {
      const rows = await Leads.aggregate<{ _id: string | null; n: number }>([
        { $match: { createdAt: { $gte: s.from, $lt: s.to }, ...caseArea(s.area) } },
        { $group: { _id: `$${field}`, n: { $sum: 1 } } },
      ]);
      return asCounts(rows);
    },

    /**
     * Money recovered and workers paid, by the date of each recovery. One accumulator per pipeline:
     * FerretDB v1.24 sums only the first field-path accumulator of a $group correctly.
     */
    async recovered(s: StatsScope): Promise<{ yuan: number; workers: number; entries: number }> {
      const inPeriod = { 'recoveries.date': { $gte: s.from, $lt: s.to } };
      const total = async (expr: string | number) => {
        const rows = await Leads.aggregate<{ v: number }>([
          { $match: { ...inPeriod, ...caseArea(s.area) } },
          { $unwind: '$recoveries' },
          { $match: inPeriod },
          { $group: { _id: null, v: { $sum: expr } } },
        ]);
        return rows[0]?.v ?? 0;
      };
      const [yuan, workers, entries] = await Promise.all([total('$recoveries.amountYuan'), total('$recoveries.workersPaid'), total(1)]);
      return { yuan, workers, entries };
    },

    /** Each complaint received in the scope, reduced to what weekly counts and early warnings need. */
    async complaintsReceived(
      s: StatsScope,
    ): Promise<{ channel: string; receivedAt: Date; leadId: string | null; category: string | null }[]> {
      const docs = await Complaints.find(complaintMatch(s), { channel: 1, receivedAt: 1, leadId: 1, 'triage.category': 1 }).lean<
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
