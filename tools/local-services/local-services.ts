import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_FERRETDB_BIN, installFerretDb } from '../ferretdb/install';
import { PROJECT_ROOT } from '../../src/infra/project-root';

/**
 * Brings up what the configuration points at but nothing serves: FerretDB (MongoDB wire protocol,
 * SQLite backend) and redis-server, on the configured loopback address, so that every command run
 * with the same configuration sees the same data. Production points at real servers and starts nothing.
 */
export interface LocalServicesOptions {
  mongoUri: string;
  redisUrl: string;
  /** Redis is found through Sentinels: nothing to start here. */
  redisBehindSentinels?: boolean;
  /** Redis is a cluster: nothing to start here. */
  redisCluster?: boolean;
  autoStart: boolean;
  dataDir: string;
  ferretdbBin?: string;
  say?: (line: string) => void;
}

/** The options as every command derives them from the validated configuration. */
export function localServicesOptions(
  config: {
    MONGODB_URI: string;
    REDIS_URL: string;
    REDIS_SENTINELS?: string;
    REDIS_CLUSTER_NODES?: string;
    AUTO_START_SERVICES: boolean;
    DATA_DIR: string;
    FERRETDB_BIN?: string;
  },
  say?: (line: string) => void,
): LocalServicesOptions {
  return {
    mongoUri: config.MONGODB_URI,
    redisUrl: config.REDIS_URL,
    redisBehindSentinels: Boolean(config.REDIS_SENTINELS),
    redisCluster: Boolean(config.REDIS_CLUSTER_NODES),
    autoStart: config.AUTO_START_SERVICES,
    dataDir: config.DATA_DIR,
    ferretdbBin: config.FERRETDB_BIN,
    say,
  };
}

export interface LocalServices {
  /** What this process started (and will stop), e.g. ['ferretdb 127.0.0.1:27017']. */
  started: string[];
  stop(): Promise<void>;
}

interface HostPort {
  host: string;
  port: number;
}

export function mongoAddress(uri: string): HostPort {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^:/,]+)(?::(\d+))?\//.exec(uri);
  return { host: m?.[1] ?? '127.0.0.1', port: Number(m?.[2] ?? 27017) };
}

export function redisAddress(url: string): HostPort {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function answers({ host, port }: HostPort, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitUntilAnswers(addr: HostPort, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 25; Date.now() < deadline; wait = Math.min(wait * 2, 500)) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready`);
    if (await answers(addr, 250)) return;
    await delay(wait);
  }
  throw new Error(`${what} did not answer at ${addr.host}:${addr.port} within ${timeoutMs} ms`);
}

async function startProcess(cmd: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess> {
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = await open(logFile, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', log.fd, log.fd], env });
  child.once('exit', () => void log.close().catch(() => undefined));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return child;
}

/** SIGTERM, then SIGKILL after `timeoutMs`; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Go's garbage-collection settings for FerretDB, each unless the environment sets it. FerretDB decodes
 * every document it reads and allocates briskly, so at Go's default it spends much of its CPU collecting:
 * `GOGC=400` lets the heap grow to five times what is live between collections, and `GOMEMLIMIT=1GiB`
 * makes the collector run as often as needed again past that, so a burst cannot take gigabytes.
 */
export const FERRETDB_GO_ENV = { GOGC: '400', GOMEMLIMIT: '1GiB' };

/**
 * FerretDB on `addr`, its SQLite files under `dataDir`. With `debugAddr` it also serves its debug
 * handler there (Prometheus metrics at /debug/metrics, pprof): the benchmark counts commands with it.
 */
export async function startFerretDb(
  addr: HostPort,
  dataDir: string,
  bin?: string,
  say?: (line: string) => void,
  debugAddr?: HostPort,
): Promise<ChildProcess> {
  const exe = await installFerretDb(bin ?? DEFAULT_FERRETDB_BIN, say);
  const dir = path.resolve(PROJECT_ROOT, dataDir);
  const sqliteDir = path.join(dir, 'ferretdb');
  await mkdir(sqliteDir, { recursive: true });
  const child = await startProcess(
    exe,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${sqliteDir}/`,
      `--state-dir=${sqliteDir}`,
      `--listen-addr=${addr.host}:${addr.port}`,
      debugAddr ? `--debug-addr=${debugAddr.host}:${debugAddr.port}` : '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    path.join(dir, 'ferretdb.log'),
    { ...process.env, GOGC: process.env.GOGC || FERRETDB_GO_ENV.GOGC, GOMEMLIMIT: process.env.GOMEMLIMIT || FERRETDB_GO_ENV.GOMEMLIMIT },
  );
  await waitUntilAnswers(addr, child, 'FerretDB');
  return child;
}

export async function startRedis(addr: HostPort, dataDir: string): Promise<ChildProcess> {
  const dir = path.resolve(PROJECT_ROOT, dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const child = await startProcess(
    'redis-server',
    [
      '--bind',
      addr.host,
      '--port',
      String(addr.port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
    ],
    path.join(dir, 'redis.log'),
  );
  await waitUntilAnswers(addr, child, 'redis-server');
  return child;
}

export async function ensureLocalServices(opts: LocalServicesOptions): Promise<LocalServices> {
  const say = opts.say ?? ((line: string) => console.error(line));
  const children: ChildProcess[] = [];
  const started: string[] = [];
  const stop = async () => {
    await Promise.all(children.splice(0).map((c) => stopProcess(c)));
  };
  try {
    const mongo = mongoAddress(opts.mongoUri);
    if (opts.autoStart && LOOPBACK.has(mongo.host) && !(await answers(mongo))) {
      say(`Nothing answers at ${mongo.host}:${mongo.port}: starting FerretDB there (data in ${opts.dataDir}/ferretdb)`);
      children.push(await startFerretDb(mongo, opts.dataDir, opts.ferretdbBin, say));
      started.push(`ferretdb ${mongo.host}:${mongo.port}`);
    }
    const redis = redisAddress(opts.redisUrl);
    if (opts.autoStart && !opts.redisBehindSentinels && !opts.redisCluster && LOOPBACK.has(redis.host) && !(await answers(redis))) {
      say(`Nothing answers at ${redis.host}:${redis.port}: starting redis-server there`);
      children.push(await startRedis(redis, opts.dataDir));
      started.push(`redis-server ${redis.host}:${redis.port}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { started, stop };
}
