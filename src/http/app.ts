import express, { type Express, type Router } from 'express';
import { OPENAPI } from './openapi';
import type { Logger } from '../infra/logger';
import { requestLog } from './request-log';
import { errorHandler, notFound } from './middleware/error-handler';
import { requireStaff, type AuthenticateToken } from './middleware/require-staff';
import { healthRoutes, type HealthDeps } from './routes/health-routes';
import { hotlineRoutes, type HotlineRouteDeps } from './routes/hotline-routes';
import { leadRoutes, type LeadRouteDeps } from './routes/lead-routes';
import { complaintRoutes, type ComplaintRouteDeps } from './routes/complaint-routes';
import { callbackRoutes, type CallbackRouteDeps } from './routes/callback-routes';
import { statsRoutes, type StatsRouteDeps } from './routes/stats-routes';
import { authRoutes, type AuthRouteDeps } from './routes/auth-routes';
import { wechatRoutes, type WechatRouteDeps } from './routes/wechat-routes';
import { platformRoutes, type PlatformRouteDeps } from './wechat-platform/platform-routes';
import { consoleRouter, type ConsoleDeps } from './console/console-router';

export interface HttpDeps {
  log: Logger;
  health: HealthDeps;
  hotline: HotlineRouteDeps;
  leads: LeadRouteDeps;
  complaints: ComplaintRouteDeps;
  callbacks: CallbackRouteDeps;
  stats: StatsRouteDeps;
  auth: AuthRouteDeps;
  wechat: WechatRouteDeps;
  officialAccount: PlatformRouteDeps;
  wecom: PlatformRouteDeps;
  authenticate: AuthenticateToken;
  /** The staff console's pages (HTML, not part of the JSON API or its OpenAPI document). */
  console: ConsoleDeps;
}

/** Builds the express app; main.ts listens. */
/** Every router with where it is mounted and whether it needs a staff token; the OpenAPI test reads this too. */
export function mountedRouters(deps: HttpDeps): { prefix: string; staff: boolean; router: Router }[] {
  return [
    { prefix: '', staff: false, router: healthRoutes(deps.health) },
    { prefix: '/api/hotline', staff: false, router: hotlineRoutes(deps.hotline) },
    { prefix: '/api/auth', staff: false, router: authRoutes(deps.auth) },
    { prefix: '/api/leads', staff: true, router: leadRoutes(deps.leads) },
    { prefix: '/api/complaints', staff: true, router: complaintRoutes(deps.complaints) },
    { prefix: '/api/callbacks', staff: true, router: callbackRoutes(deps.callbacks) },
    { prefix: '/api/stats', staff: true, router: statsRoutes(deps.stats) },
    { prefix: '/api/wechat', staff: true, router: wechatRoutes(deps.wechat) },
    { prefix: '/wechat/oa', staff: false, router: platformRoutes(deps.officialAccount) },
    { prefix: '/wechat/wecom', staff: false, router: platformRoutes(deps.wecom) },
  ];
}

export function createApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from the query string: ?status[$ne]=x stays a string
  app.use(requestLog(deps.log));
  app.get('/api/docs', (_req, res) => {
    res.json(OPENAPI);
  });
  for (const m of mountedRouters(deps)) {
    if (m.staff) app.use(m.prefix, requireStaff(deps.authenticate), m.router);
    else app.use(m.prefix || '/', m.router);
  }
  app.use('/console', consoleRouter(deps.console));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
