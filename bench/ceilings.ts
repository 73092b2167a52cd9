import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { flatOut, type LoadRequest } from './load';
import { nodeArgs } from './node-args';
import { perSecond, summarize, type Summary } from './stats';

/**
 * What the parts can do on their own on this machine, measured in the same run: BullMQ adding and
 * processing empty jobs, plain inserts into the same FerretDB, and an express endpoint that only answers 202.
 */
export interface Ceiling {
  stage: string;
  perS: number;
  note: string;
}

const oid = () => randomBytes(12).toString('hex');
const CHUNK = 500;

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** `concurrency` callers each doing one call at a time, until `n` calls are done. */
async function parallel(n: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i);
    }),
  );
}

export async function bullmqCeilings(redisUrl: string, n: number, concurrency: number, workerConcurrency: number): Promise<Ceiling[]> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `bench-ceiling-${randomBytes(3).toString('hex')}`;
  // The same job options as the triage queue, so the ceiling is for the work intake really asks of Redis.
  const queue = new Queue('raw', {
    connection,
    prefix,
    defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 3600, count: 10_000 } },
  });
  const job = () => ({ name: 'triage-complaint', data: { complaintId: oid() }, opts: { jobId: `triage-${oid()}` } });
  const single = await timed(() =>
    parallel(n, concurrency, async () => {
      const j = job();
      await queue.add(j.name, j.data, j.opts);
    }),
  );
  const bulk = await timed(async () => {
    for (let i = 0; i < n; i += CHUNK) await queue.addBulk(Array.from({ length: Math.min(CHUNK, n - i) }, job));
  });
  const total = 2 * n;
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const t0 = performance.now();
  const workerConnection = connection.duplicate();
  const worker = new Worker('raw', async () => undefined, { connection: workerConnection, prefix, concurrency: workerConcurrency });
  worker.on('completed', () => {
    if (++done === total) finish();
  });
  await finished;
  const processMs = performance.now() - t0;
  await worker.close();
  workerConnection.disconnect();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return [
    { stage: 'bullmq add, one by one', perS: perSecond(n, single), note: `${concurrency} callers, queue.add with a fixed jobId` },
    { stage: 'bullmq add, bulk', perS: perSecond(n, bulk), note: `addBulk of ${CHUNK}` },
    { stage: 'bullmq process, empty jobs', perS: perSecond(total, processMs), note: `one worker, concurrency ${workerConcurrency}` },
  ];
}

/** A document of the size and shape of a stored hotline complaint. */
function complaintLike(i: number) {
  return {
    channel: 'hotline',
    dedupKey: `ceiling-${i}-${oid()}`,
    sender: { channelUserId: null, name: null, phone: '13900001234' },
    operator: '坐席07',
    text: '坐席：您好，桃源县根治欠薪热线，请讲。\n来电人：我在陬市镇的宏远达建设工程有限公司做粉刷，做了三个月，我们3个人，老板欠了15000块钱工资一直冇给。\n坐席：您的联系电话是多少？\n来电人：13900001234',
    turns: [
      { speaker: 'agent', text: '您好，桃源县根治欠薪热线，请讲。' },
      { speaker: 'caller', text: '我在陬市镇的宏远达建设工程有限公司做粉刷，做了三个月，我们3个人，老板欠了15000块钱工资一直冇给。' },
    ],
    receivedAt: new Date(),
    evidenceIds: [],
    state: 'received',
    triage: null,
    leadId: null,
    attempts: 0,
    lastError: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

export async function mongoCeilings(mongoBase: string, n: number, concurrency: number): Promise<Ceiling[]> {
  const conn = await mongoose
    .createConnection(`${mongoBase}/bench_ceiling_${randomBytes(3).toString('hex')}`, { maxPoolSize: 20 })
    .asPromise();
  const raw = conn.db!.collection('raw');
  await raw.insertOne(complaintLike(-1)); // creates the collection outside the timing
  const single = await timed(() => parallel(n, concurrency, (i) => raw.insertOne(complaintLike(i))));
  const bulk = await timed(async () => {
    for (let i = 0; i < n; i += CHUNK)
      await raw.insertMany(
        Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => complaintLike(n + i + k)),
        { ordered: false },
      );
  });
  await conn.dropDatabase();
  await conn.close();
  return [
    { stage: 'mongodb insert, one by one', perS: perSecond(n, single), note: `${concurrency} callers, insertOne` },
    { stage: 'mongodb insert, bulk', perS: perSecond(n, bulk), note: `insertMany of ${CHUNK}` },
  ];
}

export async function httpCeiling(n: number, connections: number, sample: LoadRequest, fromSource: boolean): Promise<Ceiling> {
  const child = spawn(process.execPath, nodeArgs('bench/noop-server', fromSource), {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()));
      child.once('exit', (code) => reject(new Error(`noop server exited with ${code}`)));
    });
    const r = await flatOut(url, n, connections, () => sample);
    return { stage: 'express 202, nothing else', perS: perSecond(n, r.elapsedMs), note: `${connections} connections, same body` };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Round trips to Redis (`PING`), back to back and one every `gapMs`: how the machine answers when busy and when idle. */
export interface RoundTrip {
  backToBack: Summary;
  sparse: Summary;
  gapMs: number;
}

/**
 * A property of the machine rather than of the app: on a virtual machine an idle CPU sleeps, and a
 * message to a process that is waiting wakes it first. Back to back, Redis and the caller stay awake;
 * one every 25 ms (the half-load rate of a complaint) each round trip pays the wake-ups. Every step of
 * intake that waits on another process (Redis, FerretDB, the HTTP client) pays them at half load.
 */
export async function roundTrips(redisUrl: string, n = 2000, sparseN = 200, gapMs = 25): Promise<RoundTrip> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  try {
    await redis.ping();
    const time = async (count: number, gap: number) => {
      const us: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        await redis.ping();
        us.push((performance.now() - t0) * 1000);
        if (gap) await delay(gap);
      }
      return summarize(us);
    };
    const backToBack = await time(n, 0);
    const sparse = await time(sparseN, gapMs);
    return { backToBack, sparse, gapMs };
  } finally {
    redis.disconnect();
  }
}
