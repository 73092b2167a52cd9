import { createEmbeddedMockPuppet } from '../../bots/embedded-mock';
import { createWechatBot } from '../../bots/wechat-bot';
import { createLogger } from '../../src/infra/logger';
import { createOutboundWorker } from '../../queues/outbound-worker';
import { createWorkerConnection } from '../../queues/redis-connection';
import type { TestApp } from './test-app';
import { waitFor } from './test-app';

/** The real bot on the mock puppet, with the outbound worker, against a test app; workers are mock contacts. */
export async function startWechatHarness(app: TestApp) {
  const mock = createEmbeddedMockPuppet();
  const log = createLogger('silent');
  const bot = createWechatBot({ name: `bot-${Date.now()}`, puppet: mock.puppet, log, handleMessage: app.ctx.services.handleWechatMessage });
  await bot.start();
  mock.login();
  await waitFor(async () => bot.status().state === 'logged_in', 5000, 'login');
  const conn = createWorkerConnection(app.ctx.config.REDIS_URL);
  const outbound = createOutboundWorker(conn, app.ctx.config.QUEUE_PREFIX, { deliver: app.ctx.services.deliverMessage(bot.send), log });
  void outbound.run();
  await outbound.waitUntilReady();

  const worker = (name: string) => {
    const contact = mock.mocker.createContact({ name });
    const received: string[] = [];
    contact.on('message', (m) => {
      if (m.payload.talkerId === mock.botUser.id) received.push(m.payload.text ?? '');
    });
    return {
      id: contact.id,
      received,
      /** Sends a message and resolves with the bot's replies to it. */
      async say(text: string, replies = 1): Promise<string[]> {
        const before = received.length;
        contact.say(text).to(mock.botUser);
        await waitFor(async () => received.length >= before + replies, 10_000, `the bot's reply to "${text}"`);
        return received.slice(before);
      },
      waitFor: (pattern: RegExp) => waitFor(async () => received.find((t) => pattern.test(t)), 10_000, `a message matching ${pattern}`),
    };
  };

  return {
    worker,
    async stop() {
      await outbound.close();
      conn.disconnect();
      await bot.stop();
    },
  };
}
