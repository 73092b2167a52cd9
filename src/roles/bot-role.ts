import type { AppContext } from '../composition/context';
import { createEmbeddedMockPuppet } from '../../bots/embedded-mock';
import { createWechatBot } from '../../bots/wechat-bot';
import { createOutboundWorker } from '../../queues/outbound-worker';
import { createWorkerConnection } from '../redis/connection';
import type { RunningRole } from './api-role';
import { observeJobs } from './job-metrics';
import { wechatBotPort } from '../composition/intake';
import { deliveryPort } from '../composition/outbound';

export interface BotRole extends RunningRole {
  status(): Record<string, unknown>;
}

/** The WeChat session: intake of workers' messages, and the only consumer of the outbound queue. */
export async function startBotRole(ctx: AppContext): Promise<BotRole> {
  const { config } = ctx;
  const log = ctx.log.child({ module: 'wechat-bot' });
  const embedded = config.WECHATY_PUPPET === 'wechaty-puppet-mock' ? createEmbeddedMockPuppet() : null;
  const bot = createWechatBot({
    name: config.WECHATY_NAME,
    puppet: embedded?.puppet ?? config.WECHATY_PUPPET,
    puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
    log,
    ...wechatBotPort(ctx),
  });
  await bot.start();
  embedded?.login();

  const connection = createWorkerConnection(config.redis);
  connection.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  connection.on('error', () => ctx.metrics.redisError('bot'));
  const outbound = createOutboundWorker(connection, ctx.keys.queues, { deliver: deliveryPort(ctx, bot.send), log });
  void outbound.run().catch((err: unknown) => log.error({ err }, 'outbound worker stopped'));
  await outbound.waitUntilReady();
  observeJobs(outbound, ctx.metrics);

  return {
    async stop() {
      await outbound.close();
      connection.disconnect();
      await bot.stop();
    },
    // /readyz is public: the state only, never the login QR code.
    status: () => ({ wechat: { state: bot.status().state } }),
  };
}
