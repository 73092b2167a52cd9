import type { RedisClient } from './connection';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = 'ok' | 'warn' | 'drop';

/**
 * Per-contact message budget in Redis (shared by every bot process): within it, 'ok'; the first
 * message over it, 'warn' (the bot says so once); after that, 'drop' until the window passes.
 */
/**
 * Per-contact evidence budget in bytes over a day: true while the file fits, false once it would not
 * (nothing is counted for a refused file).
 */
export function createEvidenceBudget(redis: RedisClient, prefix: string, bytesPerDay: number) {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:rl:evidence`, points: bytesPerDay, duration: 86_400 });
  return async (contactId: string, bytes: number): Promise<boolean> => {
    try {
      await limiter.consume(contactId, bytes);
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await limiter.reward(contactId, bytes);
      return false;
    }
  };
}

export function createContactRateLimit(redis: RedisClient, prefix: string, points: number, windowSeconds: number) {
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:rl:contact`, points, duration: windowSeconds });
  return async (contactId: string): Promise<RateDecision> => {
    try {
      await limiter.consume(contactId);
      return 'ok';
    } catch (err) {
      if (err instanceof RateLimiterRes) return err.consumedPoints === points + 1 ? 'warn' : 'drop';
      throw err;
    }
  };
}
