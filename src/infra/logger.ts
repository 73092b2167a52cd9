import pino, { type Logger } from 'pino';
import { maskNumbersInText } from '../domain/masking';

export type { Logger };

/** Phone and ID numbers in any written form, wherever they appear in a string (the product's one masking). */
export const maskPii = maskNumbersInText;

/** Keys whose values are personal data or complaint text: never written to a log. */
const REDACT_PATHS = [
  'text',
  'transcript',
  'turns',
  'phone',
  'callerPhone',
  'idNumber',
  'password',
  'token',
  '*.text',
  '*.transcript',
  '*.turns',
  '*.phone',
  '*.callerPhone',
  '*.idNumber',
  '*.password',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
];

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * What is kept of an HTTP request and response: method, path (numbers masked) and status. These
 * serializers also stand for the raw objects, which are never walked by the masking below.
 */
export const httpSerializers = {
  req: (req: { method?: string; url?: string }) => ({
    method: req.method,
    url: maskPii(String(req.url ?? '').split('?')[0] ?? ''),
  }),
  res: (res: { statusCode?: number | null; raw?: { statusCode?: number } }) => ({ statusCode: res.raw?.statusCode ?? res.statusCode }),
};

/**
 * Keys whose values go through a serializer of their own that masks what it keeps (the three below).
 * Their raw values (an http.IncomingMessage with its socket and parser, an Error) are passed to that
 * serializer untouched: walking them cost ~130 kB of garbage and the CPU to make it per logged request.
 */
const SELF_MASKED = new Set(['req', 'res', 'err']);

function maskLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = SELF_MASKED.has(k) ? v : maskDeep(v, 1);
  return out;
}

export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, ...base },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Serializers run after the masking below and mask what they keep: an error's message (e.g. a driver's), a URL.
      serializers: { err: (e: Error) => maskDeep(pino.stdSerializers.err(e)), ...httpSerializers },
      // Numbers can still slip into free strings (error messages, URLs): mask them too.
      formatters: { log: maskLogObject },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskPii(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination(1),
  );
}
