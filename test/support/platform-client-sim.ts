import { randomBytes } from 'node:crypto';
import { aesKeyFrom, decryptMessage, encryptMessage, signature } from '../../src/http/wechat-platform/platform-crypto';
import { buildXml, parseCallbackXml } from '../../src/http/wechat-platform/platform-xml';

export interface PlatformAccount {
  path: '/wechat/oa' | '/wechat/wecom';
  token: string;
  aesKey: string | null;
  receiverId: string;
}

let msgSeq = BigInt(Date.now()) * 1000n;

/** What the Official Account / WeCom platform does: sign (and encrypt) a user's message and post it to the callback. */
export function platformUser(baseUrl: string, account: PlatformAccount, userId: string) {
  const post = async (
    fields: Record<string, string | number>,
    opts: { timestamp?: number; tamper?: (q: URLSearchParams, body: string) => string } = {},
  ) => {
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = String(randomBytes(4).readUInt32BE(0));
    const inner = buildXml({ ToUserName: account.path === '/wechat/oa' ? 'gh_fake0000001' : account.receiverId, ...fields });
    const q = new URLSearchParams({ timestamp: ts, nonce });
    let body: string;
    if (account.aesKey) {
      const enc = encryptMessage(aesKeyFrom(account.aesKey), inner, account.receiverId);
      body = buildXml({ ToUserName: account.receiverId, Encrypt: enc });
      q.set('msg_signature', signature(account.token, ts, nonce, enc));
      if (account.path === '/wechat/oa') {
        q.set('signature', signature(account.token, ts, nonce));
        q.set('encrypt_type', 'aes');
        q.set('openid', userId);
      }
    } else {
      body = inner;
      q.set('signature', signature(account.token, ts, nonce));
      q.set('openid', userId);
    }
    if (opts.tamper) body = opts.tamper(q, body);
    const started = Date.now();
    const res = await fetch(`${baseUrl}${account.path}?${q.toString()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
    return { res, text: await res.text(), ms: Date.now() - started };
  };
  /** The passive reply's text ('' for "success"), after checking its signature and receiver id. */
  const replyText = (text: string): string => {
    if (text === 'success' || text === '') return '';
    const outer = parseCallbackXml(text);
    if (!account.aesKey) return outer.Content ?? '';
    const expected = signature(account.token, outer.TimeStamp!, outer.Nonce!, outer.Encrypt!);
    if (expected !== outer.MsgSignature) throw new Error('the passive reply is not signed correctly');
    const inner = parseCallbackXml(decryptMessage(aesKeyFrom(account.aesKey), outer.Encrypt!, account.receiverId));
    if (inner.ToUserName !== userId) throw new Error('the passive reply is addressed to someone else');
    return inner.Content ?? '';
  };
  return {
    post,
    replyText,
    /** Sends a text message; resolves with the HTTP answer and the passive reply's text. */
    async say(text: string, msgId: string = String(++msgSeq)) {
      const r = await post({
        FromUserName: userId,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'text',
        Content: text,
        MsgId: msgId,
      });
      return { ...r, reply: r.res.status === 200 ? replyText(r.text) : '' };
    },
  };
}
