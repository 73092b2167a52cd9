import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '../../domain/app-error';
import type { Logger } from '../../infra/logger';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** The one mapping from errors to HTTP answers: `{ error: { code, message, details? } }`. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (isAppError(err)) {
      if (err.status >= 500) log.warn({ code: err.code, err: err.cause instanceof Error ? err.cause.message : undefined }, err.message);
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
      return;
    }
    const bp = err as BodyParserError;
    if (bp.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'body_too_large', message: 'request body is too large' } });
      return;
    }
    if (bp.type && typeof bp.status === 'number' && bp.status >= 400 && bp.status < 500) {
      res.status(bp.status).json({ error: { code: 'bad_body', message: 'request body could not be read' } });
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: 'no such endpoint' } });
};
