import { spawn } from 'node:child_process';
import { nodeArgs } from './node-args';
import { BENCH_SECRET, type Pipeline } from './pipeline';
import type { BenchStack } from './stack';
import { memoryOf } from './stack';
import type { Summary } from './stats';

/** Marks the child's result line among whatever else the bot libraries print. */
export const RESULT_MARK = 'BENCH_RESULT ';

export interface WechatPath {
  contacts: number;
  messages: number;
  messagesPerS: number;
  firstAnswerMs: Summary;
  toCaseNumberMs: Summary;
  peakRssMb: number | null;
}

/** The bot on the mock puppet in a process of its own, against the pipeline's database, queues and worker. */
export async function runWechatPath(stack: BenchStack, p: Pipeline, contacts: number, fromSource: boolean): Promise<WechatPath> {
  const child = spawn(process.execPath, nodeArgs('bench/wechat-child', fromSource), {
    cwd: stack.dir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      MONGODB_URI: `${stack.mongoBase}/${p.db.name}`,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: `bench-${p.tag}`,
      HOTLINE_SECRET: BENCH_SECRET,
      AUTO_START_SERVICES: 'false',
      // The per-contact budget is not what is measured here.
      INTAKE_RATE_LIMIT: '10000',
      BENCH_CONTACTS: String(contacts),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let peak: number | null = null;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const sampler = setInterval(() => {
    void memoryOf(child.pid!).then((m) => {
      if (m) peak = Math.max(peak ?? 0, m.peakRssMb);
    });
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (code !== 0 || !line) throw new Error(`the WeChat bench process exited with ${code}`);
  return { ...(JSON.parse(line.slice(RESULT_MARK.length)) as Omit<WechatPath, 'peakRssMb'>), peakRssMb: peak };
}
