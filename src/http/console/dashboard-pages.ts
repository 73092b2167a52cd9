import { Router } from 'express';
import { z } from 'zod';
import { scopeOf } from '../../domain/access';
import type { Statistics } from '../../services/statistics';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole, staffOf } from './session';
import { render } from './views';

const DAY = 86_400_000;
const TOWNSHIPS = TAOYUAN_TOWNSHIPS.map((t) => t.name);
/** A form's "whole county" option sends an empty value: treat it as absent. */
const opt = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());
const period = z.object({
  from: opt(z.iso.date()),
  to: opt(z.iso.date()),
  year: opt(z.coerce.number().int().min(2000).max(2100)),
  area: opt(z.enum(TOWNSHIPS as [string, ...string[]])),
});
const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Quick choices of period: this month, this quarter, this year, last year (China time). */
function presets(today: string) {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.floor((m - 1) / 3) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    { label: '本月', from: `${y}-${pad(m)}-01`, to: today },
    { label: '本季度', from: `${y}-${pad(q)}-01`, to: today },
    { label: '今年', from: `${y}-01-01`, to: today },
    { label: '去年', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}

/** The funnel's stages in order, each with its share of the complaints received and of the stage before. */
function funnelStages(f: Statistics['funnel']) {
  const decided = Object.values(f.dispositions.byCode).reduce((a, b) => a + b, 0);
  const rows = [
    { key: 'received', label: '收到投诉', n: f.received.total },
    { key: 'decided', label: '已处置', n: decided },
    { key: 'valid', label: '有效线索（立案及并入已有案件）', n: f.validLeads.total },
    { key: 'cases', label: '合并后案件', n: f.cases.total },
    { key: 'resolved', label: '已解决（已处理，或已支付后办结）', n: f.resolved },
  ];
  const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '—');
  return rows.map((r, i) => ({ ...r, ofReceived: pct(r.n, f.received.total), ofPrevious: i ? pct(r.n, rows[i - 1]!.n) : '' }));
}

/** Figures for supervisors: the funnel, complaints by channel and week, money and workers, overdue, early warnings, the report. */
export function dashboardPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/dashboard', requireRole('supervisor', 'admin'), async (req, res) => {
    const q = parseOr400(period, req.query);
    const staff = staffOf(res);
    const now = new Date();
    const today = cstDay(now);
    // Default period: this year so far (China time); `to` is inclusive. The report follows the period's year.
    const from = q.from ?? `${q.year ?? today.slice(0, 4)}-01-01`;
    const to = q.to ?? (q.year && String(q.year) !== today.slice(0, 4) ? `${q.year}-12-31` : today);
    const year = q.year ?? Number(from.slice(0, 4));
    const ownArea = scopeOf(staff)?.area ?? null;
    const area = ownArea ?? q.area ?? null;
    const p = { from: new Date(`${from}T00:00:00+08:00`), to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY), area };
    const [stats, figures, report] = await Promise.all([
      deps.statistics(staff, p),
      deps.dashboard(staff, now, area),
      deps.annualReport(staff, { year, area }),
    ]);
    render(res, 'dashboard', {
      title: '统计看板',
      nav: 'dashboard',
      from,
      to,
      year,
      area: stats.area,
      ownArea,
      areas: TOWNSHIPS,
      presets: presets(today),
      stats,
      stages: funnelStages(stats.funnel),
      dispositionLabels: deps.dispositionLabels,
      figures,
      validRate: stats.complaints.total ? stats.validLeads.total / stats.complaints.total : null,
      report,
    });
  });
  return router;
}
