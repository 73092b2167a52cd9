import type { RedisClient } from './connection';

/** INCR only if the counter exists: a missing one is seeded from the store first. */
const INCR_IF_EXISTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local v = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return v`;

/**
 * The day's case-number sequence (WA20261128-0001, -0002, …) as a Redis counter: atomic, without a
 * lock and without a database write per case (FerretDB v1's findAndModify is neither atomic nor
 * cheap). The store stays the truth: a counter Redis does not have is seeded from the highest number
 * stored, and the unique index on case numbers refuses a number handed out twice (see createCase).
 */
export function createCaseSequence(redis: RedisClient, prefix: string, lastStored: (counterId: string) => Promise<number>) {
  const key = (counterId: string) => `${prefix}:case-seq:${counterId}`;
  const ttlS = 3 * 86_400; // a day's counter is needed for that day only
  return async function nextCaseSequence(counterId: string): Promise<number> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const v = (await redis.eval(INCR_IF_EXISTS, 1, key(counterId), ttlS)) as number | null;
      if (typeof v === 'number') return v;
      await redis.set(key(counterId), await lastStored(counterId), 'EX', ttlS, 'NX');
    }
    throw new Error(`case sequence ${counterId} could not be seeded`);
  };
}
