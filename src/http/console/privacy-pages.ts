import { Router } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import { EXPORT_FORMATS, EXPORT_MAX_ROWS } from '../../services/privacy/export-cases';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole, staffOf } from './session';
import { render } from './views';

const id = z.string().regex(/^[0-9a-f]{24}$/i);
const eraseParams = z.object({ id, cid: id });
const eraseForm = z.object({ reason: z.string().trim().min(2).max(500) });
const exportQuery = z.object({ from: z.iso.date(), to: z.iso.date(), format: z.enum(EXPORT_FORMATS).default('csv') });

/** Personal data: an admin erases a complainant on their request; supervisors and admins export a period's cases. */
export function privacyPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.post('/cases/:id/complainants/:cid/erase', requireRole('admin'), async (req, res) => {
    const { id: leadId, cid } = parseOr400(eraseParams, req.params);
    const form = eraseForm.safeParse(req.body);
    if (!form.success) return res.redirect(303, `/console/cases/${leadId}?err=invalid_request#complainants`);
    try {
      await deps.eraseComplainant(staffOf(res), cid, form.data.reason);
    } catch (err) {
      if (isAppError(err) && err.status < 500) return res.redirect(303, `/console/cases/${leadId}?err=${err.code}#complainants`);
      throw err;
    }
    res.redirect(303, `/console/cases/${leadId}?ok=erased#complainants`);
  });

  router.get('/export/cases', requireRole('supervisor', 'admin'), async (req, res) => {
    const q = parseOr400(exportQuery, req.query);
    try {
      const file = await deps.exportCases(staffOf(res), q);
      res.attachment(file.fileName).type(file.mime).send(file.data);
    } catch (err) {
      if (!isAppError(err) || err.status !== 400) throw err;
      const message =
        err.code === 'export_too_large'
          ? `该时间段的案件超过 ${EXPORT_MAX_ROWS} 件，请缩短时间段后分次导出。`
          : '开始日期不能晚于结束日期。';
      render(res, 'error', { title: '无法导出', message }, 400);
    }
  });
  return router;
}
