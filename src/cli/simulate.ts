import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createAppContext } from '../composition/context';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { ensureLocalServices, localServicesOptions } from '../../tools/local-services/local-services';
import { createLogger } from '../infra/logger';
import { startWorkerRole } from '../roles/worker-role';
import { startMockWechatSession } from '../../bots/mock-session';
import { mockSessionPort } from '../composition/intake';

const line = z.object({
  from: z.string().regex(/^[A-Za-z0-9_@.-]{1,64}$/),
  name: z.string().max(64).optional(),
  text: z.string().min(1).max(5000),
});

/**
 * `npm run --silent simulate < script.jsonl`: plays a conversation through the real bot code on the
 * mock puppet, against the configured services (brought up as `npm start` does) with the worker
 * running here. Input: {"from", "name", "text"} per line; output: {"to", "text"} per bot message.
 */
async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const services = await ensureLocalServices(localServicesOptions(config));
  const log = createLogger('error');
  const ctx = await createAppContext(config, log);
  const worker = await startWorkerRole(ctx);
  const session = await startMockWechatSession({
    redisUrl: config.redis,
    queuePrefix: ctx.keys.queues,
    log,
    ...mockSessionPort(ctx),
  });
  try {
    for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!raw.trim()) continue;
      let parsed;
      try {
        parsed = line.safeParse(JSON.parse(raw));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        process.stdout.write(`${JSON.stringify({ error: 'each line must be {"from": "wxid_…", "name": "…", "text": "…"}' })}\n`);
        continue;
      }
      const since = session.said.length;
      session.send(parsed.data.from, parsed.data.name ?? parsed.data.from, parsed.data.text);
      await session.quiet(since);
      for (const m of session.said.slice(since)) process.stdout.write(`${JSON.stringify({ to: m.to, text: m.text })}\n`);
    }
    return 0;
  } finally {
    await session.stop();
    await worker.stop();
    await ctx.close();
    await services.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `simulate: ${(err as Error).message}`);
    process.exit(1);
  },
);
