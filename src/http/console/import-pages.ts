import { Router, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { AppError, isAppError } from '../../domain/app-error';
import type { NewComplaint } from '../../domain/complaint';
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from '../../services/import/import-uploads';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole, requireSession, staffOf } from './session';
import { render } from './views';

const CHANNELS = ['national_platform', 'hotline', 'phone', 'onsite', 'media', 'petition'] as const satisfies NewComplaint['channel'][];
const uploadForm = z.object({ channel: z.enum(CHANNELS) });
const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16}$/) });
const REFRESH_S = 2;

const FIELD_LABELS: Record<string, string> = {
  externalId: '工单编号',
  receivedAt: '受理时间',
  name: '投诉人',
  phone: '联系电话',
  text: '诉求内容',
  channel: '渠道',
};

const REJECTIONS: Record<string, string> = {
  unreadable_line: '该行无法读取',
  bad_id: '工单编号缺失或格式有误',
  empty_text: '诉求内容为空',
  text_too_long: '诉求内容超过 5 万字',
  bad_time: '受理时间缺失或无法识别',
  unknown_channel: '无法识别的渠道',
  not_accepted: '系统繁忙，未能接收，请稍后重新导入',
};

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;
const UPLOAD_ERRORS: Record<string, string> = {
  no_file: '请选择要导入的 CSV 或 XLSX 文件。',
  too_large: `文件超过 ${MB} MB，请拆分后分批导入。`,
  bad_form: '上传的表单有误，请只选择一个文件后重试。',
  import_unsupported_type: '只能导入 CSV（.csv）或 Excel（.xlsx）文件。',
  import_old_excel: '这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再上传。',
  import_unreadable: '文件无法读取，可能已损坏或与扩展名不符，请重新导出后再试。',
  import_no_columns: '没有识别到可导入的列。第一行应为表头，例如：工单编号、受理时间、投诉人、联系电话、诉求内容。',
  import_no_rows: '文件中只有表头，没有数据行。',
  import_too_many_rows: `文件超过 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入。`,
  import_expired: '上传的内容已过期（2 小时内未导入），请重新上传。',
  import_not_found: '该导入不存在或已过期，请重新上传。',
};

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
  // Browsers send the file name in UTF-8 (中文文件名.xlsx).
  defParamCharset: 'utf8',
});

/**
 * Reads the multipart body into memory, so that the CSRF check can see the form's token. Only signed-in
 * supervisors and admins get this far: nobody else makes the server read a file.
 */
const receiveFile: RequestHandler = (req, res, next) =>
  upload.single('file')(req, res, (err: unknown) => {
    if (err instanceof multer.MulterError) res.locals.uploadError = err.code === 'LIMIT_FILE_SIZE' ? 'too_large' : 'bad_form';
    else if (err) return next(err);
    next();
  });

const signedIn: RequestHandler = (_req, res, next) =>
  next(res.locals.staff ? undefined : new AppError('unauthenticated', 'please sign in', { status: 401 }));

function uploadPage(res: Response, err: string | null = null, status = 200) {
  render(
    res,
    'import',
    {
      title: '批量导入',
      nav: 'import',
      err: err ? (UPLOAD_ERRORS[err] ?? UPLOAD_ERRORS.bad_form) : null,
      channels: CHANNELS,
      fields: FIELD_LABELS,
      mb: MB,
    },
    status,
  );
}

/** Refusals that the upload page words; anything else is the console's error page. */
const pageError = (err: unknown) => (isAppError(err) && UPLOAD_ERRORS[err.code] ? err : null);

/**
 * 批量导入: a supervisor or admin uploads a CSV or XLSX export, checks the preview, and runs the import
 * in the background of this process; the page follows its progress and shows the same summary as
 * `npm run import`. Mounted before the console's session check: a multipart body must be read before
 * its CSRF token can be, so every route here runs that check itself.
 */
export function importPages(deps: ConsoleDeps): Router {
  const router = Router();
  const supervisors = requireRole('supervisor', 'admin');

  router.get('/import', requireSession, supervisors, (_req, res) => uploadPage(res));

  router.post('/import', signedIn, supervisors, receiveFile, requireSession, async (req, res) => {
    if (res.locals.uploadError) return uploadPage(res, res.locals.uploadError as string, 413);
    if (!req.file?.size) return uploadPage(res, 'no_file', 400);
    const { channel } = parseOr400(uploadForm, req.body);
    try {
      const id = await deps.receiveImportUpload(staffOf(res), { fileName: req.file.originalname, data: req.file.buffer, channel });
      res.redirect(303, `/console/import/${id}`);
    } catch (err) {
      const known = pageError(err);
      if (!known) throw err;
      uploadPage(res, known.code, known.status);
    }
  });

  router.get('/import/:id', requireSession, supervisors, async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    try {
      const view = await deps.importUpload(staffOf(res), id);
      const running = view.upload.state === 'running';
      render(res, 'import-run', {
        title: view.upload.state === 'done' ? '导入结果' : running ? '正在导入' : '导入预览',
        nav: 'import',
        ...view,
        refresh: running && req.query.refresh !== 'off' ? REFRESH_S : null,
        fields: FIELD_LABELS,
        rejections: REJECTIONS,
        labels: deps.dispositionLabels,
      });
    } catch (err) {
      const known = pageError(err);
      if (!known) throw err;
      uploadPage(res, known.code, known.status);
    }
  });

  router.post('/import/:id/run', requireSession, supervisors, async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    try {
      await deps.startImportRun(staffOf(res), id);
      res.redirect(303, `/console/import/${id}`);
    } catch (err) {
      const known = pageError(err);
      if (!known) throw err;
      uploadPage(res, known.code, known.status);
    }
  });
  return router;
}
