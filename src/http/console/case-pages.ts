import { paymentDisputed } from '../../domain/payment-check';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import { REJECT_REASONS, TRANSFER_TARGETS, TRANSITIONS } from '../../domain/case-workflow';
import type { StaffUser } from '../../domain/staff';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { parseOr400 } from '../validation';
import { caseActionForms } from './case-forms';
import type { ConsoleDeps } from './console-deps';
import { staffOf } from './session';
import { render } from './views';

const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i) });
const evidenceParam = idParam.extend({ eid: z.string().regex(/^[0-9a-f]{24}$/i) });
const banner = z.object({
  ok: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  err: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
});

const OK_MESSAGES: Record<string, string> = {
  saved: '案件信息已保存，修改已记入处理记录。',
  replied: '回复已发出。',
  status: '状态已更新。',
  recovery: '追回工资已记录。',
  assigned: '已指派。',
  merged: '案件已合并。',
  dismissed: '已排除重复，这两个案件不会再被提示为可能重复。',
  split: '投诉已拆分为新案件。',
  opened: '已立案：该投诉已生成新案件。',
  joined: '已并案：该投诉已并入此案件。',
  erased: '已删除该投诉人的个人信息，已记入处理记录和审计日志。',
};

/** One case: structured fields, complainants, messages as received, evidence, timeline, and the action forms. */
export function casePages(deps: ConsoleDeps): Router {
  const router = Router();
  const show = async (req: Request, res: Response, staff: StaffUser, detail: Awaited<ReturnType<ConsoleDeps['caseDetail']>>) => {
    const b = banner.safeParse(req.query);
    const lead = detail.lead;
    const acts = staff.role !== 'operator';
    const supervises = staff.role === 'supervisor' || staff.role === 'admin';
    render(res, 'case', {
      title: `案件 ${lead.caseNumber}`,
      nav: 'queue',
      ...detail,
      ok: b.success && b.data.ok ? (OK_MESSAGES[b.data.ok] ?? null) : null,
      err: b.success && b.data.err ? b.data.err : null,
      canAct: acts && lead.status !== 'closed',
      supervises,
      nextStatuses: TRANSITIONS[lead.status],
      paymentDisputed: paymentDisputed(lead.paymentChecks),
      outcomeCodes: deps.outcomeCodes,
      transferTargets: TRANSFER_TARGETS,
      rejectReasons: REJECT_REASONS,
      inspectors: supervises && (lead.status === 'new' || lead.status === 'assigned') ? await deps.assignableInspectors() : [],
      // The case's own area stays selectable even when it is not a gazetteer name, so saving keeps it.
      areas: [...new Set([...(lead.area ? [lead.area] : []), ...TAOYUAN_TOWNSHIPS.map((t) => t.name)])],
      today: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
    });
  };

  router.get('/cases/:id', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const staff = staffOf(res);
    await show(req, res, staff, await deps.caseDetail(staff, id));
  });

  // Showing full numbers is an action: it is a POST, and it is recorded on the case's timeline.
  router.post('/cases/:id/reveal', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const staff = staffOf(res);
    await show(req, res, staff, await deps.revealCaseDetail(staff, id));
  });

  router.get('/cases/:id/evidence/:eid', async (req, res) => {
    const { id, eid } = parseOr400(evidenceParam, req.params);
    const file = await deps.evidenceFile(staffOf(res), id, eid);
    const inline = /^image\/(jpeg|png|webp|gif)$/.test(file.mime);
    res.set('Content-Type', inline ? file.mime : 'application/octet-stream');
    res.attachment(file.name);
    if (inline) res.set('Content-Disposition', 'inline');
    res.send(file.data);
  });

  for (const [path, action] of Object.entries(caseActionForms(deps))) {
    router.post(`/cases/:id/${path}`, async (req, res) => {
      const { id } = parseOr400(idParam, req.params);
      try {
        const done = await action(staffOf(res), id, req.body as Record<string, unknown>);
        res.redirect(303, `/console/cases/${done.goTo ?? id}?ok=${done.ok}`);
      } catch (err) {
        // A refused action comes back to the case with a message; a case outside one's scope stays "not found".
        if (isAppError(err) && err.status < 500 && err.status !== 404)
          return res.redirect(303, `/console/cases/${id}?err=${err.code}#actions`);
        throw err;
      }
    });
  }
  return router;
}
