import type { RedisClient } from './connection';
import { caseBuckets, signalBuckets, textBuckets, type CaseIndex, type CaseIndexEntry } from '../domain/case-buckets';
import { NO_SIGNALS } from '../domain/case-signals';

export type { CaseIndex, CaseIndexEntry };

/**
 * The de-duplication candidates of open cases, in Redis: a sorted set per bucket (the character and
 * syllable pairs of the names, a boss's surname in a township, a phone, a village; see signalBuckets)
 * holding case ids scored by when the case was opened, and each case's matching entry under a key of its
 * own. No bucket grows with the county's caseload the way a whole township's cases would. FerretDB v1
 * looks documents up without a scan only by `_id`, so finding candidates in the leads collection read
 * every lead for every complaint. The store stays the truth: a missing index (a fresh Redis) is rebuilt
 * from it, and a case found closed when a complaint would join it is dropped from the index then.
 */
export function createCaseIndex(
  redis: RedisClient,
  prefix: string,
  windowDays: number,
  rebuildFrom: (since: Date) => Promise<CaseIndexEntry[]>,
): CaseIndex {
  // v3: case ids per bucket, entries apart, so that a case's signals can grow as complaints join it.
  const key = (bucket: string) => `${prefix}:case-index:v3:${bucket}`;
  const entryKey = (id: string) => `${prefix}:case-index:v3:case:${id}`;
  const ready = key('ready');
  const ttlS = (windowDays + 1) * 86_400;
  let rebuilding: Promise<void> | null = null;

  const write = async (entries: CaseIndexEntry[]) => {
    const since = Date.now() - windowDays * 86_400_000;
    const multi = redis.multi();
    for (const e of entries) {
      multi.set(entryKey(e.id), JSON.stringify(e), 'EX', ttlS);
      for (const b of signalBuckets(e.signals)) {
        multi.zadd(key(b), e.createdAt, e.id);
        multi.zremrangebyscore(key(b), '-inf', `(${since}`);
        multi.expire(key(b), ttlS);
      }
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
      const buckets = [...new Set([...(q.signals ? signalBuckets(q.signals) : caseBuckets(q)), ...(q.text ? textBuckets(q.text) : [])])];
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
      const ids = new Set<string>();
      for (const [err, members] of res!.slice(1)) {
        if (err) throw err;
        for (const id of members as string[]) ids.add(id);
      }
      if (!ids.size) return [];
      const raw = await redis.mget(...[...ids].map(entryKey));
      return (
        raw
          .filter((r): r is string => r !== null)
          .map((r) => JSON.parse(r) as CaseIndexEntry)
          // An entry without a field of CaseSignals reads as having none of it.
          .map((e) => ({ ...e, signals: { ...NO_SIGNALS, ...e.signals } }))
          .sort((a, b) => b.createdAt - a.createdAt)
          .slice(0, limit)
      );
    },
    add: (e) => write([e]),
    async remove(e) {
      const multi = redis.multi();
      for (const b of signalBuckets(e.signals)) multi.zrem(key(b), e.id);
      multi.del(entryKey(e.id));
      await multi.exec();
    },
  };
}
