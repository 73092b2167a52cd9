import { Router } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';
import { DISPOSITION_CODES } from '../../domain/disposition';
import { SECTORS, URGENCIES, type ComplaintChannel } from '../../domain/triage-result';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { staffOf } from './session';
import { render } from './views';

const PAGE_SIZE = 20;
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i) });
const day = z.iso.date().transform((d) => new Date(`${d}T00:00:00+08:00`));

const listQuery = z.object({
  state: opt(z.enum(['pending', 'confirmed', 'overturned', 'all'])),
  code: opt(z.enum(DISPOSITION_CODES)),
  channel: opt(z.enum(COMPLAINT_CHANNELS as [ComplaintChannel, ...ComplaintChannel[]])),
  from: opt(day),
  to: opt(day),
  overdue: opt(z.enum(['1'])),
  page: opt(z.coerce.number().int().min(1).max(10_000)),
  ok: opt(z.enum(['confirmed'])),
});
const confirmForm = z.object({ reason: z.string().trim().min(1).max(500) });
const overturnForm = z.object({
  reason: z.string().trim().min(1).max(500),
  employer: opt(z.string().trim().max(100)),
  project: opt(z.string().trim().max(100)),
  location: opt(z.string().trim().max(100)),
  area: opt(z.enum(TAOYUAN_TOWNSHIPS.map((t) => t.name) as [string, ...string[]])),
  amount_yuan: opt(z.coerce.number().min(0).max(1e10)),
  worker_count: opt(z.coerce.number().int().min(1).max(100_000)),
  phone: opt(z.string().regex(/^\d{7,12}$/)),
  sector: opt(z.enum(SECTORS)),
  urgency: opt(z.enum(URGENCIES)),
});

const ERRORS: Record<string, string> = {
  fields_required: '请至少填写欠薪单位（老板）、项目或地点之一。',
  review_decided: '该投诉已由他人处理。',
  invalid_request: '请检查填写的内容。',
};

/** The review queue (待甄别): complaints that did not become a case, confirmed or overturned by a person. */
export function reviewPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/reviews', async (req, res) => {
    const f = parseOr400(listQuery, req.query);
    const staff = staffOf(res);
    const page = f.page ?? 1;
    const state = f.state ?? 'pending';
    const to = f.to ? new Date(f.to.getTime() + 86_400_000) : undefined;
    const list = await deps.listReviews(staff, { ...f, to, state, overdue: f.overdue === '1', page, pageSize: PAGE_SIZE });
    render(res, 'reviews', {
      title: '待甄别',
      nav: 'reviews',
      filters: { ...f, state, from: req.query.from, to: req.query.to },
      ...list,
      pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
      countAll: Object.values(list.counts).reduce((a, b) => a + b, 0),
      codes: DISPOSITION_CODES,
      labels: deps.dispositionLabels,
      channels: COMPLAINT_CHANNELS,
      ok: f.ok === 'confirmed' ? '已确认处理结果。' : null,
    });
  });

  router.get('/reviews/:id', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const staff = staffOf(res);
    const item = await deps.getReview(staff, id);
    const err = typeof req.query.err === 'string' ? (ERRORS[req.query.err] ?? '操作未成功，请重试。') : null;
    render(res, 'review', {
      title: '待甄别投诉',
      nav: 'reviews',
      item,
      err,
      decides: (staff.role === 'supervisor' || staff.role === 'admin') && item.review.state !== 'overturned',
      labels: deps.dispositionLabels,
      areas: TAOYUAN_TOWNSHIPS.map((t) => t.name),
      sectors: SECTORS,
    });
  });

  const decide = (path: string, act: (staffId: ReturnType<typeof staffOf>, id: string, body: Record<string, unknown>) => Promise<string>) =>
    router.post(`/reviews/:id/${path}`, async (req, res) => {
      const { id } = parseOr400(idParam, req.params);
      try {
        res.redirect(303, await act(staffOf(res), id, req.body as Record<string, unknown>));
      } catch (err) {
        if (isAppError(err) && err.status < 500 && err.status !== 404 && err.status !== 403)
          return res.redirect(303, `/console/reviews/${id}?err=${err.code}`);
        throw err;
      }
    });
  decide('confirm', async (staff, id, body) => {
    await deps.confirmReview(staff, id, parseOr400(confirmForm, body).reason);
    return '/console/reviews?ok=confirmed';
  });
  decide('overturn', async (staff, id, body) => {
    const { reason, ...fields } = parseOr400(overturnForm, body);
    const made = await deps.overturnReview(staff, id, { reason, fields });
    return `/console/cases/${made.leadId}?ok=${made.opened ? 'opened' : 'joined'}`;
  });
  return router;
}
