import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../infra/logger';
import { errorHandler, notFound } from './middleware/error-handler';
import { requireStaff, type AuthenticateToken } from './middleware/require-staff';
import { healthRoutes, type HealthDeps } from './routes/health-routes';
import { hotlineRoutes, type HotlineRouteDeps } from './routes/hotline-routes';
import { leadRoutes, type LeadRouteDeps } from './routes/lead-routes';
import { complaintRoutes, type ComplaintRouteDeps } from './routes/complaint-routes';
import { callbackRoutes, type CallbackRouteDeps } from './routes/callback-routes';
import { statsRoutes, type StatsRouteDeps } from './routes/stats-routes';

export interface HttpDeps {
  log: Logger;
  health: HealthDeps;
  hotline: HotlineRouteDeps;
  leads: LeadRouteDeps;
  complaints: ComplaintRouteDeps;
  callbacks: CallbackRouteDeps;
  stats: StatsRouteDeps;
  authenticate: AuthenticateToken;
}

/** Builds the express app; main.ts listens. */
export function createApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // no nested objects from the query string: ?status[$ne]=x stays a string
  app.use(
    pinoHttp({
      logger: deps.log,
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number | null; raw?: { statusCode: number } }) => ({ statusCode: res.raw?.statusCode ?? res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(healthRoutes(deps.health));
  app.use('/api/hotline', hotlineRoutes(deps.hotline));
  app.use('/api/leads', requireStaff(deps.authenticate), leadRoutes(deps.leads));
  app.use('/api/complaints', requireStaff(deps.authenticate), complaintRoutes(deps.complaints));
  app.use('/api/callbacks', requireStaff(deps.authenticate), callbackRoutes(deps.callbacks));
  app.use('/api/stats', requireStaff(deps.authenticate), statsRoutes(deps.stats));
  app.use(notFound);
  app.use(errorHandler(deps.log));
  return app;
}
