import IORedis, { Cluster, type ClusterOptions, type Redis, type RedisOptions } from 'ioredis';

/** A connection to one Redis (or the master Sentinels name) or to a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/**
 * Where Redis is. A URL alone names one server. With Sentinels, they are asked where the master named
 * `sentinelName` is now (and again after a failover); with cluster nodes, any of them is asked for the
 * cluster's map of slots. Behind either, the URL gives only the credentials, TLS (`rediss://`) and db.
 */
export interface RedisTarget {
  url: string;
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  sentinelPassword?: string;
  cluster?: { host: string; port: number }[];
}

/** The URL's credentials and TLS, which a cluster's nodes are reached with. */
function credentials(url: string): RedisOptions {
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A Redis client's options as a Cluster takes them: what concerns the whole client (the offline queue,
 * the ready check, auto-pipelining, reconnecting) at the top, what concerns each node's connection in
 * `redisOptions`.
 */
function clusterOptions(options: RedisOptions): ClusterOptions {
  const {
    enableOfflineQueue,
    enableReadyCheck,
    enableAutoPipelining,
    autoPipeliningIgnoredCommands,
    lazyConnect,
    retryStrategy,
    ...perNode
  } = options;
  return {
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(enableReadyCheck !== undefined ? { enableReadyCheck } : {}),
    ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
    ...(autoPipeliningIgnoredCommands ? { autoPipeliningIgnoredCommands } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(retryStrategy ? { clusterRetryStrategy: retryStrategy } : {}),
    redisOptions: perNode,
  };
}

/** The one place connections are made: to one server, through Sentinels, or to a cluster. */
function connect(target: string | RedisTarget, options: RedisOptions): RedisClient {
  const t = typeof target === 'string' ? { url: target } : target;
  if (t.cluster?.length) {
    const o = clusterOptions(options);
    return new Cluster(t.cluster, { ...o, redisOptions: { ...credentials(t.url), ...o.redisOptions } });
  }
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
export function createWorkerConnection(target: string | RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}

export function createProducerConnection(target: string | RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

/** Another connection to the same Redis with some options changed (a Cluster takes them apart from its nodes). */
export function duplicateConnection(conn: RedisClient, options: RedisOptions): RedisClient {
  if (!(conn instanceof Cluster)) return conn.duplicate(options);
  return conn.duplicate([], clusterOptions(options)); // its node options are merged into the cluster's
}

export async function pingRedis(conn: RedisClient, timeoutMs = 1000): Promise<boolean> {
  if (conn.status !== 'ready') return false;
  const ping = conn.ping().then(
    (r) => r === 'PONG',
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([ping, timeout]);
}

/** Resolves when the connection is ready or has failed once: start-up never hangs on an absent Redis. */
export function firstConnectAttempt(conn: RedisClient, timeoutMs = 5000): Promise<boolean> {
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
export function bypassAutoPipelining(redis: RedisClient, commands: readonly string[]): void {
  if (!redis.options.enableAutoPipelining) return;
  const ignored = redis.options.autoPipeliningIgnoredCommands ?? [];
  redis.options.autoPipeliningIgnoredCommands = [...ignored, ...commands.filter((c) => !ignored.includes(c))];
}

/** A Lua script as a command of the client, called with its keys then its arguments. */
export function defineScript(
  redis: RedisClient,
  name: string,
  lua: string,
): (keys: string[], args: (string | number)[]) => Promise<unknown> {
  if (!(name in redis)) {
    bypassAutoPipelining(redis, [name]);
    redis.defineCommand(name, { lua });
  }
  const client = redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>;
  return (keys, args) => client[name]!(keys.length, ...keys, ...args);
}
