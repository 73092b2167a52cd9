import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/staff';
import { isAppError } from '../../domain/app-error';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';
import { requireRole, staffOf } from './session';
import { render } from './views';

const staffId = z.object({ sid: z.string().regex(/^[0-9a-f]{24}$/i) });
const password = z.string().min(10).max(200);
const createForm = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{3,40}$/),
  password,
  role: z.enum(STAFF_ROLES),
  area: z.preprocess((v) => (v === '' ? null : v), z.string().trim().min(1).max(40).nullable()),
});
const activeForm = z.object({ active: z.enum(['true', 'false']) });
const passwordForm = z.object({ password });
/** A WeCom UserID (账号): letters, digits, _ - . @; empty removes it. */
const wecomForm = z.object({
  wecomUserId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_.@-]{1,64}$/)
      .nullable(),
  ),
});
const banner = z.object({
  ok: z.enum(['created', 'updated', 'password', 'wecom']).optional(),
  err: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
});

const OK: Record<string, string> = {
  created: '用户已创建。',
  updated: '用户状态已更新。',
  password: '密码已重置，该用户的所有登录已失效。',
  wecom: '企业微信账号已保存。',
};

/** Admins only: the WeChat bot's login, queue health, and staff users. */
export function opsPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.use('/ops', requireRole('admin'));
  router.get('/ops', async (req, res) => {
    const b = banner.safeParse(req.query);
    const [wechat, queues, users, audit] = await Promise.all([
      deps.wechatLogin(),
      deps.queueHealth(),
      deps.listStaff(staffOf(res)),
      deps.auditLog(staffOf(res)),
    ]);
    // The QR code is drawn on the server as SVG: no inline script, no data: URL for the CSP to allow.
    const qrSvg = wechat.qrcode && wechat.state !== 'logged_in' ? await QRCode.toString(wechat.qrcode, { type: 'svg', margin: 2 }) : null;
    render(res, 'ops', {
      title: '运维管理',
      nav: 'ops',
      wechat,
      qrSvg,
      queues,
      users,
      audit,
      roles: STAFF_ROLES,
      wecomNotices: deps.wecomNotices,
      ok: b.success && b.data.ok ? OK[b.data.ok] : null,
      err: b.success && b.data.err ? b.data.err : null,
    });
  });
  const act = (fn: (req: Request, res: Response) => Promise<string>) => async (req: Request, res: Response) => {
    try {
      res.redirect(303, `/console/ops?ok=${await fn(req, res)}#staff`);
    } catch (err) {
      if (isAppError(err) && err.status < 500) return res.redirect(303, `/console/ops?err=${err.code}#staff`);
      throw err;
    }
  };
  router.post(
    '/ops/staff',
    act(async (req, res) => {
      await deps.createStaff(staffOf(res), parseOr400(createForm, req.body));
      return 'created';
    }),
  );
  router.post(
    '/ops/staff/:sid/active',
    act(async (req, res) => {
      await deps.setStaffActive(staffOf(res), parseOr400(staffId, req.params).sid, parseOr400(activeForm, req.body).active === 'true');
      return 'updated';
    }),
  );
  router.post(
    '/ops/staff/:sid/wecom',
    act(async (req, res) => {
      await deps.setStaffWecomUser(staffOf(res), parseOr400(staffId, req.params).sid, parseOr400(wecomForm, req.body).wecomUserId);
      return 'wecom';
    }),
  );
  router.post(
    '/ops/staff/:sid/password',
    act(async (req, res) => {
      await deps.resetStaffPassword(staffOf(res), parseOr400(staffId, req.params).sid, parseOr400(passwordForm, req.body).password);
      return 'password';
    }),
  );
  return router;
}
