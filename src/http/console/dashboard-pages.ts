import { Router } from 'express';
import { z } from 'zod';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole } from './session';
import { render } from './views';

const DAY = 86_400_000;
const period = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Figures for supervisors: complaints by channel and week, valid-lead rate, money and workers, overdue, early warnings. */
export function dashboardPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/dashboard', requireRole('supervisor', 'admin'), async (req, res) => {
    const q = parseOr400(period, req.query);
    const now = new Date();
    // Default period: this year so far (China time); `to` is inclusive.
    const year = q.year ?? Number(cstDay(now).slice(0, 4));
    const from = q.from ?? `${year}-01-01`;
    const to = q.to ?? cstDay(now);
    const p = { from: new Date(`${from}T00:00:00+08:00`), to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY) };
    const [stats, figures, report] = await Promise.all([deps.statistics(p), deps.dashboard(now), deps.annualReport(year)]);
    render(res, 'dashboard', {
      title: '统计看板',
      nav: 'dashboard',
      from,
      to,
      year,
      stats,
      figures,
      validRate: stats.complaints.total ? stats.validLeads.total / stats.complaints.total : null,
      report,
    });
  });
  return router;
}
