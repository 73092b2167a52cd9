import type { RedisClient } from './connection';

/** A counter every process reads before trusting its copy of the FAQ; an admin's change moves it on. */
export function createFaqVersion(redis: RedisClient, prefix: string) {
  const key = `${prefix}:faq:version`;
  return {
    read: async (): Promise<string | null> => redis.get(key),
    bump: async (): Promise<void> => {
      await redis.incr(key);
    },
  };
}
