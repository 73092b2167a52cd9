import { queueHealth, type QueueHealth } from '../../queues/queue-health';
import type { HealthDeps } from '../http/routes/health-routes';
import type { WechatRouteDeps } from '../http/routes/wechat-routes';
import { createWechatLoginState } from '../redis/wechat-login-state';
import type { AppContext } from './context';

export function healthPort(ctx: AppContext, status?: () => Record<string, unknown>): HealthDeps {
  return { checks: ctx.checks, status };
}

/** The WeChat account's login state and QR code, as the bot role publishes it. */
export function wechatRoutesPort(ctx: AppContext): WechatRouteDeps {
  const state = createWechatLoginState(ctx.redis, ctx.config.QUEUE_PREFIX);
  return { wechatLogin: () => state.read() };
}

export function queueHealthPort(ctx: AppContext): () => Promise<QueueHealth[]> {
  const sms = ctx.sms ? [ctx.smsQueue] : [];
  return () => queueHealth([ctx.triageQueue, ctx.outboundQueue, ctx.deadlineQueue, ctx.platformQueue, ...sms]);
}
