import type { RedisClient } from './connection';

export interface WechatLoginState {
  state: string;
  qrcode: string | null;
  at: string | null;
}

/** The bot's login state and QR code, published by the bot process for the admins of any API process. */
export function createWechatLoginState(redis: RedisClient, prefix: string) {
  const key = `${prefix}:wechat:login`;
  return {
    publish: async (s: { state: string; qrcode: string | null }): Promise<void> => {
      await redis.set(key, JSON.stringify({ ...s, at: new Date().toISOString() }), 'EX', 86_400);
    },
    read: async (): Promise<WechatLoginState> => {
      const raw = await redis.get(key);
      return raw ? (JSON.parse(raw) as WechatLoginState) : { state: 'unknown', qrcode: null, at: null };
    },
  };
}
