import type { RedisClient } from './connection';
import type { IntakeState } from '../services/intake/intake-state';

/** Each contact's conversation in Redis, expiring after inactivity; any bot process can pick it up. */
export function createIntakeStateStore(redis: RedisClient, prefix: string, ttlSeconds: number) {
  const key = (contactId: string) => `${prefix}:intake:${contactId}`;
  return {
    async get(contactId: string): Promise<IntakeState | null> {
      const raw = await redis.get(key(contactId));
      return raw ? (JSON.parse(raw) as IntakeState) : null;
    },
    async set(contactId: string, s: IntakeState): Promise<void> {
      await redis.set(key(contactId), JSON.stringify(s), 'EX', ttlSeconds);
    },
    async clear(contactId: string): Promise<void> {
      await redis.del(key(contactId));
    },
  };
}
