import { defineScript, type RedisClient } from './connection';
import { caseBuckets, signalBuckets, textBuckets, type CaseIndex, type CaseIndexEntry } from '../domain/case-buckets';
import { NO_SIGNALS } from '../domain/case-signals';

export type { CaseIndex, CaseIndexEntry };

/**
 * Every bucket's newest case ids, each id once, and their entries, in one step: a complaint's text alone
 * can name hundreds of buckets. The first ARGV[5] buckets (the complaint's own signals) give up to
 * ARGV[2] ids each, the text's pairs after them up to ARGV[4]. False when the index has not been built
 * (KEYS[1], its ready mark). The entries' keys share the buckets' hash tag, so on a Redis Cluster they
 * are in the same slot.
 */
const CANDIDATES = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seen, keys = {}, {}
local named = tonumber(ARGV[5])
for i = 2, #KEYS do
  local limit = i - 1 <= named and ARGV[2] or ARGV[4]
  for _, id in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', ARGV[1], 'LIMIT', 0, limit)) do
    if not seen[id] then
      seen[id] = true
      keys[#keys + 1] = ARGV[3] .. id
    end
  end
end
local out = {}
for i = 1, #keys, 500 do
  for _, e in ipairs(redis.call('MGET', unpack(keys, i, math.min(i + 499, #keys)))) do
    if e then out[#out + 1] = e end
  end
end
return out`;

/**
 * A pair of the text's characters held by more open cases than this is common (工程, a township's
 * name in many company names): its newest cases only are read. A name written unmarked in the text is
 * found by its rarer pairs; without the bound every complaint would read a good part of the index.
 */
const TEXT_PAIR_CASES = 64;

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
  const candidatesOf = defineScript(redis, 'waCaseCandidates', CANDIDATES);

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
      const named = [...new Set(q.signals ? signalBuckets(q.signals) : caseBuckets(q))];
      const own = new Set(named);
      const pairs = q.text ? textBuckets(q.text).filter((b) => !own.has(b)) : [];
      if (!named.length && !pairs.length) return [];
      const run = () =>
        candidatesOf(
          [ready, ...named.map(key), ...pairs.map(key)],
          [q.since.getTime(), limit, entryKey(''), TEXT_PAIR_CASES, named.length],
        ) as Promise<string[] | null>;
      let raw = await run();
      if (!raw) {
        rebuilding ??= rebuild().finally(() => (rebuilding = null));
        await rebuilding;
        raw = (await run()) ?? [];
      }
      return (
        raw
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
