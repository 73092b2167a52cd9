import { defineScript, type RedisClient } from './connection';

/** A key that may be set once within its lifetime (a signed request's replay guard). */
export interface OnceClaim {
  key: string;
  ttlSeconds: number;
}

// Notes a complaint id as pending; with a claim key, only if that key is not claimed yet (one round trip).
const NOTE_PENDING = `
if #KEYS > 1 and not redis.call('SET', KEYS[2], '1', 'EX', ARGV[3], 'NX') then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/**
 * Complaints stored (or about to be) and not yet processed, by when they arrived: a Redis sorted set
 * that lets the sweeper find what slipped through (a process died between the write and the
 * enqueue) without reading the whole complaints collection, which FerretDB v1 can only scan.
 *
 * Redis can lose this set with everything else. A marker key says whether the set is to be trusted:
 * when it is missing (first start, Redis restarted empty) the sweeper scans the store once and sets it.
 */
export function createPendingComplaints(redis: RedisClient, prefix: string) {
  const key = `${prefix}:complaints-pending`;
  const marker = `${prefix}:complaints-pending:since`;
  const notePending = defineScript(redis, 'notePendingComplaint', NOTE_PENDING);
  return {
    /**
     * Before the write: the id the complaint will be stored under. With a claim, the note is made only
     * if the claim is new; false means it was claimed before and nothing was noted.
     */
    add: async (complaintId: string, claim?: OnceClaim, at = Date.now()): Promise<boolean> => {
      const keys = claim ? [key, claim.key] : [key];
      return (await notePending(keys, [at, complaintId, claim?.ttlSeconds ?? 0])) === 1;
    },
    remove: async (complaintId: string) => {
      await redis.zrem(key, complaintId);
    },
    /** Ids added before `cutoff`, oldest first. */
    olderThan: (cutoff: Date, limit: number): Promise<string[]> => redis.zrangebyscore(key, '-inf', cutoff.getTime(), 'LIMIT', 0, limit),
    /** True when the set has been kept since the last store scan; false (and now marked) when the store must be scanned. */
    trusted: async (): Promise<boolean> => (await redis.set(marker, String(Date.now()), 'NX')) === null,
    /** After a failed store scan: the next sweep scans again. */
    distrust: async () => {
      await redis.del(marker);
    },
  };
}

export type PendingComplaints = ReturnType<typeof createPendingComplaints>;
