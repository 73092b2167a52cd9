import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../../src/infra/logger';
import { requestLog } from '../../src/http/request-log';
import { captureLog } from '../support/capture-log';

describe('request log', () => {
  it('when a route records its steps, then the request line carries them with status and time, and never the headers', async () => {
    const { lines, sink } = captureLog();
    const app = express();
    app.use(requestLog(createLogger('info', {}, sink)));
    app.post('/api/hotline/transcripts', (_req, res) => {
      res.locals.timing = { note: 0.3, store: 7.25, queue: 0.4 };
      res.status(202).json({ ok: true });
    });
    app.get('/api/leads', (_req, res) => {
      res.json([]);
    });
    app.get('/healthz', (_req, res) => {
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const posted = await fetch(`${base}/api/hotline/transcripts`, {
        method: 'POST',
        headers: { 'x-signature': 'signature-not-secret', authorization: 'Bearer token-not-secret' },
      });
      expect(posted.status).toBe(202);
      expect((await fetch(`${base}/api/leads`)).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(2); // the health probe is not logged
    expect(logged[0]).toMatchObject({
      req: { method: 'POST', url: '/api/hotline/transcripts' },
      res: { statusCode: 202 },
      timing: { note: 0.3, store: 7.25, queue: 0.4 },
    });
    expect(typeof logged[0]!.responseTime).toBe('number');
    expect(logged[1]).toMatchObject({ req: { method: 'GET', url: '/api/leads' }, res: { statusCode: 200 } });
    expect(logged[1]).not.toHaveProperty('timing');
    expect(lines.join('')).not.toMatch(/signature-not-secret|token-not-secret/);
  });
});
