import type { Request, RequestHandler } from 'express';

/** Hears of each answered request: its route template (never the raw URL), method, status and seconds. */
export type ObserveRequest = (route: string, method: string, status: number, seconds: number) => void;

/**
 * Times every request to its response's end. The route is the template express matched, with the
 * mount path of its router (`/api/leads/:id`); `unmatched` when no route answered (a 404, a token
 * refused before routing, a static file).
 */
export function requestMetrics(observe: ObserveRequest): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const route = rememberRoute(req);
    res.once('finish', () => observe(route() ?? 'unmatched', req.method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    next();
  };
}

/**
 * The router restores `req.baseUrl` when an error leaves it, so by the time the error handler answers
 * the mount path is gone: it is read when express sets `req.route`. Mount paths are lower case here,
 * and express matches them in any case, so the URL's spelling is not kept.
 */
function rememberRoute(req: Request): () => string | null {
  let route: unknown;
  let template: string | null = null;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: unknown) => {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      const base = req.baseUrl.toLowerCase();
      template = typeof path !== 'string' ? null : path === '/' && base ? base : `${base}${path}`;
    },
  });
  return () => template;
}
