import { randomBytes } from 'node:crypto';
import { startMockWechatSession } from '../../bots/mock-session';
import { createLogger } from '../../src/infra/logger';
import type { TestApp } from './test-app';
import { waitFor } from './test-app';
import { mockSessionPort } from '../../src/composition/intake';

/** The real bot on the mock puppet (the simulator's session) against a test app; workers are mock contacts. */
export async function startWechatHarness(app: TestApp) {
  const session = await startMockWechatSession({
    redisUrl: app.ctx.config.REDIS_URL,
    queuePrefix: app.ctx.config.QUEUE_PREFIX,
    log: createLogger('silent'),
    ...mockSessionPort(app.ctx),
  });
  const worker = (name: string) => {
    const id = `wxid_${randomBytes(6).toString('hex')}`;
    const mine = () => session.said.filter((m) => m.to === id).map((m) => m.text);
    return {
      id,
      get received() {
        return mine();
      },
      /** Sends a message and resolves with the bot's replies to it. */
      async say(text: string, replies = 1): Promise<string[]> {
        const before = mine().length;
        session.send(id, name, text);
        await waitFor(async () => mine().length >= before + replies, 10_000, `the bot's reply to "${text}"`);
        return mine().slice(before);
      },
      /** Sends a file (base64 content) and resolves with the bot's replies to it. */
      async sendFile(fileName: string, base64: string, replies = 1): Promise<string[]> {
        const before = mine().length;
        session.sendFile(id, name, fileName, base64);
        await waitFor(async () => mine().length >= before + replies, 10_000, `the bot's reply to ${fileName}`);
        return mine().slice(before);
      },
      /** Sends a voice message (base64 audio, e.g. a .sil file, as WeChat's SILK voice) and resolves with the bot's replies to it. */
      async sendVoice(fileName: string, base64: string, replies = 1): Promise<string[]> {
        const before = mine().length;
        session.sendVoice(id, name, fileName, base64);
        await waitFor(async () => mine().length >= before + replies, 10_000, `the bot's reply to the voice message ${fileName}`);
        return mine().slice(before);
      },
      waitFor: (pattern: RegExp) => waitFor(async () => mine().find((t) => pattern.test(t)), 10_000, `a message matching ${pattern}`),
    };
  };
  return { worker, session, stop: () => session.stop() };
}
