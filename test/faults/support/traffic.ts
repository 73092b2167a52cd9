import { setTimeout as delay } from 'node:timers/promises';
import { signedHeaders } from '../../support/test-app';
import { hotlinePayload, pii } from './synthetic';

export interface Delivery {
  i: number;
  callId: string;
  /** The complaint id of the first 2xx answer, or null if none came. */
  complaintId: string | null;
  attempts: number;
  statuses: number[];
  /** Milliseconds of each attempt. */
  latencies: number[];
}

export interface TrafficOptions {
  /** How many complaints, numbered from `from`. */
  count: number;
  from?: number;
  concurrency?: number;
  /** Retry a 503 or a refused connection (as the hotline feed does) until this many ms after the first try. */
  retryForMs?: number;
  /** Resolves before each send; lets a case pace the flow or pause it. */
  beforeSend?: (i: number) => Promise<void> | void;
  /** Aborts a request that takes longer (a hung request). */
  timeoutMs?: number;
  tag?: string;
  secret: string;
  runId: string;
}

/** The hotline feed: signs and posts `count` transcripts, `concurrency` at a time, retrying 503s like a real producer. */
export async function sendHotline(url: () => string, opts: TrafficOptions): Promise<Delivery[]> {
  const from = opts.from ?? 0;
  const out: Delivery[] = [];
  let next = from;
  const worker = async () => {
    while (next < from + opts.count) {
      const i = next++;
      await opts.beforeSend?.(i);
      pii.note(i);
      const d: Delivery = { i, callId: `${opts.runId}-${i}`, complaintId: null, attempts: 0, statuses: [], latencies: [] };
      out.push(d);
      const payload = JSON.stringify(hotlinePayload(i, d.callId, opts.tag));
      const giveUpAt = Date.now() + (opts.retryForMs ?? 0);
      for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
        d.attempts++;
        const started = Date.now();
        let status: number;
        try {
          const res = await fetch(`${url()}/api/hotline/transcripts`, {
            method: 'POST',
            headers: signedHeaders(payload, { secret: opts.secret }),
            body: payload,
            signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
          });
          status = res.status;
          const body = (await res.json().catch(() => null)) as { complaintId?: string } | null;
          if (res.ok && body?.complaintId) d.complaintId = body.complaintId;
        } catch (err) {
          status = (err as Error).name === 'TimeoutError' ? -1 : 0; // -1 hung, 0 connection refused or reset
        }
        d.statuses.push(status);
        d.latencies.push(Date.now() - started);
        if (d.complaintId || (status !== 503 && status !== 0) || Date.now() > giveUpAt) break;
        await delay(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 8 }, worker));
  return out.sort((a, b) => a.i - b.i);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
