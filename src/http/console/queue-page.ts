import { Router } from 'express';
import { z } from 'zod';
import { LEAD_STATUSES } from '../../domain/lead';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';
import { SECTORS, type ComplaintChannel } from '../../domain/triage-result';
import { LEAD_SORTS } from '../../domain/lead';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { staffOf } from './session';
import { render } from './views';

const PAGE_SIZE = 20;
/** A form's "all" option sends an empty value: treat it as absent. */
const opt = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

const queueQuery = z.object({
  status: opt(z.enum(LEAD_STATUSES)),
  area: opt(z.string().trim().max(40)),
  sector: opt(z.enum(SECTORS)),
  priority: opt(z.enum(['urgent', 'normal'])),
  channel: opt(z.enum(COMPLAINT_CHANNELS as [ComplaintChannel, ...ComplaintChannel[]])),
  overdue: opt(z.enum(['1'])),
  q: opt(z.string().trim().min(1).max(100)),
  sort: opt(z.enum(LEAD_SORTS)),
  page: opt(z.coerce.number().int().min(1).max(10_000)),
});

/** The case queue: what is waiting, most urgent first, with filters, search, counts per status and paging. */
export function queuePage(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const f = parseOr400(queueQuery, req.query);
    const staff = staffOf(res);
    const page = f.page ?? 1;
    const sort = f.sort ?? 'urgent';
    const [{ items, total }, counts] = await Promise.all([
      deps.listLeads(staff, { ...f, overdue: f.overdue === '1', sort, page, pageSize: PAGE_SIZE }),
      deps.countByStatus(staff),
    ]);
    render(res, 'queue', {
      title: '案件队列',
      nav: 'queue',
      filters: { ...f, sort },
      items,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      counts,
      countAll: Object.values(counts).reduce((a, b) => a + b, 0),
      statuses: LEAD_STATUSES,
      sectors: SECTORS,
      channels: COMPLAINT_CHANNELS,
      areas: TAOYUAN_TOWNSHIPS.map((t) => t.name),
    });
  });
  return router;
}
