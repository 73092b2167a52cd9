import { createHash } from 'node:crypto';
import type { RedisClient } from './connection';

/**
 * Which chat contacts of one channel were given the privacy notice. Keyed by a hash of the contact id
 * (Redis keeps no WeChat id of its own), expiring with what we keep of a contact who never had a case.
 */
export function createPrivacyNoticeMarks(redis: RedisClient, prefix: string, ttlSeconds: number) {
  const key = (contactId: string) => `${prefix}:privacy-notice:${createHash('sha256').update(contactId).digest('hex').slice(0, 32)}`;
  return {
    async has(contactId: string): Promise<boolean> {
      return (await redis.exists(key(contactId))) === 1;
    },
    async set(contactId: string): Promise<void> {
      await redis.set(key(contactId), '1', 'EX', ttlSeconds);
    },
    async clear(contactId: string): Promise<void> {
      await redis.del(key(contactId));
    },
  };
}

export type PrivacyNoticeMarks = ReturnType<typeof createPrivacyNoticeMarks>;
