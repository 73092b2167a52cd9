import { Router } from 'express';
import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import type { ConsoleDeps } from './console-deps';
import { clientAddress, SESSION_COOKIE, sessionCookieOptions } from './session';
import { render } from './views';

const loginForm = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

/** Only a path inside the console is a place to go after signing in (no open redirect). */
const safeNext = (next: string | undefined) => (next && /^\/console(\/[^/\\]|$|\?)/.test(next) ? next : '/console');

export function authPages(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/login', (req, res) => {
    if (res.locals.staff) return res.redirect(303, '/console');
    render(res, 'login', { title: '登录', next: typeof req.query.next === 'string' ? safeNext(req.query.next) : '/console', error: null });
  });
  router.post('/login', async (req, res) => {
    const form = loginForm.safeParse(req.body);
    const next = safeNext(form.success ? form.data.next : undefined);
    if (!form.success) return render(res, 'login', { title: '登录', next, error: '请输入用户名和密码。' }, 400);
    const { username, password } = form.data;
    try {
      // The login service counts failures per username and client (429 once over the limit).
      const { token } = await deps.login(username, password, clientAddress(req));
      res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps.secureCookie));
      res.redirect(303, next);
    } catch (err) {
      if (isAppError(err) && err.status === 429) {
        const wait = Number((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 900);
        return render(res, 'login', { title: '登录', next, error: `尝试次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试。` }, 429);
      }
      if (!isAppError(err) || err.status !== 401) throw err;
      render(res, 'login', { title: '登录', next, error: '用户名或密码错误。' }, 401);
    }
  });
  router.post('/logout', async (req, res) => {
    // Sign-out needs the session's CSRF token too, so another site cannot sign a user out.
    const token = res.locals.sessionToken as string | undefined;
    if (token && (req.body as Record<string, unknown>)._csrf === res.locals.csrf) await deps.logout(token);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(deps.secureCookie), maxAge: undefined });
    res.redirect(303, '/console/login');
  });
  return router;
}
