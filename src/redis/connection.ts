import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is. A URL alone names one server. With Sentinels, they are asked where the master named
 * `sentinelName` is now (and again after a failover); the URL then gives only the password and db.
 */
export interface RedisTarget {
  url: string;
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  sentinelPassword?: string;
}

function connect(target: string | RedisTarget, options: RedisOptions): Redis {
  const t = typeof target === 'string' ? { url: target } : target;
  if (!t.sentinels?.length) return new IORedis(t.url, options);
  return new IORedis(t.url, {
    ...options,
    sentinels: t.sentinels,
    name: t.sentinelName ?? 'mymaster',
    ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
  });
}

/**
 * Connections as BullMQ's production guide sets them: workers retry forever while Redis is away
 * (maxRetriesPerRequest null); producers fail fast (no offline queue) so intake can answer 503 at once.
 */
export function createWorkerConnection(target: string | RedisTarget, extra: RedisOptions = {}): Redis {
  return connect(target, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}

export function createProducerConnection(target: string | RedisTarget, extra: RedisOptions = {}): Redis {
  return connect(target, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

export async function pingRedis(conn: Redis, timeoutMs = 1000): Promise<boolean> {
  if (conn.status !== 'ready') return false;
  const ping = conn.ping().then(
    (r) => r === 'PONG',
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([ping, timeout]);
}

/** Resolves when the connection is ready or has failed once: start-up never hangs on an absent Redis. */
export function firstConnectAttempt(conn: Redis, timeoutMs = 5000): Promise<boolean> {
  if (conn.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      conn.off('ready', onReady);
      conn.off('error', onError);
      resolve(ok);
    };
    const onReady = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    conn.once('ready', onReady);
    conn.once('error', onError);
  });
}

/**
 * On a client that pipelines commands automatically, these commands are sent on their own. A command
 * defined with `defineCommand` after a pipeline was opened in the same tick is missing from that
 * pipeline, and ioredis then throws an uncaught TypeError (redis/ioredis#1931).
 */
export function bypassAutoPipelining(redis: Redis, commands: readonly string[]): void {
  if (!redis.options.enableAutoPipelining) return;
  const ignored = redis.options.autoPipeliningIgnoredCommands ?? [];
  redis.options.autoPipeliningIgnoredCommands = [...ignored, ...commands.filter((c) => !ignored.includes(c))];
}

/** A Lua script as a command of the client, called with its keys then its arguments. */
export function defineScript(redis: Redis, name: string, lua: string): (keys: string[], args: (string | number)[]) => Promise<unknown> {
  if (!(name in redis)) {
    bypassAutoPipelining(redis, [name]);
    redis.defineCommand(name, { lua });
  }
  const client = redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  return (keys, args) => client[name]!(keys.length, ...keys, ...args);
}
