import { ExecutionError, Redlock, ResourceLockedError } from '@sesamecare-oss/redlock';
import type { Redis } from 'ioredis';
import { AppError } from '../domain/app-error';

export type WithLock = <T>(resource: string, fn: () => Promise<T>) => Promise<T>;

/**
 * Mutual exclusion per resource, in Redis. Case changes are read-check-write; FerretDB v1 does not
 * make findAndModify atomic against a concurrent writer, so the precondition alone cannot stop two
 * staff from moving one case at once. Waits up to ~2 s for the lock, then answers 503.
 */
export function createLocker(redis: Redis, prefix: string, ttlMs = 10_000): WithLock {
  const redlock = new Redlock([redis], { retryCount: 40, retryDelay: 50, retryJitter: 25 });
  redlock.on('error', () => undefined); // failures surface as the using() rejection below
  return async (resource, fn) => {
    try {
      return await redlock.using([`${prefix}:lock:${resource}`], ttlMs, () => fn());
    } catch (err) {
      if (err instanceof ExecutionError || err instanceof ResourceLockedError) {
        throw new AppError('busy', '该案件正在被他人修改或服务繁忙，请稍后重试 (the case is busy, retry)', { status: 503, cause: err });
      }
      throw err;
    }
  };
}
