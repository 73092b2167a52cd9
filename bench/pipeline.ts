import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { setTimeout as delay } from 'node:timers/promises';
import { createStaffRepository } from '../src/db/repositories/staff-repository';
import { createStaffUser } from '../src/services/staff-accounts';
import { QUEUE_NAMES } from '../queues/jobs';
import { cpuSecondsOf, ferretCommands, machineCpuSeconds, memoryOf, startRole, type BenchStack, type RoleProcess } from './stack';

export const BENCH_SECRET = `bench-hotline-secret-${randomBytes(16).toString('hex')}`;

/** The app as production runs it: an API process and a worker process on the bench's servers, a fresh database each. */
export interface Pipeline {
  tag: string;
  api: RoleProcess;
  worker: RoleProcess;
  db: mongoose.Connection;
  queue: Queue;
  /** A supervisor's token, to read leads through the API. */
  token: string;
  /** Waiting + active + delayed jobs of the triage queue. */
  backlog(): Promise<number>;
  /** Resolves when every one of `expected` accepted complaints left the queue; returns when (epoch ms). */
  drained(expected: number, timeoutMs: number): Promise<number>;
  memory(): Promise<Record<string, { peakRssMb: number; rssMb: number } | null>>;
  /** What has been used so far: CPU seconds of each process, of this bench process (the load) and of the machine; FerretDB's commands. */
  usage(): Promise<UsageSnapshot>;
  stop(): Promise<void>;
}

export interface UsageSnapshot {
  /** Seconds of CPU used so far, per process (null: could not be read). */
  processes: Record<'api' | 'worker' | 'ferretdb' | 'redis' | 'load', number | null>;
  machine: { busy: number; total: number } | null;
  /** Commands FerretDB has answered so far, by name (everyone's: the pipeline's and the bench's few). */
  dbCommands: Record<string, number> | null;
}

export async function startPipeline(
  stack: BenchStack,
  tag: string,
  opts: { workerConcurrency: number; gatherMs?: number | null; cpuProf: boolean; fromSource: boolean },
): Promise<Pipeline> {
  const database = `bench_${tag}_${randomBytes(3).toString('hex')}`;
  const prefix = `bench-${tag}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    MONGODB_URI: `${stack.mongoBase}/${database}`,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: prefix,
    HOTLINE_SECRET: BENCH_SECRET,
    AUTO_START_SERVICES: 'false',
    ...(opts.workerConcurrency ? { TRIAGE_CONCURRENCY: String(opts.workerConcurrency) } : {}),
    ...(opts.gatherMs != null ? { TRIAGE_GATHER_MS: String(opts.gatherMs) } : {}),
  };
  // The worker first: it creates the indexes before the API's first write.
  const worker = await startRole({ role: 'worker', dir: stack.dir, env, cpuProf: opts.cpuProf, fromSource: opts.fromSource, tag });
  const api = await startRole({ role: 'api', dir: stack.dir, env, cpuProf: opts.cpuProf, fromSource: opts.fromSource, tag }).catch(
    async (err: unknown) => {
      await worker.stop();
      throw err;
    },
  );
  const db = await mongoose.createConnection(env.MONGODB_URI!).asPromise();
  const { token } = await createStaffUser(
    { staff: createStaffRepository(db) },
    { username: 'bench.supervisor', password: 'bench-password-not-secret', role: 'supervisor', area: null },
  );
  const connection = new IORedis(stack.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAMES.triage, { connection, prefix });
  const backlog = async () => {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(c).reduce((a, b) => a + b, 0);
  };
  return {
    tag,
    api,
    worker,
    db,
    queue,
    token,
    backlog,
    async drained(expected, timeoutMs) {
      const complaints = db.collection('complaints');
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await backlog()) === 0 && (await complaints.countDocuments({ state: 'received' })) === 0) {
          if ((await complaints.countDocuments({})) >= expected) return Date.now();
        }
        if (Date.now() > deadline) throw new Error(`the pipeline did not drain within ${timeoutMs} ms (backlog ${await backlog()})`);
        await delay(100);
      }
    },
    async memory() {
      return { api: await memoryOf(api.pid), worker: await memoryOf(worker.pid) };
    },
    async usage() {
      const own = process.cpuUsage();
      const [a, w, f, r, machine, dbCommands] = await Promise.all([
        cpuSecondsOf(api.pid),
        cpuSecondsOf(worker.pid),
        cpuSecondsOf(stack.ferretPid),
        cpuSecondsOf(stack.redisPid),
        machineCpuSeconds(),
        ferretCommands(stack.ferretDebugUrl),
      ]);
      return { processes: { api: a, worker: w, ferretdb: f, redis: r, load: (own.user + own.system) / 1e6 }, machine, dbCommands };
    },
    async stop() {
      await queue.close();
      connection.disconnect();
      await Promise.all([api.stop(), worker.stop()]);
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}
