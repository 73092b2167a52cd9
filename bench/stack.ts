import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startFerretDb, startRedis, stopProcess } from '../tools/local-services/local-services';
import { PROJECT_ROOT } from '../src/infra/project-root';
import { freePort } from '../tools/local-services/free-port';
import { nodeArgs } from './node-args';

/**
 * The benchmark's own servers: FerretDB (SQLite in a temp dir) and redis-server, each on a free
 * port, so nothing the machine shares (the Redis at 6379, a developer's .data) is touched.
 */
export interface BenchStack {
  dir: string;
  mongoBase: string;
  redisUrl: string;
  ferretPid: number;
  redisPid: number;
  /** FerretDB's debug handler (Prometheus metrics at /debug/metrics). */
  ferretDebugUrl: string;
  stop(): Promise<void>;
}

/** Every process the bench started and has not stopped yet, so an interrupted run leaves none behind. */
const running = new Set<ChildProcess>();

export async function stopEverything(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c)));
}

/** A child the bench started itself: stopped with everything else if the run is interrupted; `stop` stops it now. */
export function track(child: ChildProcess): { stop: () => Promise<void> } {
  running.add(child);
  return { stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  running.delete(child);
  return stopProcess(child, timeoutMs);
}

export async function startBenchStack(ferretdbBin?: string): Promise<BenchStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wa-bench-'));
  const mongoPort = await freePort();
  const debugPort = await freePort();
  const ferret = await startFerretDb({ host: '127.0.0.1', port: mongoPort }, dir, ferretdbBin, undefined, {
    host: '127.0.0.1',
    port: debugPort,
  });
  running.add(ferret);
  const redisPort = await freePort();
  const redis = await startRedis({ host: '127.0.0.1', port: redisPort }, dir).catch(async (err: unknown) => {
    await stopChild(ferret);
    throw err;
  });
  running.add(redis);
  return {
    dir,
    mongoBase: `mongodb://127.0.0.1:${mongoPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    ferretPid: ferret.pid!,
    redisPid: redis.pid!,
    ferretDebugUrl: `http://127.0.0.1:${debugPort}`,
    async stop() {
      await Promise.all([stopChild(ferret), stopChild(redis)]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Peak and current resident memory of a process, from /proc (kB → MB). */
export async function memoryOf(pid: number): Promise<{ peakRssMb: number; rssMb: number } | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  if (!status) return null;
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { peakRssMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

/**
 * CPU time a process has used so far, user + system, in seconds, from /proc (Linux reports it in
 * USER_HZ ticks, 100 per second on every Linux ABI). Null when the process is gone.
 */
export async function cpuSecondsOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: the fields after it are counted from its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / 100 : null;
}

/** Every CPU of the machine together, from /proc/stat: seconds busy and seconds in all (busy + idle + iowait). */
export async function machineCpuSeconds(): Promise<{ busy: number; total: number } | null> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => null);
  const line = stat?.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice)
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const busy = user! + nice! + system! + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy: busy / 100, total: (busy + idle! + (iowait ?? 0)) / 100 };
}

/**
 * The commands FerretDB has answered so far, by name (`insert`, `find`, …), from its Prometheus
 * counter `ferretdb_client_requests_total`. Null when the metrics cannot be read.
 */
export async function ferretCommands(debugUrl: string): Promise<Record<string, number> | null> {
  try {
    const res = await fetch(`${debugUrl}/debug/metrics`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    return parseCommandCounts(await res.text());
  } catch {
    return null;
  }
}

export function parseCommandCounts(metrics: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of metrics.matchAll(/^ferretdb_client_requests_total\{([^}]*)\}\s+([0-9.e+]+)\s*$/gm)) {
    const command = /command="([^"]*)"/.exec(m[1]!)?.[1];
    if (command) counts[command] = (counts[command] ?? 0) + Number(m[2]);
  }
  return counts;
}

export interface RoleProcess {
  role: string;
  pid: number;
  url: string | null;
  probeFile: string;
  logFile: string;
  stop(): Promise<void>;
}

/** One role of the app (`node dist/src/main.js`) as its own process, with the event-loop probe preloaded. */
export async function startRole(opts: {
  role: 'api' | 'worker';
  dir: string;
  env: Record<string, string>;
  cpuProf: boolean;
  fromSource: boolean;
  tag: string;
}): Promise<RoleProcess> {
  const logFile = path.join(opts.dir, `${opts.tag}-${opts.role}.log`);
  const probeFile = path.join(opts.dir, `${opts.tag}-${opts.role}.probe.jsonl`);
  const port = opts.role === 'api' ? await freePort() : 0;
  // A fresh log each start: readiness is read from it, and a restarted role must not find the last one's "ready".
  const log = await open(logFile, 'w');
  const args = [
    ...(opts.cpuProf
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${path.join(PROJECT_ROOT, '.bench-profiles')}`,
          `--cpu-prof-name=${opts.tag}-${opts.role}.cpuprofile`,
        ]
      : []),
    ...nodeArgs('src/main', opts.fromSource, { probe: true }),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...opts.env, ROLE: opts.role, PORT: String(port), HOST: '127.0.0.1', BENCH_PROBE_FILE: probeFile },
    stdio: ['ignore', log.fd, log.fd],
  });
  running.add(child);
  child.once('exit', () => void log.close().catch(() => undefined));
  const stop = async () => {
    await stopChild(child);
  };
  const deadline = Date.now() + 60_000;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    if (child.exitCode !== null) throw new Error(`${opts.role} exited with code ${child.exitCode}: see ${logFile}`);
    const text = await readFile(logFile, 'utf8').catch(() => '');
    if (/"msg":"ready"/.test(text)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.role} was not ready within 60 s: see ${logFile}`);
    }
    await delay(wait);
  }
  return { role: opts.role, pid: child.pid!, url: port ? `http://127.0.0.1:${port}` : null, probeFile, logFile, stop };
}
