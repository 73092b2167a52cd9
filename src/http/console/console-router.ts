import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router, type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { isAppError } from '../../domain/app-error';
import type { Logger } from '../../infra/logger';
import { PROJECT_ROOT } from '../../infra/project-root';
import { authPages } from './auth-pages';
import { casePages } from './case-pages';
import { dashboardPages } from './dashboard-pages';
import { opsPages } from './ops-pages';
import { queuePage } from './queue-page';
import { reviewPages } from './review-pages';
import { importPages } from './import-pages';
import { inboxBadge, inboxPages } from './inbox-pages';
import { callbackPages } from './callback-pages';
import { deskPages } from './desk-pages';
import { faqPages } from './faq-pages';
import { privacyPages } from './privacy-pages';
import { loadSession, requireSession, sameOriginOnly } from './session';
import { render } from './views';
import type { ConsoleDeps } from './console-deps';

export type { ConsoleDeps };

/** Everything local: the CSP allows this origin only, with no inline script or style. */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

const ASSETS = path.join(PROJECT_ROOT, 'src/http/console/public');
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

/** The staff console at /console: server-rendered pages over the same services as the JSON API. */
export function consoleRouter(deps: ConsoleDeps): Router {
  const router = Router();
  // HSTS is left to the HTTPS reverse proxy; an office network may serve the console over plain HTTP.
  // Referrer: same-origin only (case URLs never leak to other sites; no-referrer would make form posts send Origin: null).
  router.use(helmet({ contentSecurityPolicy: CSP, strictTransportSecurity: false, referrerPolicy: { policy: 'same-origin' } }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.get('/assets/vendor/chart.umd.min.js', (_req, res) => res.set('Cache-Control', 'max-age=3600').sendFile(CHART_JS));
  router.use('/assets', express.static(ASSETS, { maxAge: '1h', index: false }));
  router.use(cookieParser());
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  router.use(sameOriginOnly);
  router.use(loadSession(deps.authenticateToken));
  router.use(inboxBadge(deps));
  router.use(authPages(deps));
  router.use(importPages(deps)); // before requireSession: it reads multipart bodies, then checks the session itself
  router.use(requireSession);
  router.use(queuePage(deps));
  router.use(inboxPages(deps));
  router.use(reviewPages(deps));
  router.use(callbackPages(deps));
  router.use(deskPages(deps));
  router.use(faqPages(deps));
  router.use(privacyPages(deps));
  router.use(casePages(deps));
  router.use(dashboardPages(deps));
  router.use(opsPages(deps));
  router.use((_req, res) => render(res, 'error', { title: '页面不存在', message: '您要找的页面不存在。' }, 404));
  router.use(consoleErrors(deps.log));
  return router;
}

const PAGE_ERRORS: Record<number, string> = {
  400: '请求有误。',
  401: '请先登录。',
  403: '您没有权限执行该操作，或表单已过期，请刷新页面后重试。',
  404: '案件不存在，或不在您的查看范围内。',
  409: '当前状态不能执行该操作。',
  429: '尝试次数过多，请稍后再试。',
};

/** Errors as a Chinese page (never a stack trace); a case outside one's scope is simply "not found". */
function consoleErrors(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = isAppError(err) && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'console error');
    render(res, 'error', { title: '出错了', message: PAGE_ERRORS[status] ?? '系统繁忙，请稍后再试。' }, status);
  };
}
