import { ExecutionError, Redlock, ResourceLockedError } from '@sesamecare-oss/redlock';
import { AppError } from '../domain/app-error';
import { bypassAutoPipelining, type RedisClient } from './connection';

/**
 * Runs `fn` holding the lock of `resource`. Several resources (an array) are taken together or not at
 * all: first in this process, in the order the callers asked, then in Redis in one atomic step.
 */
export type WithLock = <T>(resource: string | readonly string[], fn: () => Promise<T>) => Promise<T>;

/**
 * Waiting in line per key inside one process, for locks over several keys: a caller queues on all its
 * keys at once (in one synchronous step, so two callers can never wait for each other) and runs when
 * every earlier caller on any of them is done. Callers of one process then never poll Redis for each
 * other's locks (Redlock retries every 50 ms); Redis still guards against other processes.
 */
function createLocalQueues() {
  const tails = new Map<string, Promise<void>>();
  return async (keys: readonly string[]): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const earlier: Promise<void>[] = [];
    for (const k of keys) {
      const prev = tails.get(k);
      if (prev) earlier.push(prev);
      tails.set(k, mine);
    }
    void mine.then(() => {
      for (const k of keys) if (tails.get(k) === mine) tails.delete(k);
    });
    await Promise.all(earlier);
    return release;
  };
}

/** The Lua commands Redlock defines on the client (`defineCommand`) the first time it takes a lock. */
export const REDLOCK_COMMANDS = ['acquireLock', 'extendLock', 'releaseLock'];

/**
 * Mutual exclusion per resource, in Redis. Case changes are read-check-write; FerretDB v1 does not
 * make findAndModify atomic against a concurrent writer, so the precondition alone cannot stop two
 * staff from moving one case at once. Waits up to ~2 s for the Redis lock, then answers 503.
 */
export function createLocker(redis: RedisClient, prefix: string, ttlMs = 10_000): WithLock {
  bypassAutoPipelining(redis, REDLOCK_COMMANDS);
  const redlock = new Redlock([redis], { retryCount: 40, retryDelay: 50, retryJitter: 25 });
  redlock.on('error', () => undefined); // failures surface as the using() rejection below
  const local = createLocalQueues();
  const inRedis = async <T>(resources: string[], fn: () => Promise<T>): Promise<T> => {
    try {
      return await redlock.using(
        resources.map((r) => `${prefix}:lock:${r}`),
        ttlMs,
        () => fn(),
      );
    } catch (err) {
      if (err instanceof ExecutionError || err instanceof ResourceLockedError) {
        throw new AppError('busy', '该案件正在被他人修改或服务繁忙，请稍后重试 (the case is busy, retry)', { status: 503, cause: err });
      }
      throw err;
    }
  };
  return async (resource, fn) => {
    if (typeof resource === 'string') return inRedis([resource], fn);
    // Only multi-key locks queue locally: they are never taken inside one another, so a caller
    // waiting here never holds a lock another waiter needs.
    const keys = [...new Set(resource)].sort();
    const release = await local(keys);
    try {
      return await inRedis(keys, fn);
    } finally {
      release();
    }
  };
}
