import type { Redis } from 'ioredis';
import { caseBuckets, type CaseIndex, type CaseIndexEntry } from '../domain/case-buckets';

export type { CaseIndex, CaseIndexEntry };

/** One member string per case, always written the same way so that adding it twice is a no-op. */
const member = (e: CaseIndexEntry) => JSON.stringify([e.id, e.employer, e.employerKey, e.projectKey, e.area, e.sector, e.createdAt]);

function parse(raw: string): CaseIndexEntry {
  const [id, employer, employerKey, projectKey, area, sector, createdAt] = JSON.parse(raw) as [
    string,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    number,
  ];
  return { id, employer, employerKey, projectKey, area, sector, createdAt };
}

/**
 * The de-duplication candidates of open cases, in Redis sorted sets by the character pairs of their
 * name keys, and by township and surname for a boss known by surname (score: when the case was opened).
 * No bucket grows with the county's caseload the way a whole township's cases would. FerretDB v1 looks documents up without a scan only by
 * `_id`, so finding candidates in the leads collection read every lead for every complaint. The store
 * stays the truth: a missing index (a fresh Redis) is rebuilt from it, and a case found closed when
 * a complaint would join it is dropped from the index then.
 */
export function createCaseIndex(
  redis: Redis,
  prefix: string,
  windowDays: number,
  rebuildFrom: (since: Date) => Promise<CaseIndexEntry[]>,
): CaseIndex {
  // v2: buckets by character pairs of the names (v1 also filed every case under its township).
  const key = (bucket: string) => `${prefix}:case-index:v2:${bucket}`;
  const ready = key('ready');
  const ttlS = (windowDays + 1) * 86_400;
  let rebuilding: Promise<void> | null = null;

  const write = async (entries: CaseIndexEntry[]) => {
    const since = Date.now() - windowDays * 86_400_000;
    const multi = redis.multi();
    for (const e of entries)
      for (const b of caseBuckets(e)) {
        multi.zadd(key(b), e.createdAt, member(e));
        multi.zremrangebyscore(key(b), '-inf', `(${since}`);
        multi.expire(key(b), ttlS);
      }
    await multi.exec();
  };

  const rebuild = async () => {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    for (let i = 0, all = await rebuildFrom(since); i < all.length; i += 500) await write(all.slice(i, i + 500));
    await redis.set(ready, '1', 'EX', ttlS);
  };

  return {
    async candidates(q, limit = 500) {
      const buckets = caseBuckets(q);
      if (!buckets.length) return [];
      const run = () => {
        const p = redis.pipeline().exists(ready);
        for (const b of buckets) p.zrevrangebyscore(key(b), '+inf', q.since.getTime(), 'LIMIT', 0, limit);
        return p.exec();
      };
      let res = await run();
      if (!res?.[0]?.[1]) {
        rebuilding ??= rebuild().finally(() => (rebuilding = null));
        await rebuilding;
        res = await run();
      }
      const byId = new Map<string, CaseIndexEntry>();
      for (const [err, members] of res!.slice(1)) {
        if (err) throw err;
        for (const raw of members as string[]) {
          const e = parse(raw);
          byId.set(e.id, e);
        }
      }
      return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
    },
    add: (e) => write([e]),
    async remove(e) {
      const multi = redis.multi();
      for (const b of caseBuckets(e)) multi.zrem(key(b), member(e));
      await multi.exec();
    },
  };
}
