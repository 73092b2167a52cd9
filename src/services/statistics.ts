import type { ComplaintTally, StatsRepository, StatsScope } from '../db/repositories/stats-repository';
import { scopeOf } from '../domain/access';
import { AppError } from '../domain/app-error';
import { becameCase, DISPOSITION_CODES, type DispositionCode } from '../domain/disposition';
import type { StaffUser } from '../domain/staff';

export type { StatsScope };

/** Complaints whose disposition made them part of a case: the valid leads (有效线索). */
export const CASE_DISPOSITIONS: readonly DispositionCode[] = DISPOSITION_CODES.filter(becameCase);
/** A case counts as resolved when it is `resolved`, or closed with the wages paid. */
const RESOLVED_STATUSES = ['resolved'] as const;
const PAID_OUTCOMES = ['paid_in_full', 'paid_in_part'] as const;

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/**
 * The township whose figures a user gets. Statistics are for supervisors and admins; a supervisor of
 * one area sees that area whatever was asked, everyone else the area asked for (null: the county).
 */
export function statsAreaFor(staff: StaffUser, asked: string | null): string | null {
  if (staff.role !== 'supervisor' && staff.role !== 'admin') {
    throw new AppError('forbidden', 'statistics are for supervisors and admins', { status: 403 });
  }
  return scopeOf(staff)?.area ?? asked;
}

type Counts = Record<string, number>;
const add = (c: Counts, key: string, n: number) => (c[key] = (c[key] ?? 0) + n);

/** Complaint figures from the tally: by channel, category and disposition, the valid leads and the cases they are in. */
function complaintFigures(rows: readonly ComplaintTally[]) {
  const byChannel: Counts = {};
  const byCategory: Counts = {};
  const byDisposition: Counts = {};
  const validByChannel: Counts = {};
  const cases = new Set<string>();
  for (const r of rows) {
    add(byChannel, r.channel, r.n);
    add(byCategory, r.category ?? 'unknown', r.n);
    if (r.disposition) add(byDisposition, r.disposition, r.n);
    if (!CASE_DISPOSITIONS.includes(r.disposition as DispositionCode)) continue;
    add(validByChannel, r.channel, r.n);
    if (r.leadId) cases.add(r.leadId);
  }
  return { byChannel, byCategory, byDisposition, validByChannel, caseIds: [...cases] };
}

/** The figures of a period for one township or the county, with the funnel from complaint to money recovered. */
export async function statistics(deps: { stats: StatsRepository }, s: StatsScope) {
  const [tally, byArea, bySector, byStatus, recovered, overdueNow] = await Promise.all([
    deps.stats.complaintTally(s),
    deps.stats.casesBy('area', s),
    deps.stats.casesBy('sector', s),
    deps.stats.casesBy('status', s),
    deps.stats.recovered(s),
    deps.stats.overdueNow(s.area),
  ]);
  const { byChannel, byCategory, byDisposition, validByChannel, caseIds } = complaintFigures(tally);
  const resolvedOfFunnel = await deps.stats.countCasesDone(caseIds, RESOLVED_STATUSES, PAID_OUTCOMES);
  const received = { total: sum(byChannel), byChannel };
  const validLeads = { total: sum(validByChannel), byChannel: validByChannel };
  const casesOpened = sum(byStatus);
  const byCode = Object.fromEntries(DISPOSITION_CODES.map((c) => [c, byDisposition[c] ?? 0])) as Record<DispositionCode, number>;
  return {
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    /** The township counted, or null for the whole county. */
    area: s.area,
    complaints: { ...received, byCategory },
    validLeads,
    cases: {
      total: casesOpened,
      byTownship: byArea,
      bySector,
      byStatus,
      resolved: (byStatus.resolved ?? 0) + (byStatus.closed ?? 0),
      /** Open cases past a deadline right now (not limited to the period). */
      overdueNow,
    },
    recovered: { yuan: recovered.yuan, workers: recovered.workers, entries: recovered.entries },
    /** Every complaint accounted for, stage by stage. */
    funnel: {
      received,
      dispositions: {
        byCode,
        /** Received but not yet given a disposition (waiting for triage). */
        undecided: received.total - sum(byCode),
      },
      validLeads,
      cases: {
        /** The cases the valid leads are in, after complaints about one matter were merged. */
        total: caseIds.length,
        /** Cases opened in the period. */
        opened: casesOpened,
      },
      /** Of those cases, resolved or closed with the wages paid. */
      resolved: resolvedOfFunnel,
      recovered: { yuan: recovered.yuan, workers: recovered.workers },
    },
  };
}

export type Statistics = Awaited<ReturnType<typeof statistics>>;

/** The figures a staff user asked for, narrowed to what they may see. */
export function statisticsFor(deps: { stats: StatsRepository }, staff: StaffUser, s: StatsScope): Promise<Statistics> {
  return statistics(deps, { ...s, area: statsAreaFor(staff, s.area) });
}
