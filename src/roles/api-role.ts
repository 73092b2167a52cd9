import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app-context';
import { createApp } from '../http/app';
import type { PlatformChannel } from '../domain/inbound';
import type { PlatformRouteDeps } from '../http/wechat-platform/platform-routes';

export function platformRouteDeps(ctx: AppContext, channel: PlatformChannel): PlatformRouteDeps {
  const { config, services } = ctx;
  return {
    channel,
    config: channel === 'wechat_oa' ? config.officialAccount : config.wecom,
    receive: services.platform.receive,
    passiveReplies: services.platform.passiveReplies,
    replyWaitMs: config.PLATFORM_REPLY_WAIT_MS,
    maxSkewSeconds: config.HOTLINE_MAX_SKEW_SECONDS,
  };
}

export interface RunningRole {
  stop(): Promise<void>;
}

export interface ApiRole extends RunningRole {
  url: string;
}

export async function startApiRole(ctx: AppContext, extraStatus?: () => Record<string, unknown>): Promise<ApiRole> {
  const { config, services } = ctx;
  const app = createApp({
    log: ctx.log.child({ module: 'http' }),
    health: { checks: services.checks, status: extraStatus },
    hotline: {
      secret: config.HOTLINE_SECRET,
      maxSkewSeconds: config.HOTLINE_MAX_SKEW_SECONDS,
      acceptComplaint: services.acceptComplaint,
      replayGuard: services.hotlineReplayGuard,
    },
    leads: services,
    complaints: services,
    callbacks: services,
    stats: services,
    auth: services,
    wechat: services,
    officialAccount: platformRouteDeps(ctx, 'wechat_oa'),
    wecom: platformRouteDeps(ctx, 'wecom'),
    authenticate: services.authenticateToken,
    console: { ...services, secureCookie: config.CONSOLE_SECURE_COOKIE, log: ctx.log.child({ module: 'console' }) },
  });
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
