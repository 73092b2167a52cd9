import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { FAQ_LIMITS, matchFaq, type FaqEntry, type FaqInput } from '../../domain/faq';
import type { StaffUser } from '../../domain/staff';
import { parseOr400 } from '../validation';
import { requireRole, staffOf } from './session';
import { render } from './views';

export interface FaqPagesDeps {
  listFaqEntries(staff: StaffUser): Promise<FaqEntry[]>;
  faqEntry(staff: StaffUser, id: string): Promise<FaqEntry>;
  createFaqEntry(staff: StaffUser, input: FaqInput): Promise<FaqEntry>;
  updateFaqEntry(staff: StaffUser, id: string, input: FaqInput): Promise<FaqEntry>;
  setFaqEnabled(staff: StaffUser, id: string, enabled: boolean): Promise<FaqEntry>;
}

/** Keywords as an admin types them: one a line, or separated by 、，,；; (the same keyword twice counts once). */
const keywords = z
  .string({ message: '请填写关键词' })
  .transform((s) => [...new Set(s.split(/[\r\n,，、;；]+/).map((k) => k.replace(/\s*\+\s*/g, '+').trim()))].filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .max(FAQ_LIMITS.keywordChars, `每个关键词最多${FAQ_LIMITS.keywordChars}个字`)
          .refine((k) => k.split('+').every((t) => t !== ''), '用“+”连接的关键词，“+”两边都要有词，如：包工头+跑')
          .refine((k) => k.replace(/\+/g, '').length >= 2, '关键词至少2个字（1个字会匹配到太多问题）'),
      )
      .min(1, '请至少填写一个关键词')
      .max(FAQ_LIMITS.keywords, `关键词最多${FAQ_LIMITS.keywords}个`),
  );
const faqForm = z.object({
  keywords,
  answer: z
    .string({ message: '请填写答复内容' })
    .trim()
    .min(10, '答复内容至少10个字')
    .max(FAQ_LIMITS.answerChars, `答复内容最多${FAQ_LIMITS.answerChars}字`),
  source: z
    .string({ message: '请填写法律依据' })
    .trim()
    .min(1, '请填写法律依据，如：《保障农民工工资支付条例》第三十条')
    .max(FAQ_LIMITS.sourceChars, `法律依据最多${FAQ_LIMITS.sourceChars}字`)
    .regex(/《[^》]+》/, '法律依据请写明法律法规的名称（用书名号），如：《中华人民共和国劳动法》第五十条'),
  order: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? 100 : v),
    z.coerce.number({ message: '顺序请填整数' }).int('顺序请填整数').min(0, '顺序不能小于0').max(9999, '顺序不能大于9999'),
  ),
  enabled: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});
const idParam = z.object({ id: z.string().regex(/^[a-z0-9_]{2,40}$/) });
const idOf = (req: Request): string => {
  const r = idParam.safeParse(req.params);
  if (!r.success) throw new AppError('faq_not_found', 'no such FAQ entry', { status: 404 });
  return r.data.id;
};
const enabledForm = z.object({ enabled: z.enum(['true', 'false']) });
const listQuery = z.object({
  ok: z.enum(['created', 'updated', 'enabled', 'disabled']).optional(),
  q: z.string().trim().max(500).optional(),
});

const OK: Record<string, string> = {
  created: '已新增条目，各渠道的咨询答复即时生效。',
  updated: '已保存修改，各渠道的咨询答复即时生效。',
  enabled: '已启用该条目。',
  disabled: '已停用该条目：它不再用于答复咨询。',
};

/** Each field's first problem, in Chinese, for the form. */
function fieldErrors(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) out[String(i.path[0] ?? 'form')] ??= i.message;
  return out;
}

/** The form's values as they were typed, to show again with the errors. */
function typed(body: Record<string, unknown>) {
  const text = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  return {
    keywords: text('keywords'),
    answer: text('answer'),
    source: text('source'),
    order: text('order'),
    enabled: body.enabled === 'on',
  };
}

const asTyped = (e: FaqEntry) => ({
  keywords: e.keywords.join('\n'),
  answer: e.answer,
  source: e.source,
  order: String(e.order),
  enabled: e.enabled,
});

/** Admins only: the consultation FAQ (常见问题) every chat channel, triage and the hotline desk answer from. */
export function faqPages(deps: FaqPagesDeps): Router {
  const router = Router();
  router.use('/faq', requireRole('admin'));
  const form = (
    res: Response,
    data: { entry: FaqEntry | null; values: ReturnType<typeof typed>; errors: Record<string, string> },
    status = 200,
  ) => render(res, 'faq-form', { title: data.entry ? '修改常见问题' : '新增常见问题', nav: 'faq', ...data }, status);

  router.get('/faq', async (req, res) => {
    const { ok, q } = listQuery.catch({}).parse(req.query);
    const entries = await deps.listFaqEntries(staffOf(res));
    // What a worker asking this would be told (the page's own try-out, over the same matching).
    const tried = q ? { q, hit: matchFaq(entries, q) } : null;
    render(res, 'faq', { title: '常见问题', nav: 'faq', entries, ok: ok ? OK[ok] : null, tried });
  });

  router.get('/faq/new', (_req, res) =>
    form(res, { entry: null, values: { keywords: '', answer: '', source: '', order: '100', enabled: true }, errors: {} }),
  );

  router.post('/faq', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const parsed = faqForm.safeParse(body);
    if (!parsed.success) return form(res, { entry: null, values: typed(body), errors: fieldErrors(parsed.error) }, 400);
    const entry = await deps.createFaqEntry(staffOf(res), parsed.data);
    res.redirect(303, `/console/faq?ok=created#faq-${entry.id}`);
  });

  router.get('/faq/:id', async (req, res) => {
    const id = idOf(req);
    const entry = await deps.faqEntry(staffOf(res), id);
    form(res, { entry, values: asTyped(entry), errors: {} });
  });

  router.post('/faq/:id', async (req, res) => {
    const id = idOf(req);
    const body = req.body as Record<string, unknown>;
    const parsed = faqForm.safeParse(body);
    if (!parsed.success) {
      const entry = await deps.faqEntry(staffOf(res), id);
      return form(res, { entry, values: typed(body), errors: fieldErrors(parsed.error) }, 400);
    }
    await deps.updateFaqEntry(staffOf(res), id, parsed.data);
    res.redirect(303, `/console/faq?ok=updated#faq-${id}`);
  });

  router.post('/faq/:id/enabled', async (req, res) => {
    const id = idOf(req);
    const enabled = parseOr400(enabledForm, req.body).enabled === 'true';
    await deps.setFaqEnabled(staffOf(res), id, enabled);
    res.redirect(303, `/console/faq?ok=${enabled ? 'enabled' : 'disabled'}#faq-${id}`);
  });
  return router;
}
