import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

/**
 * Failed sign-ins in Redis (shared by every API process): a username from one address gets
 * `perUser` tries per window, an address `perAddress` in all; a success clears the username's count.
 */
export function createLoginRateLimit(redis: Redis, prefix: string, opts = { perUser: 5, perAddress: 50, windowSeconds: 900 }) {
  const byUser = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:login-user`,
    points: opts.perUser,
    duration: opts.windowSeconds,
  });
  const byAddress = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:login-ip`,
    points: opts.perAddress,
    duration: opts.windowSeconds,
  });
  const userKey = (ip: string, username: string) => `${ip}|${username.toLowerCase()}`;
  return {
    /** Seconds to wait before trying again, or 0 when a try is allowed. */
    async blockedFor(ip: string, username: string): Promise<number> {
      const [u, a] = await Promise.all([byUser.get(userKey(ip, username)), byAddress.get(ip)]);
      const over = [u && u.consumedPoints >= opts.perUser ? u : null, a && a.consumedPoints >= opts.perAddress ? a : null].filter(
        (r) => r !== null,
      );
      return over.length ? Math.ceil(Math.max(...over.map((r) => r.msBeforeNext)) / 1000) : 0;
    },
    async failed(ip: string, username: string): Promise<void> {
      await Promise.all([byUser.penalty(userKey(ip, username), 1), byAddress.penalty(ip, 1)]);
    },
    async succeeded(ip: string, username: string): Promise<void> {
      await byUser.delete(userKey(ip, username));
    },
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
