import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startFerretDb } from '../../tools/local-services/local-services';
import { freePort } from '../support/free-port';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

const call = () => ({
  callId: uniqueName('call'),
  receivedAt: new Date().toISOString(),
  transcript: '来电人：恒丰劳务队欠我工资5000元，电话13900007731。',
});

describe('when a backing service is down, then intake refuses instead of acknowledging', () => {
  it('when MongoDB (a FerretDB of its own) is stopped, then intake answers 503 and /readyz reports it', async () => {
    const port = await freePort();
    const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', uniqueName('fdb'));
    let ferret: ChildProcess | null = await startFerretDb({ host: '127.0.0.1', port }, dir);
    let app: TestApp | null = null;
    try {
      app = await startTestApp({
        config: testConfig({
          MONGODB_URI: `mongodb://127.0.0.1:${port}/${uniqueName('wa_down')}`,
          MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000',
        }),
        worker: false,
      });
      expect((await postTranscript(app.url, call())).status).toBe(202);

      await new Promise<void>((resolve) => {
        ferret!.once('exit', () => resolve());
        ferret!.kill('SIGKILL');
      });
      ferret = null;

      const started = Date.now();
      const refused = call();
      const signedAt = Math.floor(Date.now() / 1000);
      const res = await postTranscript(app.url, refused, { timestamp: signedAt });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
      expect(Date.now() - started).toBeLessThan(5000);
      // Nothing was stored, so the signature was given back: the same signed request again is a retry, not a replay.
      const again = await postTranscript(app.url, refused, { timestamp: signedAt });
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { mongodb: 'down', redis: 'ok' } });
    } finally {
      await app?.stop();
      ferret?.kill('SIGKILL');
    }
  });

  it('when Redis does not answer, then intake answers 503 at once and stores nothing', async () => {
    const deadPort = await freePort();
    const app = await startTestApp({ config: testConfig({ REDIS_URL: `redis://127.0.0.1:${deadPort}` }), worker: false });
    try {
      const started = Date.now();
      const res = await postTranscript(app.url, call());
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('queue_unavailable');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await app.ctx.repos.complaints.countByState()).toEqual({});
      await waitFor(async () => (await fetch(`${app.url}/readyz`)).status === 503, 3000, '/readyz 503');
    } finally {
      await app.stop();
    }
  });
});
