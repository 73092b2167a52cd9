import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/app-error';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, as the hotline feed signs each request. */
export function signHotlineBody(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/** Throws 401 unless the signature is valid and the timestamp is within the window. Constant-time compare. */
export function verifyHotlineSignature(opts: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  maxSkewSeconds: number;
  nowMs?: number;
}): void {
  const { timestamp, signature } = opts;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    throw new AppError('bad_timestamp', 'X-Timestamp must be unix seconds', { status: 401 });
  }
  const skew = Math.abs((opts.nowMs ?? Date.now()) / 1000 - Number(timestamp));
  if (skew > opts.maxSkewSeconds) {
    throw new AppError('stale_timestamp', `X-Timestamp is outside the ±${opts.maxSkewSeconds} s window`, { status: 401 });
  }
  if (!signature || !/^sha256=[0-9a-fA-F]{64}$/.test(signature)) {
    throw new AppError('bad_signature', 'X-Signature must be sha256=<64 hex digits>', { status: 401 });
  }
  const expected = Buffer.from(signHotlineBody(opts.secret, timestamp, opts.rawBody).slice(7), 'hex');
  const given = Buffer.from(signature.slice(7), 'hex');
  if (!timingSafeEqual(expected, given)) {
    throw new AppError('bad_signature', 'X-Signature does not match the body', { status: 401 });
  }
}
