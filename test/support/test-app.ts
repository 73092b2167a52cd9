import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { createAppContext, type AppContext } from '../../src/composition/context';
import { loadConfig, type Config } from '../../src/config';
import { createLogger, type Logger } from '../../src/infra/logger';
import { signHotlineBody } from '../../src/http/hotline-signature';
import { startApiRole } from '../../src/roles/api-role';
import { startWorkerRole } from '../../src/roles/worker-role';
import type { TriageEngine } from '../../src/services/triage-complaint';

export const TEST_HOTLINE_SECRET = 'test-hotline-secret-0123456789abcdef';

export function uniqueName(kind: string): string {
  return `${kind}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A configuration of its own: a fresh database and queue prefix on the run's real services. */
export function testConfig(env: Record<string, string> = {}): Config {
  const mongoBase = process.env.TEST_MONGODB_URL;
  const redis = process.env.TEST_REDIS_URL;
  if (!mongoBase || !redis) throw new Error('TEST_MONGODB_URL / TEST_REDIS_URL are set by test/support/global-setup.ts');
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGODB_URI: `${mongoBase}/${uniqueName('wa_test')}`,
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1500',
    REDIS_URL: redis,
    QUEUE_PREFIX: uniqueName('watest'),
    HOTLINE_SECRET: TEST_HOTLINE_SECRET,
    AUTO_START_SERVICES: 'false',
    SWEEP_INTERVAL_MS: '3600000',
    ...env,
  });
}

export interface TestApp {
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/** API and worker roles in this process, as `npm start` runs them. */
export async function startTestApp(
  opts: { config?: Config; worker?: boolean; triage?: TriageEngine; log?: Logger } = {},
): Promise<TestApp> {
  const config = opts.config ?? testConfig();
  const ctx = await createAppContext(config, opts.log ?? createLogger(config.LOG_LEVEL), { triage: opts.triage });
  const api = await startApiRole(ctx);
  const worker = opts.worker === false ? null : await startWorkerRole(ctx);
  return {
    ctx,
    url: api.url,
    // Each step runs even when a service is down (outage tests stop one on purpose).
    async stop() {
      await api.stop();
      await worker?.stop();
      if (ctx.producerConnection.status === 'ready') {
        for (const q of [
          ctx.triageQueue.queue,
          ctx.outboundQueue.queue,
          ctx.deadlineQueue.queue,
          ctx.platformQueue.queue,
          ctx.smsQueue.queue,
        ])
          await q.obliterate({ force: true }).catch(() => undefined);
        // The case index and case-number counters of this app's prefix (src/infra/case-*.ts), and nothing else.
        const keys = await ctx.producerConnection.keys(`${ctx.config.QUEUE_PREFIX}:case-*`).catch(() => []);
        if (keys.length) await ctx.producerConnection.del(...keys).catch(() => undefined);
      }
      await ctx.db.dropDatabase().catch(() => undefined);
      await ctx.close().catch(() => undefined);
    },
  };
}

export function signedHeaders(body: string, opts: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/json',
    'x-timestamp': ts,
    'x-signature': signHotlineBody(opts.secret ?? TEST_HOTLINE_SECRET, ts, body),
  };
}

export async function postTranscript(url: string, payload: unknown, opts: { secret?: string; timestamp?: number } = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${url}/api/hotline/transcripts`, { method: 'POST', headers: signedHeaders(body, opts), body });
}

/** Bounded polling: resolves with the first truthy value, fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(wait);
  }
}
