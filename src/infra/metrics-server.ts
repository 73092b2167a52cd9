import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logger';

export interface MetricsServerOptions {
  host: string;
  port: number;
  /** When set, every scrape must send `Authorization: Bearer <token>`. */
  token: string | null;
  scrape(): Promise<{ contentType: string; body: string }>;
  log: Logger;
}

export interface MetricsServer {
  /** Where Prometheus scrapes, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** `GET /metrics` on a listener of its own, apart from the API's port; nothing else is served there. */
export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  const expected = opts.token ? digest(opts.token) : null;
  const server = http.createServer((req, res) => {
    const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(`${text}\n`);
    if ((req.url ?? '').split('?')[0] !== '/metrics') return plain(404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'method not allowed', { allow: 'GET, HEAD' });
    // Compared as digests of equal length, in constant time.
    const given = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (expected && !timingSafeEqual(digest(given), expected)) {
      return plain(401, 'unauthorized', { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    opts.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (err: unknown) => {
        opts.log.warn({ err: (err as Error).message }, 'metrics scrape failed');
        plain(500, 'metrics unavailable');
      },
    );
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
