import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { httpSerializers, type Logger } from '../infra/logger';

/**
 * One log line per request (not the health probes): method, masked path, status and response time
 * (the logger's serializers; never headers, which carry the hotline's signature and staff tokens),
 * and, where a route measured its steps in `res.locals.timing` (intake does: note, store, queue),
 * those too, so a slow store shows in the log of the request it slowed.
 */
export function requestLog(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    serializers: httpSerializers,
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    customSuccessObject: (_req, res, value) => {
      const timing = (res as { locals?: { timing?: unknown } }).locals?.timing;
      return timing ? { ...(value as Record<string, unknown>), timing } : (value as Record<string, unknown>);
    },
  });
}
