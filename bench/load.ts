import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'undici';

/** One request of a load run: what to send, and what came back with its latency. */
export interface LoadRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Latency of each request in ms, by index; for a fixed rate measured from when it was due, not when it was sent. */
  latencyMs: Float64Array;
  /** When each response arrived (epoch ms). */
  doneAt: Float64Array;
  statuses: Map<number, number>;
  errors: number;
  elapsedMs: number;
}

type Make = (i: number) => LoadRequest;
type OnBody = (i: number, status: number, body: string, headers: Record<string, string | string[] | undefined>) => void;

async function send(pool: Pool, req: LoadRequest) {
  const res = await pool.request({ method: 'POST', path: req.path, headers: req.headers, body: req.body });
  return { status: res.statusCode, body: await res.body.text(), headers: res.headers };
}

function emptyResult(n: number): LoadResult {
  return { latencyMs: new Float64Array(n), doneAt: new Float64Array(n), statuses: new Map(), errors: 0, elapsedMs: 0 };
}

async function one(pool: Pool, r: LoadResult, i: number, make: Make, onBody: OnBody | undefined, startedAt: number) {
  try {
    const { status, body, headers } = await send(pool, make(i));
    r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
    onBody?.(i, status, body, headers);
  } catch {
    r.errors++;
  }
  const now = performance.now();
  r.latencyMs[i] = now - startedAt;
  r.doneAt[i] = performance.timeOrigin + now;
}

/** Closed loop: `connections` requests always in flight until `n` are done (the flat-out throughput). */
export async function flatOut(origin: string, n: number, connections: number, make: Make, onBody?: OnBody): Promise<LoadResult> {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const r = emptyResult(n);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, n) }, async () => {
      for (let i = next++; i < n; i = next++) await one(pool, r, i, make, onBody, performance.now());
    }),
  );
  r.elapsedMs = performance.now() - t0;
  await pool.close();
  return r;
}

/**
 * Open loop at a fixed rate: request i is due at t0 + i/rate whether or not earlier ones have answered,
 * and its latency counts from when it was due (no coordinated omission: a stall shows in the tail).
 */
export async function atRate(
  origin: string,
  n: number,
  ratePerS: number,
  make: Make,
  onBody?: OnBody,
  opts: { connections?: number } = {},
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: opts.connections ?? 64, pipelining: 1, keepAliveTimeout: 30_000 });
  const r = emptyResult(n);
  const interval = 1000 / ratePerS;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n;) {
    const now = performance.now();
    const dueIndex = Math.min(n, Math.floor((now - t0) / interval) + 1);
    for (; i < dueIndex; i++) inflight.push(one(pool, r, i, make, onBody, t0 + i * interval));
    if (i < n) await delay(Math.max(0, t0 + i * interval - performance.now()));
  }
  await Promise.all(inflight);
  r.elapsedMs = performance.now() - t0;
  await pool.close();
  return r;
}
