import type { StatsRepository } from '../db/repositories/stats-repository';
import type { StaffUser } from '../domain/staff';
import { statsAreaFor } from './statistics';

const DAY = 86_400_000;
/** China keeps one time zone (+08:00); weeks start on Monday there. */
const CST = 8 * 3_600_000;

/** The Monday (YYYY-MM-DD, China time) of the week `at` falls in. */
export function weekOf(at: Date): string {
  const local = new Date(at.getTime() + CST);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
}

export interface DashboardOptions {
  now: Date;
  /** One township (complaints by their triaged township), or null for the county. */
  area: string | null;
  /** How many weeks the by-week chart shows. */
  weeks: number;
  /** The early warning looks at this many recent weeks… */
  warnWeeks: number;
  /** …and lists an employer or project with at least this many wage complaints in them. */
  warnMinComplaints: number;
}

/** Complaints by channel and week, and the early-warning list of repeatedly reported employers and projects. */
export async function dashboardFigures(deps: { stats: StatsRepository }, o: DashboardOptions) {
  const thisWeek = new Date(`${weekOf(o.now)}T00:00:00+08:00`);
  const from = new Date(thisWeek.getTime() - (o.weeks - 1) * 7 * DAY);
  const rows = await deps.stats.complaintsReceived({ from, to: o.now, area: o.area });
  const weeks = Array.from({ length: o.weeks }, (_, i) => weekOf(new Date(from.getTime() + i * 7 * DAY)));
  const byChannel: Record<string, number[]> = {};
  for (const r of rows) {
    const i = weeks.indexOf(weekOf(r.receivedAt));
    if (i < 0) continue;
    (byChannel[r.channel] ??= weeks.map(() => 0))[i]! += 1;
  }
  return { weeks, byChannel, earlyWarnings: await earlyWarnings(deps, rows, o) };
}

async function earlyWarnings(
  deps: { stats: StatsRepository },
  rows: Awaited<ReturnType<StatsRepository['complaintsReceived']>>,
  o: DashboardOptions,
) {
  const since = new Date(`${weekOf(o.now)}T00:00:00+08:00`).getTime() - (o.warnWeeks - 1) * 7 * DAY;
  const recent = rows.filter((r) => r.leadId && r.category === 'wage_arrears' && r.receivedAt.getTime() >= since);
  const perLead = new Map<string, { n: number; weeks: Set<string> }>();
  for (const r of recent) {
    const e = perLead.get(r.leadId!) ?? { n: 0, weeks: new Set<string>() };
    e.n += 1;
    e.weeks.add(weekOf(r.receivedAt));
    perLead.set(r.leadId!, e);
  }
  const leads = await deps.stats.leadsBrief([...perLead.keys()]);
  // Cases about one employer (or, without one, one project) count together, however many cases they are.
  const groups = new Map<
    string,
    {
      name: string;
      kind: 'employer' | 'project';
      complaints: number;
      weeks: Set<string>;
      areas: Set<string>;
      cases: { id: string; caseNumber: string }[];
    }
  >();
  for (const l of leads) {
    const key = l.employerKey ? `e:${l.employerKey}` : l.projectKey ? `p:${l.projectKey}` : null;
    const name = l.employerKey ? l.employer : l.project;
    if (!key || !name) continue;
    const g = groups.get(key) ?? {
      name,
      kind: l.employerKey ? 'employer' : 'project',
      complaints: 0,
      weeks: new Set(),
      areas: new Set(),
      cases: [],
    };
    const stat = perLead.get(l.id)!;
    g.complaints += stat.n;
    stat.weeks.forEach((w) => g.weeks.add(w));
    if (l.area) g.areas.add(l.area);
    g.cases.push({ id: l.id, caseNumber: l.caseNumber });
    groups.set(key, g);
  }
  return [...groups.values()]
    .filter((g) => g.complaints >= o.warnMinComplaints)
    .sort((a, b) => b.complaints - a.complaints || b.weeks.size - a.weeks.size)
    .slice(0, 20)
    .map((g) => ({ ...g, weeks: g.weeks.size, areas: [...g.areas] }));
}

export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;

/** The figures for a staff user: a supervisor of one area sees that area's only. */
export function dashboardFiguresFor(deps: { stats: StatsRepository }, staff: StaffUser, o: DashboardOptions): Promise<DashboardFigures> {
  return dashboardFigures(deps, { ...o, area: statsAreaFor(staff, o.area) });
}
