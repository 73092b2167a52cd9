import type { Redis } from 'ioredis';

export interface ReplayGuard {
  /** True the first time a signature is claimed within its lifetime, false for a replay. */
  claim(signature: string): Promise<boolean>;
  /** Forgets a claim whose request was not accepted (e.g. 503), so the sender's retry is not a "replay". */
  release(signature: string): Promise<void>;
}

/**
 * Remembers each signature of the hotline feed for as long as its timestamp is acceptable (±skew, so
 * twice the skew): a captured request sent again byte for byte is refused. Shared by every API process.
 */
export function createReplayGuard(redis: Redis, prefix: string, ttlSeconds: number): ReplayGuard {
  const key = (signature: string) => `${prefix}:hotline:seen:${signature.toLowerCase()}`;
  return {
    claim: async (signature) => (await redis.set(key(signature), '1', 'EX', ttlSeconds, 'NX')) === 'OK',
    release: async (signature) => {
      await redis.del(key(signature));
    },
  };
}
