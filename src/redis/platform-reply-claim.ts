import { randomUUID } from 'node:crypto';
import type { RedisClient } from './connection';

/**
 * Who gives a platform message's replies: the first claim wins. A callback may answer passively; once
 * the API has the claim, every retry of the sending job may go on (shared by every process).
 */
export function createPlatformReplyClaim(redis: RedisClient, prefix: string) {
  return async function claimReply(inboundId: string, how: 'passive' | 'api'): Promise<boolean> {
    const key = `${prefix}:platform-reply:${inboundId}`;
    if ((await redis.set(key, `${how}:${randomUUID()}`, 'EX', 86_400, 'NX')) === 'OK') return true;
    return how === 'api' && (await redis.get(key))?.startsWith('api:') === true;
  };
}
