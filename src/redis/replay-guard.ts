import type { Redis } from 'ioredis';
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
export function createReplayGuard(redis: Redis, prefix: string, ttlSeconds: number): ReplayGuard {
  const key = (signature: string) => `${prefix}:hotline:seen:${signature.toLowerCase()}`;
  return {
    claimFor: (signature) => ({ key: key(signature), ttlSeconds }),
    release: async (signature) => {
      await redis.del(key(signature));
    },
  };
}
