import { Router } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import { CALLBACK_OUTCOMES, CALLBACK_OUTCOME_LABELS, MAX_CALL_ATTEMPTS, type CallbackOutcome } from '../../domain/callback';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole, staffOf } from './session';
import { render } from './views';

const TABS = ['due', 'overdue', 'done'] as const;
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i) });
const listQuery = z.object({
  tab: opt(z.enum(TABS)),
  ok: opt(z.enum(CALLBACK_OUTCOMES)),
  err: opt(z.string().regex(/^[a-z_]{1,40}$/)),
});
const outcomeForm = z.object({
  outcome: z.enum(CALLBACK_OUTCOMES),
  note: opt(z.string().trim().max(1000)),
  attempts: z.coerce.number().int().min(0).max(1000),
  tab: opt(z.enum(TABS)),
});

const OK: Record<CallbackOutcome, string> = {
  reached: '已登记“已接通”，回访任务完成。',
  no_answer: '已登记“无人接听”，任务保留，到时再次回访。',
  wrong_number: '已登记“号码错误”，任务已关闭并标记，请核实联系方式。',
  says_paid: '已登记“工人称已收到工资”，已记入案件处理记录。',
  says_not_paid: '已登记“工人称未收到工资”，已记入案件处理记录。',
};
const ERRORS: Record<string, string> = {
  callback_closed: '该回访任务已由其他人完成，无需再登记。',
  callback_changed: '其他人刚刚在该任务上登记了一次拨打，请查看最新情况后再登记。',
  invalid_request: '请检查填写的内容。',
};

/** Call-back tasks (回访任务): operators call complainants the system cannot write to, read the script, and record the outcome. */
export function callbackPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.use('/callbacks', requireRole('operator', 'supervisor', 'admin'));

  router.get('/callbacks', async (req, res) => {
    const q = parseOr400(listQuery, req.query);
    const tab = q.tab ?? 'due';
    const queue = await deps.callbackQueue(staffOf(res), tab);
    render(res, 'callbacks', {
      title: '回访任务',
      nav: 'callbacks',
      ...queue,
      outcomes: CALLBACK_OUTCOMES,
      outcomeLabels: CALLBACK_OUTCOME_LABELS,
      maxAttempts: MAX_CALL_ATTEMPTS,
      ok: q.ok ? OK[q.ok] : null,
      err: q.err ? (ERRORS[q.err] ?? '操作未成功，请重试。') : null,
    });
  });

  router.post('/callbacks/:id/outcome', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const back = (req.body as { tab?: unknown }).tab;
    const tab = typeof back === 'string' && (TABS as readonly string[]).includes(back) ? back : 'due';
    try {
      const form = parseOr400(outcomeForm, req.body);
      await deps.recordCallbackOutcome(staffOf(res), id, { outcome: form.outcome, note: form.note, attempts: form.attempts });
      res.redirect(303, `/console/callbacks?tab=${tab}&ok=${form.outcome}`);
    } catch (err) {
      // Someone else came first, or the form was wrong: back to the queue with a message; "not found" stays a 404.
      if (isAppError(err) && (err.status === 409 || err.status === 400))
        return res.redirect(303, `/console/callbacks?tab=${tab}&err=${err.code}`);
      throw err;
    }
  });
  return router;
}
