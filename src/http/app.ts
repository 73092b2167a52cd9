import express, { type Express, type Router } from 'express';
import { docsContract, OPENAPI } from './openapi';
import type { Logger } from '../infra/logger';
import { requestLog } from './request-log';
import { requestMetrics, type ObserveRequest } from './request-metrics';
import { errorHandler, notFound } from './middleware/error-handler';
import { requireStaff, type AuthenticateToken } from './middleware/require-staff';
import { healthRoutes, type HealthDeps } from './routes/health-routes';
import { hotlineRoutes, type HotlineRouteDeps } from './routes/hotline-routes';
import { leadRoutes, type LeadRouteDeps } from './routes/lead-routes';
import { complaintRoutes, type ComplaintRouteDeps } from './routes/complaint-routes';
import { callbackRoutes, type CallbackRouteDeps } from './routes/callback-routes';
import { notificationContract } from './contracts/notification-contract';
import { notificationRoutes, type NotificationRouteDeps } from './routes/notification-routes';
import { statsRoutes, type StatsRouteDeps } from './routes/stats-routes';
import { authRoutes, type AuthRouteDeps } from './routes/auth-routes';
import { wechatRoutes, type WechatRouteDeps } from './routes/wechat-routes';
import { platformRoutes, type PlatformRouteDeps } from './wechat-platform/platform-routes';
import { consoleRouter, type ConsoleDeps } from './console/console-router';
import { healthContract } from './contracts/health-contract';
import { hotlineContract } from './contracts/hotline-contract';
import { authContract } from './contracts/auth-contract';
import { leadContract } from './contracts/lead-contract';
import { complaintContract } from './contracts/complaint-contract';
import { callbackContract } from './contracts/callback-contract';
import { statsContract } from './contracts/stats-contract';
import { wechatContract } from './contracts/wechat-contract';
import { officialAccountContract, wecomContract } from './contracts/platform-contract';
import { reviewContract } from './contracts/review-contract';
import { reviewRoutes, type ReviewRouteDeps } from './routes/review-routes';
import { complainantContract } from './contracts/complainant-contract';
import { exportContract } from './contracts/export-contract';
import { complainantRoutes, type ComplainantRouteDeps } from './routes/complainant-routes';
import { exportRoutes, type ExportRouteDeps } from './routes/export-routes';

export interface HttpDeps {
  log: Logger;
  /** express's `trust proxy`: which reverse proxies' X-Forwarded-For to believe (false: none). */
  trustProxy: boolean | number | string;
  health: HealthDeps;
  hotline: HotlineRouteDeps;
  leads: LeadRouteDeps;
  complaints: ComplaintRouteDeps;
  callbacks: CallbackRouteDeps;
  reviews: ReviewRouteDeps;
  notifications: NotificationRouteDeps;
  stats: StatsRouteDeps;
  complainants: ComplainantRouteDeps;
  exports: ExportRouteDeps;
  auth: AuthRouteDeps;
  wechat: WechatRouteDeps;
  officialAccount: PlatformRouteDeps;
  wecom: PlatformRouteDeps;
  authenticate: AuthenticateToken;
  /** The staff console's pages (HTML, not part of the JSON API or its OpenAPI document). */
  console: ConsoleDeps;
  /** Each request's route template, status and time, for the metrics. */
  observeRequest?: ObserveRequest;
}

/** Every router with where it is mounted (its contract's prefix) and whether it needs a staff token; the OpenAPI test reads this too. */
export function mountedRouters(deps: HttpDeps): { prefix: string; staff: boolean; router: Router }[] {
  return [
    { prefix: healthContract.prefix, staff: false, router: healthRoutes(deps.health) },
    { prefix: hotlineContract.prefix, staff: false, router: hotlineRoutes(deps.hotline) },
    { prefix: authContract.prefix, staff: false, router: authRoutes(deps.auth) },
    { prefix: leadContract.prefix, staff: true, router: leadRoutes(deps.leads) },
    { prefix: complaintContract.prefix, staff: true, router: complaintRoutes(deps.complaints) },
    { prefix: callbackContract.prefix, staff: true, router: callbackRoutes(deps.callbacks) },
    { prefix: reviewContract.prefix, staff: true, router: reviewRoutes(deps.reviews) },
    { prefix: notificationContract.prefix, staff: true, router: notificationRoutes(deps.notifications) },
    { prefix: statsContract.prefix, staff: true, router: statsRoutes(deps.stats) },
    { prefix: complainantContract.prefix, staff: true, router: complainantRoutes(deps.complainants) },
    { prefix: exportContract.prefix, staff: true, router: exportRoutes(deps.exports) },
    { prefix: wechatContract.prefix, staff: true, router: wechatRoutes(deps.wechat) },
    { prefix: officialAccountContract.prefix, staff: false, router: platformRoutes(deps.officialAccount) },
    { prefix: wecomContract.prefix, staff: false, router: platformRoutes(deps.wecom) },
  ];
}

/** Builds the express app; main.ts listens. */
export function createApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from the query string: ?status[$ne]=x stays a string
  // Behind a proxy every client would otherwise share its address, and one account's sign-in limit would lock out all.
  app.set('trust proxy', deps.trustProxy);
  if (deps.observeRequest) app.use(requestMetrics(deps.observeRequest));
  app.use(requestLog(deps.log));
  app.get(docsContract.prefix, (_req, res) => {
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
