import type { AppContext } from '../app-context';
import { createEmbeddedMockPuppet } from '../../bots/embedded-mock';
import { createWechatBot } from '../../bots/wechat-bot';
import type { RunningRole } from './api-role';

export interface BotRole extends RunningRole {
  status(): Record<string, unknown>;
}

export async function startBotRole(ctx: AppContext): Promise<BotRole> {
  const { config } = ctx;
  const embedded = config.WECHATY_PUPPET === 'wechaty-puppet-mock' ? createEmbeddedMockPuppet() : null;
  const bot = createWechatBot({
    name: config.WECHATY_NAME,
    puppet: embedded?.puppet ?? config.WECHATY_PUPPET,
    puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
    log: ctx.log.child({ module: 'wechat-bot' }),
    acceptComplaint: ctx.services.acceptComplaint,
  });
  await bot.start();
  embedded?.login();
  return { stop: () => bot.stop(), status: () => ({ wechat: bot.status() }) };
}
