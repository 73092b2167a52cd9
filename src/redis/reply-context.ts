import type { RedisClient } from './connection';

/** What a chat contact's next message may be answering: the payment question, the satisfaction question, or a notice. */
export interface ReplyContext {
  leadId: string;
  kind: 'payment' | 'satisfaction' | 'notice';
  at: string;
}

const NOTICE_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, cur = pcall(cjson.decode, raw)
  if ok and cur.leadId == ARGV[2] and cur.kind ~= 'notice' then
    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[3]))
return 1
`;

/**
 * Per chat contact, the case their last message from us was about, so that their answer is attached to
 * that case instead of opening a new complaint. Kept for `ttlSeconds` after we wrote.
 */
export function createReplyContext(redis: RedisClient, prefix: string, ttlSeconds: number) {
  const key = (channel: string, contactId: string) => `${prefix}:reply-to:${channel}:${contactId}`;
  return {
    /**
     * A notice was written about a case: the contact's next message may answer it — unless a question
     * about the same case is still open (a status notice after "工资收到了吗" must not turn the answer
     * into a plain reply). One atomic step.
     */
    async notice(channel: string, contactId: string, leadId: string): Promise<void> {
      await redis.eval(
        NOTICE_SCRIPT,
        1,
        key(channel, contactId),
        JSON.stringify({ leadId, kind: 'notice', at: new Date().toISOString() }),
        leadId,
        String(ttlSeconds),
      );
    },
    async get(channel: string, contactId: string): Promise<ReplyContext | null> {
      const raw = await redis.get(key(channel, contactId));
      return raw ? (JSON.parse(raw) as ReplyContext) : null;
    },
    async set(channel: string, contactId: string, c: Omit<ReplyContext, 'at'>): Promise<void> {
      await redis.set(key(channel, contactId), JSON.stringify({ ...c, at: new Date().toISOString() }), 'EX', ttlSeconds);
    },
    async clear(channel: string, contactId: string): Promise<void> {
      await redis.del(key(channel, contactId));
    },
  };
}

export type ReplyContextStore = ReturnType<typeof createReplyContext>;
