import type { StatsRouteDeps } from '../http/routes/stats-routes';
import { dashboardFigures, type DashboardFigures } from '../services/dashboard';
import { annualReport, statistics } from '../services/statistics';
import type { AppContext } from './context';

export function statsRoutesPort(ctx: AppContext): StatsRouteDeps {
  return {
    statistics: (period) => statistics(ctx.repos, period),
    annualReport: (year) => annualReport(ctx.repos, year),
  };
}

/** The dashboard's figures: 12 weeks of complaints, early warnings over the last 4 (3 complaints or more). */
export function dashboardPort(ctx: AppContext): (now: Date) => Promise<DashboardFigures> {
  return (now) => dashboardFigures(ctx.repos, { now, weeks: 12, warnWeeks: 4, warnMinComplaints: 3 });
}
