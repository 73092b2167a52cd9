import type { RedisClient } from './connection';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface LoginThrottle {
  /**
   * Counts one attempt before the password is checked, atomically in Redis, so that guesses sent in
   * parallel are limited like guesses sent one by one. 0 when it may go on; else seconds to wait.
   */
  attempt(username: string, client: string): Promise<number>;
  /** A right password: the username's attempts are forgotten and this one is given back to the client. */
  succeeded(username: string, client: string): Promise<void>;
}

/**
 * Sign-in attempts in Redis (shared by every API process): `maxFailures` per username and client within
 * the window, and ten times that per client over all usernames (password spraying). A success clears the
 * username's count.
 */
export function createLoginThrottle(redis: RedisClient, prefix: string, maxFailures: number, windowSeconds: number): LoginThrottle {
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
  /** Seconds to wait when the point could not be consumed, else 0. */
  const consume = (limiter: RateLimiterRedis, key: string, points: number) =>
    limiter.consume(key).then(
      () => 0,
      (err: unknown) => {
        if (!(err instanceof RateLimiterRes)) throw err;
        return wait(err, points) || 1;
      },
    );
  return {
    async attempt(username, client) {
      // An attempt refused for the username does not count against the client: one account guessed at
      // does not lock everyone behind the same address out.
      const user = await consume(perUser, userKey(username, client), maxFailures);
      if (user > 0) return user;
      const all = await consume(perClient, client, maxFailures * 10);
      if (all > 0) await perUser.reward(userKey(username, client), 1);
      return all;
    },
    async succeeded(username, client) {
      await Promise.all([perUser.delete(userKey(username, client)), perClient.reward(client, 1)]);
    },
  };
}
