import type { RedisClient } from './connection';

/**
 * At most one run per period across every process: the first to claim the period runs; a run that
 * failed gives its claim back so that the next try runs at once.
 */
export function createPeriodicClaim(redis: RedisClient, key: string, periodSeconds: number) {
  return {
    async claim(): Promise<boolean> {
      return (await redis.set(key, new Date().toISOString(), 'EX', periodSeconds, 'NX')) === 'OK';
    },
    async release(): Promise<void> {
      await redis.del(key);
    },
  };
}
