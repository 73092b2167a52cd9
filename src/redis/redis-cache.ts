import type { RedisClient } from './connection';

export interface KeyValueCache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** A TTL cache in Redis shared by every worker; a cache failure is a miss, never an error. */
export function createRedisCache(conn: RedisClient, prefix: string, ttlSeconds: number): KeyValueCache {
  return {
    async get(key) {
      return conn.get(`${prefix}:${key}`).catch(() => null);
    },
    async set(key, value) {
      if (ttlSeconds <= 0) return;
      await conn.set(`${prefix}:${key}`, value, 'EX', ttlSeconds).catch(() => undefined);
    },
  };
}
