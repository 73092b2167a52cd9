import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { loadConfig } from '../../src/config';
import { answers, stopProcess } from '../../tools/local-services/local-services';
import { createProducerConnection, createWorkerConnection, type RedisClient } from '../../src/redis/connection';
import { freePort } from '../support/free-port';

/** Waits until `probe` resolves true (polling), or fails after `ms`. */
async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * REDIS_SENTINELS: the app and BullMQ find the master through Sentinel (a real redis-server and a real
 * redis-server --sentinel of the test's own, on free ports; nothing shared is touched).
 */
describe('Redis behind Sentinel', () => {
  let dir: string;
  const procs: ChildProcess[] = [];
  const conns: RedisClient[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wa-sentinel-'));
    const masterPort = await freePort();
    const sentinelPort = await freePort();
    procs.push(
      spawn('redis-server', ['--port', String(masterPort), '--bind', '127.0.0.1', '--save', '', '--dir', dir], { stdio: 'ignore' }),
    );
    const conf = path.join(dir, 'sentinel.conf');
    await writeFile(
      conf,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor wa-test-master 127.0.0.1 ${masterPort} 1`,
        'sentinel down-after-milliseconds wa-test-master 5000',
      ].join('\n'),
    );
    procs.push(spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' }));
    env = {
      REDIS_URL: 'redis://ignored-host:1',
      REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
      REDIS_SENTINEL_NAME: 'wa-test-master',
    };
    // Both listening before the first connection (a refused first attempt leaves ioredis retrying).
    await until(() => answers({ host: '127.0.0.1', port: masterPort }), 10_000, 'redis-server');
    await until(() => answers({ host: '127.0.0.1', port: sentinelPort }), 10_000, 'the Sentinel');
    // The Sentinel answers with the master's address once it has it.
    const probe = createProducerConnection({
      url: 'redis://127.0.0.1',
      sentinels: [{ host: '127.0.0.1', port: sentinelPort }],
      sentinelName: 'wa-test-master',
    });
    probe.on('error', () => undefined);
    conns.push(probe);
    await until(async () => (await probe.ping()) === 'PONG', 15_000, 'the master through the Sentinel');
  });

  afterAll(async () => {
    await Promise.all(conns.map((c) => c.quit().catch(() => c.disconnect())));
    await Promise.all(procs.map((p) => stopProcess(p, 3000)));
    await rm(dir, { recursive: true, force: true });
  });

  it('when REDIS_SENTINELS is set, then the connections reach the master it names and a BullMQ job runs through them', async () => {
    const config = loadConfig(env);
    const producer = createProducerConnection(config.redis);
    const worker = createWorkerConnection(config.redis);
    conns.push(producer, worker);
    await until(async () => producer.status === 'ready', 10_000, 'the producer connection');
    await producer.set('wa-sentinel-test:key', 'through the sentinel');
    expect(await worker.get('wa-sentinel-test:key')).toBe('through the sentinel');

    const queue = new Queue('sentinel-check', { connection: producer, prefix: 'wa-sentinel-test' });
    const w = new Worker('sentinel-check', async (job) => `handled ${String((job.data as { complaintId: string }).complaintId)}`, {
      connection: worker,
      prefix: 'wa-sentinel-test',
    });
    const done = new Promise<string>((resolve) => w.on('completed', (_job, result: string) => resolve(result)));
    await queue.add('triage-complaint', { complaintId: 'c-1' });
    expect(await done).toBe('handled c-1');
    await w.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
