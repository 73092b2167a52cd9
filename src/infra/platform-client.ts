import type { RedisClient } from '../redis/connection';
import type { PlatformChannelConfig } from '../config';
import type { PlatformChannel } from '../domain/inbound';

/** The platform's customer-service message API and media download, with the access token cached in Redis. */
export interface PlatformClient {
  sendText(contactId: string, text: string): Promise<void>;
  fetchMedia(mediaId: string, maxBytes: number): Promise<{ data: Buffer; mime: string }>;
}

export class PlatformApiError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

// Token errors: invalid, expired or not the latest (another process refreshed it).
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const TIMEOUT_MS = 10_000;

interface ApiAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

export function createPlatformClient(
  channel: PlatformChannel,
  cfg: PlatformChannelConfig,
  redis: RedisClient,
  keyPrefix: string,
  withLock: <T>(resource: string, fn: () => Promise<T>) => Promise<T>,
): PlatformClient | null {
  if (!cfg.secret || !cfg.receiverId) return null;
  const base = cfg.apiBaseUrl.replace(/\/+$/, '');
  const tokenKey = `${keyPrefix}:platform-token:${channel}`;
  const tokenUrl =
    channel === 'wechat_oa'
      ? `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(cfg.receiverId)}&secret=${encodeURIComponent(cfg.secret)}`
      : `${base}/cgi-bin/gettoken?corpid=${encodeURIComponent(cfg.receiverId)}&corpsecret=${encodeURIComponent(cfg.secret)}`;

  const fetchJson = async (url: string, init?: RequestInit): Promise<ApiAnswer> => {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new PlatformApiError(-1, `the ${channel} API answered HTTP ${res.status}`);
    return (await res.json()) as ApiAnswer;
  };

  // One process refreshes at a time: on the Official Account a new token invalidates the old one.
  const token = async (stale?: string): Promise<string> => {
    const cached = await redis.get(tokenKey);
    if (cached && cached !== stale) return cached;
    return withLock(`platform-token:${channel}`, async () => {
      const again = await redis.get(tokenKey);
      if (again && again !== stale) return again;
      const a = await fetchJson(tokenUrl);
      if (!a.access_token) throw new PlatformApiError(a.errcode ?? -1, `the ${channel} token request failed (${a.errcode ?? '?'})`);
      await redis.set(tokenKey, a.access_token, 'EX', Math.max(60, (a.expires_in ?? 7200) - 300));
      return a.access_token;
    });
  };

  const withToken = async <T>(call: (t: string) => Promise<T>): Promise<T> => {
    const t = await token();
    try {
      return await call(t);
    } catch (err) {
      if (!(err instanceof PlatformApiError) || !TOKEN_ERRORS.has(err.errcode)) throw err;
      return call(await token(t));
    }
  };

  return {
    sendText: (contactId, text) =>
      withToken(async (t) => {
        const path = channel === 'wechat_oa' ? '/cgi-bin/message/custom/send' : '/cgi-bin/message/send';
        const body =
          channel === 'wechat_oa'
            ? { touser: contactId, msgtype: 'text', text: { content: text } }
            : { touser: contactId, msgtype: 'text', agentid: cfg.agentId, text: { content: text } };
        const a = await fetchJson(`${base}${path}?access_token=${encodeURIComponent(t)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (a.errcode) throw new PlatformApiError(a.errcode, `the ${channel} message API refused the message (${a.errcode})`);
      }),
    fetchMedia: (mediaId, maxBytes) =>
      withToken(async (t) => {
        const url = `${base}/cgi-bin/media/get?access_token=${encodeURIComponent(t)}&media_id=${encodeURIComponent(mediaId)}`;
        const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        if (!res.ok) throw new PlatformApiError(-1, `the ${channel} media API answered HTTP ${res.status}`);
        const mime = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (mime === 'application/json' || mime === 'text/plain') {
          const a = (await res.json()) as ApiAnswer;
          throw new PlatformApiError(a.errcode ?? -1, `the ${channel} media API refused (${a.errcode ?? '?'})`);
        }
        if (Number(res.headers.get('content-length') ?? 0) > maxBytes) throw new PlatformApiError(-2, 'the file is too large');
        const data = Buffer.from(await res.arrayBuffer());
        if (data.length > maxBytes) throw new PlatformApiError(-2, 'the file is too large');
        return { data, mime };
      }),
  };
}
