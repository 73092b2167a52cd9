import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechatApi {
  baseUrl: string;
  /** Access tokens handed out, in order. */
  tokensIssued: string[];
  /** Messages accepted by the customer-service API, in order. */
  sent: { path: string; touser: string; content: string; agentid?: number; token: string; at: number }[];
  /** The next N sends answer errcode 42001 (token expired), as the platform does after a refresh elsewhere. */
  expireNext: number;
  /** The next N sends whose text matches answer errcode -1 (系统繁忙), as the platform does under load. */
  busyNext: { pattern: RegExp; times: number } | null;
  /** Sends answered "busy", in order. */
  refused: { touser: string; content: string }[];
  /** Bytes served by /cgi-bin/media/get, by media_id. */
  media: Map<string, { mime: string; data: Buffer }>;
  close(): Promise<void>;
}

/** A local stand-in for api.weixin.qq.com / qyapi.weixin.qq.com: tokens, customer-service messages, media. */
export async function startFakeWechatApi(): Promise<FakeWechatApi> {
  const fake: FakeWechatApi = {
    baseUrl: '',
    tokensIssued: [],
    sent: [],
    expireNext: 0,
    busyNext: null,
    refused: [],
    media: new Map(),
    close: async () => undefined,
  };
  const json = (res: http.ServerResponse, body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const token = url.searchParams.get('access_token') ?? '';
      const valid = fake.tokensIssued.at(-1);
      if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/gettoken') {
        const t = `tok-${fake.tokensIssued.length + 1}`;
        fake.tokensIssued.push(t);
        return json(res, { access_token: t, expires_in: 7200 });
      }
      if (token !== valid) return json(res, { errcode: 40001, errmsg: 'invalid credential' });
      if (url.pathname === '/cgi-bin/message/custom/send' || url.pathname === '/cgi-bin/message/send') {
        if (fake.expireNext > 0) {
          fake.expireNext--;
          return json(res, { errcode: 42001, errmsg: 'access_token expired' });
        }
        const m = JSON.parse(body) as { touser: string; agentid?: number; text: { content: string } };
        if (fake.busyNext && fake.busyNext.times > 0 && fake.busyNext.pattern.test(m.text.content)) {
          fake.busyNext.times--;
          fake.refused.push({ touser: m.touser, content: m.text.content });
          return json(res, { errcode: -1, errmsg: 'system error' });
        }
        fake.sent.push({ path: url.pathname, touser: m.touser, content: m.text.content, agentid: m.agentid, token, at: Date.now() });
        return json(res, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/cgi-bin/media/get') {
        const m = fake.media.get(url.searchParams.get('media_id') ?? '');
        if (!m) return json(res, { errcode: 40007, errmsg: 'invalid media_id' });
        return res.writeHead(200, { 'content-type': m.mime, 'content-length': m.data.length }).end(m.data);
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
