import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import type { TriageCorrections } from '../../domain/complaint';
import { normalizePhone } from '../../domain/phone';
import type { StaffUser } from '../../domain/staff';
import { CATEGORIES, SECTORS, URGENCIES } from '../../domain/triage-result';
import type { AcceptedComplaint } from '../../services/accept-complaint';
import type { CallerCase } from '../../services/desk/caller-lookup';
import { DESK_CHANNELS, type DeskCheck, type DeskEntry, type DeskOutcome } from '../../services/desk/desk-intake';
import type { Complaint } from '../../domain/complaint';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { staffOf } from './session';
import { render } from './views';

export interface DeskPagesDeps {
  checkAtDesk(entry: DeskEntry, corrections?: TriageCorrections): Promise<DeskCheck>;
  fileAtDesk(staff: StaffUser, formId: string, entry: DeskEntry, corrections: TriageCorrections): Promise<AcceptedComplaint>;
  deskOutcome(staff: StaffUser, complaintId: string): Promise<{ complaint: Complaint; outcome: DeskOutcome }>;
  lookupCaller(staff: StaffUser, query: string): Promise<{ by: 'phone' | 'case'; cases: CallerCase[] }>;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const phone = z
  .string()
  .transform(
    (s, ctx) => normalizePhone(s) ?? (ctx.addIssue({ code: 'custom', message: '电话号码格式不对：手机号11位，座机请带区号' }), z.NEVER),
  );
// Local time as the datetime-local input gives it (China keeps one time zone).
const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '请填写来电时间')
  .transform((s) => new Date(`${s}:00+08:00`));

const entryForm = z.object({
  formId: z.string().uuid('表单已失效，请刷新页面'),
  channel: z.enum(DESK_CHANNELS, { message: '请选择来源渠道' }),
  receivedAt: localTime,
  callerName: opt(z.string().trim().max(64, '姓名最多64字')),
  callerPhone: opt(phone),
  text: z.string().trim().min(5, '请填写投诉内容（至少5个字）').max(20_000, '内容太长，请分几次登记'),
});
const correctionForm = z.object({
  category: z.enum(CATEGORIES),
  employer: opt(z.string().trim().max(100)),
  project: opt(z.string().trim().max(100)),
  location: opt(z.string().trim().max(100)),
  area: opt(z.enum(TAOYUAN_TOWNSHIPS.map((t) => t.name) as [string, ...string[]])),
  amount_yuan: opt(z.coerce.number({ message: '金额请填数字' }).min(0, '金额不能为负').max(1e10)),
  worker_count: opt(z.coerce.number({ message: '人数请填整数' }).int('人数请填整数').min(1, '人数至少为1').max(100_000)),
  phone: opt(phone),
  sector: opt(z.enum(SECTORS)),
  urgency: z.enum(URGENCIES),
});
const lookupQuery = z.object({ q: opt(z.string().trim().max(40)) });
const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i) });

/** Each field's first problem, in Chinese, for the form. */
function fieldErrors(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) out[String(i.path[0] ?? 'form')] ??= i.message;
  return out;
}

const nowLocal = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);
const ENTERS = new Set(['operator', 'supervisor', 'admin', 'inspector']);
const LOOKS_UP = new Set(['operator', 'supervisor', 'admin']);

/** The hotline operator's desk: enter or paste a complaint, check what was read, file it, read the result out; look a caller up. */
export function deskPages(deps: DeskPagesDeps): Router {
  const router = Router();
  const form = (res: Response, data: Record<string, unknown>, status = 200) =>
    render(
      res,
      'intake',
      { title: '登记投诉', nav: 'intake', channels: DESK_CHANNELS, areas: TAOYUAN_TOWNSHIPS.map((t) => t.name), sectors: SECTORS, ...data },
      status,
    );
  const mayEnter = (res: Response) => {
    const staff = staffOf(res);
    return ENTERS.has(staff.role) && !(staff.role === 'inspector' && !staff.area);
  };

  router.get('/intake', (_req, res) => {
    if (!mayEnter(res)) return render(res, 'error', { title: '无权限', message: '您没有登记投诉的权限。' }, 403);
    form(res, { entry: { formId: randomUUID(), channel: 'hotline', receivedAt: nowLocal() }, errors: {} });
  });

  router.post('/intake/check', async (req, res) => {
    if (!mayEnter(res)) return render(res, 'error', { title: '无权限', message: '您没有登记投诉的权限。' }, 403);
    const body = req.body as Record<string, unknown>;
    const entry = entryForm.safeParse(body);
    if (!entry.success) return form(res, { entry: body, errors: fieldErrors(entry.error) }, 400);
    // A second check keeps the operator's corrections.
    const corrected = body.category ? correctionForm.safeParse(body) : null;
    if (corrected && !corrected.success) return form(res, { entry: body, errors: fieldErrors(corrected.error), check: null }, 400);
    const check = await deps.checkAtDesk(entry.data, corrected?.data ?? {});
    form(res, { entry: body, errors: {}, check });
  });

  router.post('/intake/submit', async (req, res) => {
    if (!mayEnter(res)) return render(res, 'error', { title: '无权限', message: '您没有登记投诉的权限。' }, 403);
    const body = req.body as Record<string, unknown>;
    const entry = entryForm.safeParse(body);
    const corrected = correctionForm.safeParse(body);
    if (!entry.success || !corrected.success) {
      const errors = { ...(entry.success ? {} : fieldErrors(entry.error)), ...(corrected.success ? {} : fieldErrors(corrected.error)) };
      const check = entry.success ? await deps.checkAtDesk(entry.data) : null;
      return form(res, { entry: body, errors, check }, 400);
    }
    const staff = staffOf(res);
    try {
      const filed = await deps.fileAtDesk(staff, entry.data.formId, entry.data, corrected.data);
      // Triage takes a moment: wait a little so the case number is on the first page the operator sees.
      for (let i = 0; i < 40; i++) {
        if ((await deps.deskOutcome(staff, filed.complaintId)).outcome.state !== 'processing') break;
        await new Promise((r) => setTimeout(r, 125));
      }
      res.redirect(303, `/console/intake/${filed.complaintId}`);
    } catch (err) {
      // Nothing was stored: the operator is told to retry and keeps what was typed.
      if (isAppError(err) && err.status === 503) {
        const check = await deps.checkAtDesk(entry.data, corrected.data).catch(() => null);
        return form(
          res,
          {
            entry: body,
            errors: { form: '系统暂时无法保存（数据库或队列不可用），投诉尚未登记，请稍后再点“提交登记”。已填写的内容保留在本页。' },
            check,
          },
          503,
        );
      }
      throw err;
    }
  });

  router.get('/intake/:id', async (req, res) => {
    const parsed = idParam.safeParse(req.params);
    if (!parsed.success) return render(res, 'error', { title: '页面不存在', message: '您要找的页面不存在。' }, 404);
    const { complaint, outcome } = await deps.deskOutcome(staffOf(res), parsed.data.id);
    render(res, 'intake-result', { title: '登记结果', nav: 'intake', complaint, outcome, refresh: outcome.state === 'processing' });
  });

  router.get('/lookup', async (req, res) => {
    const staff = staffOf(res);
    if (!LOOKS_UP.has(staff.role))
      return render(res, 'error', { title: '无权限', message: '来电查询仅限热线坐席、科室负责人和管理员使用。' }, 403);
    const { q } = lookupQuery.parse(req.query);
    if (!q) return render(res, 'lookup', { title: '来电查询', nav: 'lookup', q: '', result: null, error: null });
    try {
      render(res, 'lookup', { title: '来电查询', nav: 'lookup', q, result: await deps.lookupCaller(staff, q), error: null });
    } catch (err) {
      if (isAppError(err) && err.status === 400)
        return render(res, 'lookup', { title: '来电查询', nav: 'lookup', q, result: null, error: err.message }, 400);
      throw err;
    }
  });
  return router;
}
