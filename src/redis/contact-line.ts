import { createHash } from 'node:crypto';
import { defineScript, type RedisClient } from './connection';
import type { RedisKeySpace } from './key-space';
import type { ContactLine } from '../services/outbound/contact-order';

// KEYS: the line (item → place), the items' due times. ARGV: item, due, the keys' time to live.
const ENTER = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  local last = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  redis.call('ZADD', KEYS[1], (tonumber(last[2]) or 0) + 1, ARGV[1])
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
for i = 1, 2 do
  if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
end
return 1`;

// ARGV: item, now, its new due time, the keys' time to live. 1 when no item before it is still due.
const TURN = `
local mine = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not mine then return 1 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
for i = 1, 2 do
  if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
end
local now = tonumber(ARGV[2])
for _, item in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. mine)) do
  if tonumber(redis.call('HGET', KEYS[2], item) or '0') > now then return 0 end
  redis.call('ZREM', KEYS[1], item)
  redis.call('HDEL', KEYS[2], item)
end
return 1`;

/**
 * Each contact's line of messages (see services/outbound/contact-order): a sorted set of items by
 * place and a hash of when each is given up for lost. The contact is kept as a fingerprint in the
 * key's name, as the case index keeps phones and names; with hash tags, the two keys share its slot.
 */
export function createContactLine(redis: RedisClient, keys: RedisKeySpace): ContactLine {
  const enter = defineScript(redis, 'contactLineEnter', ENTER);
  const turn = defineScript(redis, 'contactLineTurn', TURN);
  const lineKeys = (contact: string) => {
    const id = keys.entity(createHash('sha256').update(contact).digest('hex').slice(0, 32));
    return [`${keys.prefix}:contact-line:${id}`, `${keys.prefix}:contact-line:${id}:due`];
  };
  // The keys outlive every item's due time; a contact nobody writes to leaves nothing behind.
  const ttl = (leaseMs: number) => leaseMs + 60_000;
  return {
    async enter(contact, item, leaseMs) {
      await enter(lineKeys(contact), [item, Date.now() + leaseMs, ttl(leaseMs)]);
    },
    async isTurn(contact, item, leaseMs) {
      const now = Date.now();
      return (await turn(lineKeys(contact), [item, now, now + leaseMs, ttl(leaseMs)])) === 1;
    },
    async leave(contact, item) {
      const [line, due] = lineKeys(contact);
      await redis.multi().zrem(line!, item).hdel(due!, item).exec();
    },
  };
}
