import type { Redis } from 'ioredis';

/**
 * Complaints stored (or about to be) and not yet processed, by when they arrived: a Redis sorted set
 * that lets the sweeper find what slipped through (a process died between the write and the
 * enqueue) without reading the whole complaints collection every few seconds. FerretDB v1 filters
 * anything but `_id` by reading every document, and such a scan held up intake writes for up to a
 * second in the benchmark.
 *
 * Redis can lose this set with everything else. A marker key says whether the set is to be trusted:
 * when it is missing (first start, Redis restarted empty) the sweeper scans the store once and sets it.
 */
export function createPendingComplaints(redis: Redis, prefix: string) {
  const key = `${prefix}:complaints-pending`;
  const marker = `${prefix}:complaints-pending:since`;
  return {
    /** Before the write: the id the complaint will be stored under. */
    add: async (complaintId: string, at = Date.now()) => {
      await redis.zadd(key, at, complaintId);
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
