import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import mongoose from 'mongoose';
import { flatOut } from './load';
import { nodeArgs } from './node-args';
import { cpuPerComplaint, type EndToEnd } from './end-to-end';
import { BENCH_SECRET, type UsageSnapshot } from './pipeline';
import { cpuSecondsOf, track, type BenchStack } from './stack';
import { perSecond } from './stats';
import { signedRequest, transcript } from './transcripts';

/**
 * The bare chain: the raw steps the ceilings measure — an express request with the hotline's
 * signature check, one insert, one BullMQ add, one job processed, one more insert — each once per
 * complaint, in an API process and a worker process like the app's, with no domain work at all
 * (bare-role.ts). Run flat out beside the ceilings, it is the most a pipeline built of these parts
 * could process on this machine: what the 50 % goal can be held against.
 */
export interface BareChain {
  n: number;
  accepted: number;
  acceptedPerS: number;
  processedPerS: number;
  /** Milliseconds of CPU per accepted complaint, first request to last lead. */
  cpuMsPerComplaint: EndToEnd['cpu']['msPerComplaint'];
}

interface BareRole {
  child: ChildProcess;
  line: string;
  stop(): Promise<void>;
}

function startBareRole(
  role: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  fromSource: boolean,
  started: BareRole['stop'][],
): Promise<BareRole> {
  const child = spawn(process.execPath, [...nodeArgs('bench/bare-role', fromSource), role], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { stop } = track(child);
  started.push(stop);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('ready'));
      if (line) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve({ child, line, stop });
      }
    };
    const onExit = (code: number | null) => reject(new Error(`bare ${role} exited with ${code} before it was ready`));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function runBareChain(stack: BenchStack, n: number, connections: number, fromSource: boolean): Promise<BareChain> {
  const uri = `${stack.mongoBase}/bench_bare_${randomBytes(3).toString('hex')}`;
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    MONGODB_URI: uri,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: `bench-bare-${randomBytes(3).toString('hex')}`,
    HOTLINE_SECRET: BENCH_SECRET,
  };
  const db = await mongoose.createConnection(uri).asPromise();
  const started: BareRole['stop'][] = [];
  try {
    const worker = await startBareRole('worker', env, fromSource, started);
    const api = await startBareRole('api', env, fromSource, started);
    const origin = api.line.split(' ')[1]!;
    const leads = db.collection('leads');
    const pids = [api.child.pid!, worker.child.pid!, stack.ferretPid, stack.redisPid];
    // The same accounting as the end-to-end runs (cpuPerComplaint), without the machine and FerretDB figures.
    const usage = async (): Promise<UsageSnapshot> => {
      const own = process.cpuUsage();
      const [a, w, f, r] = await Promise.all(pids.map(cpuSecondsOf));
      return {
        processes: { api: a ?? null, worker: w ?? null, ferretdb: f ?? null, redis: r ?? null, load: (own.user + own.system) / 1e6 },
        machine: null,
        dbCommands: null,
      };
    };
    const before = await usage();
    const t0 = Date.now();
    const r = await flatOut(origin, n, connections, (i) => ({
      path: '/api/hotline/transcripts',
      ...signedRequest(BENCH_SECRET, transcript('bare', i)),
    }));
    const accepted = r.statuses.get(202) ?? 0;
    const deadline = Date.now() + 120_000 + n * 5;
    while ((await leads.countDocuments({})) < accepted) {
      if (Date.now() > deadline) throw new Error('the bare chain did not process every accepted complaint in time');
      await delay(50);
    }
    const doneMs = Date.now() - t0;
    const after = await usage();
    return {
      n,
      accepted,
      acceptedPerS: perSecond(accepted, r.elapsedMs),
      processedPerS: perSecond(accepted, doneMs),
      cpuMsPerComplaint: cpuPerComplaint(before, after, accepted).msPerComplaint,
    };
  } finally {
    await Promise.all(started.map((stop) => stop()));
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  }
}
