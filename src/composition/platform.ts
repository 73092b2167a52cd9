import type { PlatformWorkerDeps } from '../../queues/platform-queue';
import type { PlatformChannel } from '../domain/inbound';
import type { PlatformRouteDeps } from '../http/wechat-platform/platform-routes';
import { createPlatformReplyClaim } from '../redis/platform-reply-claim';
import { createCallbackReplayGuard } from '../redis/replay-guard';
import { handleIntakeFile, handleIntakeMessage } from '../services/intake/intake-conversation';
import {
  handlePlatformMessage,
  passiveReplies,
  passiveReplyGiven,
  receivePlatformMessage,
  sendPlatformReplies,
  sendViaPlatform,
  type PlatformIntakeDeps,
} from '../services/platform-intake';
import type { AppContext } from './context';
import { conversationDeps } from './intake';
import { contactLine, deliveryPort } from './outbound';
import { staffNoticePort } from './notifications';

/** The Official Account / WeCom intake: store and queue in the callback, the conversation in the worker. */
export function platformIntakeDeps(ctx: AppContext): PlatformIntakeDeps {
  const talk = (channel: PlatformChannel) => {
    const deps = conversationDeps(ctx, channel);
    return {
      message: (m: Parameters<typeof handleIntakeMessage>[1]) => handleIntakeMessage(deps, m),
      file: (f: Parameters<typeof handleIntakeFile>[1]) => handleIntakeFile(deps, f),
    };
  };
  const conversations = { wechat_oa: talk('wechat_oa'), wecom: talk('wecom') };
  return {
    inbound: ctx.repos.inbound,
    queue: ctx.platformQueue,
    claimReply: createPlatformReplyClaim(ctx.redis, ctx.config.QUEUE_PREFIX),
    conversation: (channel) => conversations[channel],
    client: (channel) => ctx.platformClients[channel],
    replyWaitMs: ctx.config.PLATFORM_REPLY_WAIT_MS,
    line: contactLine(ctx),
  };
}

export function platformRoutesPort(ctx: AppContext, channel: PlatformChannel): PlatformRouteDeps {
  const { config } = ctx;
  const deps = platformIntakeDeps(ctx);
  return {
    channel,
    config: channel === 'wechat_oa' ? config.officialAccount : config.wecom,
    receive: (msg) => receivePlatformMessage(deps, msg),
    passiveReplies: (inbound, budgetMs) => passiveReplies(deps, inbound, budgetMs),
    passiveReplyGiven: (inbound) => passiveReplyGiven(deps, inbound),
    replyWaitMs: config.PLATFORM_REPLY_WAIT_MS,
    maxSkewSeconds: config.HOTLINE_MAX_SKEW_SECONDS,
    firstDelivery: createCallbackReplayGuard(ctx.redis, config.QUEUE_PREFIX, 2 * config.HOTLINE_MAX_SKEW_SECONDS + 1),
  };
}

export function platformWorkerPort(ctx: AppContext): Omit<PlatformWorkerDeps, 'log'> {
  const deps = platformIntakeDeps(ctx);
  return {
    handle: (inboundId) => handlePlatformMessage(deps, inboundId),
    sendReplies: (inboundId, opts) => sendPlatformReplies(deps, inboundId, opts),
    deliver: deliveryPort(ctx, (channelUserId, text, channel) => sendViaPlatform(deps, channelUserId, text, channel)),
    sendStaffNotice: staffNoticePort(ctx),
  };
}
