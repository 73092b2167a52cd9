import { Router } from 'express';
import { AppError } from '../../domain/app-error';
import type { StaffUser } from '../../domain/staff';
import type { AnnualReport } from '../../services/annual-report';
import type { Statistics, StatsScope } from '../../services/statistics';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import { periodQuery, yearQuery } from '../contracts/stats-contract';

export interface StatsRouteDeps {
  /** Figures of the area the user may see (see statsAreaFor). */
  statistics(staff: StaffUser, s: StatsScope): Promise<Statistics>;
  annualReport(staff: StaffUser, q: { year: number; area: string | null }): Promise<AnnualReport>;
}

export function statsRoutes(deps: StatsRouteDeps): Router {
  const router = Router();
  router.use((_req, res, next) => {
    const role = currentStaff(res).role;
    next(
      role === 'supervisor' || role === 'admin'
        ? undefined
        : new AppError('forbidden', 'statistics are for supervisors and admins', { status: 403 }),
    );
  });
  router.get('/', async (req, res) => {
    const { from, to, area } = parseOr400(periodQuery, req.query);
    if (to <= from) throw new AppError('invalid_request', 'to must be after from', { status: 400 });
    // `to` is inclusive: the whole of that day counts.
    res.json(await deps.statistics(currentStaff(res), { from, to: new Date(to.getTime() + 86_400_000), area: area ?? null }));
  });
  router.get('/report', async (req, res) => {
    const { year, area } = parseOr400(yearQuery, req.query);
    res.json(await deps.annualReport(currentStaff(res), { year, area: area ?? null }));
  });
  return router;
}
