import type { StatsRouteDeps } from '../http/routes/stats-routes';
import { annualReportFor } from '../services/annual-report';
import { dashboardFiguresFor, type DashboardFigures } from '../services/dashboard';
import { statisticsFor } from '../services/statistics';
import type { StaffUser } from '../domain/staff';
import type { AppContext } from './context';

export function statsRoutesPort(ctx: AppContext): StatsRouteDeps {
  const deps = { stats: ctx.repos.stats, campaign: ctx.config.campaign };
  return {
    statistics: (staff, s) => statisticsFor(deps, staff, s),
    annualReport: (staff, q) => annualReportFor(deps, staff, q),
  };
}

/** The dashboard's figures: 12 weeks of complaints, early warnings over the last 4 (3 complaints or more). */
export function dashboardPort(ctx: AppContext): (staff: StaffUser, now: Date, area: string | null) => Promise<DashboardFigures> {
  return (staff, now, area) => dashboardFiguresFor(ctx.repos, staff, { now, area, weeks: 12, warnWeeks: 4, warnMinComplaints: 3 });
}
