import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottle {
  /** Seconds until this username may be tried again from this client, or 0. */
  blockedFor(username: string, client: string): Promise<number>;
  failed(username: string, client: string): Promise<void>;
  succeeded(username: string, client: string): Promise<void>;
}

/**
 * Failed sign-ins in Redis (shared by every API process): `maxFailures` per username and client within
 * the window, and ten times that per client over all usernames (password spraying). A success clears the
 * username's count.
 */
export function createLoginThrottle(redis: Redis, prefix: string, maxFailures: number, windowSeconds: number): LoginThrottle {
  const perUser = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:login`,
    points: maxFailures,
    duration: windowSeconds,
  });
  const perClient = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:rl:login-client`,
    points: maxFailures * 10,
    duration: windowSeconds,
  });
  const userKey = (username: string, client: string) => `${client}|${username.toLowerCase()}`;
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
  const consume = (limiter: RateLimiterRedis, key: string) =>
    limiter.consume(key).then(
      () => undefined,
      (err: unknown) => {
        if (!(err instanceof RateLimiterRes)) throw err;
      },
    );
  return {
    async blockedFor(username, client) {
      const [u, c] = await Promise.all([perUser.get(userKey(username, client)), perClient.get(client)]);
      return Math.max(wait(u, maxFailures), wait(c, maxFailures * 10));
    },
    async failed(username, client) {
      await Promise.all([consume(perUser, userKey(username, client)), consume(perClient, client)]);
    },
    async succeeded(username, client) {
      await perUser.delete(userKey(username, client));
    },
  };
}
