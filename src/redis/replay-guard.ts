import { createHash } from 'node:crypto';
import type { RedisClient } from './connection';
import type { OnceClaim } from './pending-complaints';

export interface ReplayGuard {
  /** The claim of a signature: set once within its lifetime (see PendingComplaints.add). */
  claimFor(signature: string): OnceClaim;
  /** Forgets a claim whose request was not accepted (e.g. 503), so the sender's retry is not a "replay". */
  release(signature: string): Promise<void>;
}

/**
 * Remembers each signature of the hotline feed for as long as its timestamp is acceptable (±skew, so
 * twice the skew): a captured request sent again byte for byte is refused. Shared by every API process.
 */
export function createReplayGuard(redis: RedisClient, prefix: string, ttlSeconds: number): ReplayGuard {
  const key = (signature: string) => `${prefix}:hotline:seen:${signature.toLowerCase()}`;
  return {
    claimFor: (signature) => ({ key: key(signature), ttlSeconds }),
    release: async (signature) => {
      await redis.del(key(signature));
    },
  };
}

/**
 * The platform callbacks' signatures, remembered as long as their timestamp is acceptable. In plain
 * mode the signature does not cover the body, so a captured query string could carry any body: a
 * signature seen before is accepted again only with the very same body (the platform's own retry).
 */
export function createCallbackReplayGuard(redis: RedisClient, prefix: string, ttlSeconds: number) {
  return async (channel: string, signature: string, body: string): Promise<boolean> => {
    const key = `${prefix}:${channel}:seen:${signature.toLowerCase()}`;
    const digest = createHash('sha256').update(body).digest('hex');
    if ((await redis.set(key, digest, 'EX', ttlSeconds, 'NX')) === 'OK') return true;
    return (await redis.get(key)) === digest;
  };
}
