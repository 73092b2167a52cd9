import { Router } from 'express';
import { AppError } from '../../domain/app-error';
import type { Period } from '../../domain/period';
import type { Statistics } from '../../services/statistics';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import { periodQuery, yearQuery } from '../contracts/stats-contract';

export interface StatsRouteDeps {
  statistics(p: Period): Promise<Statistics>;
  annualReport(year: number): Promise<{ year: number; paragraph: string; statistics: Statistics }>;
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
    const { from, to } = parseOr400(periodQuery, req.query);
    if (to <= from) throw new AppError('invalid_request', 'to must be after from', { status: 400 });
    // `to` is inclusive: the whole of that day counts.
    res.json(await deps.statistics({ from, to: new Date(to.getTime() + 86_400_000) }));
  });
  router.get('/report', async (req, res) => {
    const { year } = parseOr400(yearQuery, req.query);
    res.json(await deps.annualReport(year));
  });
  return router;
}
