import IORedis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';
import { createLocker, REDLOCK_COMMANDS } from '../../src/redis/lock';
import { uniqueName } from '../support/test-app';

/** Locks over several keys (the case-match locks): real Redis, a prefix of this test's own. */
describe('locks over several keys', () => {
  const redis = new IORedis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
  const prefix = uniqueName('watest-locks');
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** Runs each holder for `ms` and records which ran at the same time as which. */
  async function run(withLock: ReturnType<typeof createLocker>, sets: string[][], ms = 40) {
    const active = new Set<number>();
    const overlaps: [number, number][] = [];
    await Promise.all(
      sets.map((keys, i) =>
        withLock(keys, async () => {
          for (const j of active) overlaps.push([j, i]);
          active.add(i);
          await delay(ms);
          active.delete(i);
        }),
      ),
    );
    return overlaps;
  }

  it('when two callers share any key, then they never hold their locks at once; callers with no key in common run side by side', async () => {
    const withLock = createLocker(redis, prefix);
    const sets = [['g:宏远', 'g:远达'], ['g:宏远'], ['g:远达', 'g:达隆'], ['g:鑫泰'], ['g:鑫泰', 's:漳江街道:周']];
    const overlaps = await run(withLock, sets);
    const share = (a: number, b: number) => sets[a]!.some((k) => sets[b]!.includes(k));
    expect(overlaps.filter(([a, b]) => share(a, b))).toEqual([]);
    // 0 and 3 share nothing and were both free at the start.
    expect(overlaps.some(([a, b]) => (a === 0 && b === 3) || (a === 3 && b === 0))).toBe(true);
  });

  it('when two processes (two lockers) want overlapping keys, then Redis keeps them apart', async () => {
    const a = createLocker(redis, prefix);
    const b = createLocker(redis, prefix);
    const order: string[] = [];
    await Promise.all([
      a(['g:恒通', 'g:通源'], async () => {
        order.push('a in');
        await delay(150);
        order.push('a out');
      }),
      delay(20).then(() =>
        b(['g:通源'], async () => {
          order.push('b in');
        }),
      ),
    ]);
    expect(order).toEqual(['a in', 'a out', 'b in']);
  });

  it('when the holder fails, then the keys are free again for the next caller', async () => {
    const withLock = createLocker(redis, prefix);
    await expect(withLock(['g:瑞丰'], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withLock(['g:瑞丰', 'g:丰鞋'], async () => 'next')).resolves.toBe('next');
  });

  it('when the first lock is taken in the same tick as other commands on an auto-pipelined connection, then it is granted and nothing is thrown', async () => {
    // The app's connection pipelines commands automatically, and Redlock defines its Lua commands on
    // the client at its first lock: a pipeline opened earlier in that tick lacks them, and ioredis then
    // leaves its reply list one short and throws an uncaught TypeError (redis/ioredis#1931).
    const piped = new IORedis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null, enableAutoPipelining: true });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      await piped.ping();
      const withLock = createLocker(piped, prefix);
      const before = piped.get(`${prefix}:before`); // opens this tick's pipeline
      const locked = withLock('first-lock', async () => 'held');
      const after = piped.get(`${prefix}:after`);
      await expect(Promise.all([before, locked, after])).resolves.toEqual([null, 'held', null]);
      await delay(100);
      expect(uncaught).toEqual([]);
      // The names the bypass lists are the ones Redlock defined (an upgrade that renames them fails here).
      for (const c of REDLOCK_COMMANDS) expect(typeof (piped as unknown as Record<string, unknown>)[c]).toBe('function');
    } finally {
      process.off('uncaughtException', onUncaught);
      await piped.quit();
    }
  });
});
