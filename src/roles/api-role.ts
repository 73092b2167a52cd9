import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../composition/context';
import { httpDeps } from '../composition/http';
import { createApp } from '../http/app';

export interface RunningRole {
  stop(): Promise<void>;
}

export interface ApiRole extends RunningRole {
  url: string;
}

export async function startApiRole(ctx: AppContext, extraStatus?: () => Record<string, unknown>): Promise<ApiRole> {
  const { config } = ctx;
  const app = createApp(httpDeps(ctx, extraStatus));
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 5000;
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    // Stop intake: refuse new connections, let in-flight requests finish.
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
