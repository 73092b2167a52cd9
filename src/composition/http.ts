import type { HttpDeps } from '../http/app';
import { leadRoutesPort } from './cases';
import { consolePort } from './console';
import type { AppContext } from './context';
import { complaintRoutesPort, hotlinePort } from './intake';
import { healthPort, wechatRoutesPort } from './ops';
import { callbackRoutesPort } from './outbound';
import { platformRoutesPort } from './platform';
import { statsRoutesPort } from './reports';
import { reviewRoutesPort } from './review';
import { notificationRoutesPort } from './notifications';
import { authenticatePort, authRoutesPort } from './staff';
import { complainantRoutesPort, exportRoutesPort } from './privacy';

/** Every router's port, for the API role. */
export function httpDeps(ctx: AppContext, status?: () => Record<string, unknown>): HttpDeps {
  return {
    log: ctx.log.child({ module: 'http' }),
    trustProxy: ctx.config.TRUST_PROXY,
    health: healthPort(ctx, status),
    hotline: hotlinePort(ctx),
    leads: leadRoutesPort(ctx),
    complaints: complaintRoutesPort(ctx),
    callbacks: callbackRoutesPort(ctx),
    reviews: reviewRoutesPort(ctx),
    notifications: notificationRoutesPort(ctx),
    stats: statsRoutesPort(ctx),
    complainants: complainantRoutesPort(ctx),
    exports: exportRoutesPort(ctx),
    auth: authRoutesPort(ctx),
    wechat: wechatRoutesPort(ctx),
    officialAccount: platformRoutesPort(ctx, 'wechat_oa'),
    wecom: platformRoutesPort(ctx, 'wecom'),
    authenticate: authenticatePort(ctx),
    console: consolePort(ctx),
    observeRequest: (route, method, status, seconds) => ctx.metrics.httpRequest(route, method, status, seconds),
  };
}
