import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { aesKeyFrom, encryptMessage, signature } from '../../src/http/wechat-platform/platform-crypto';
import { buildXml, parseCallbackXml } from '../../src/http/wechat-platform/platform-xml';
import { platformRoutes } from '../../src/http/wechat-platform/platform-routes';
import { errorHandler } from '../../src/http/middleware/error-handler';
import { platformRoutesPort } from '../../src/composition/platform';
import { startWorkerRole } from '../../src/roles/worker-role';
import { PROMPT_FOR_COMPLAINT } from '../../src/services/intake/faq';
import { startFakeWechatApi, type FakeWechatApi } from '../support/fake-wechat-api';
import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { WECOM } from '../support/platform-vectors';

const OA: PlatformAccount = {
  path: '/wechat/oa',
  token: 'oaToken2026',
  aesKey: 'Q3VudHlMYWJvdXJCdXJlYXVPZmZpY2lhbEFjY291bnQ',
  receiverId: 'wxfa0e1c2d3b4a5968',
};
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const COMPLETE = '我在盘塘镇安置小区工地做木工，鑫隆建筑劳务公司欠我们5个人工资共4万元，电话13800007721';

describe('the Official Account and WeCom callbacks', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_AES_KEY: OA.aesKey!,
        WECHAT_OA_APPID: OA.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0001',
        WECHAT_API_BASE_URL: fake.baseUrl,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
        WECOM_SECRET: 'fake-corp-secret-0001',
        WECOM_AGENT_ID: '1000002',
        WECOM_API_BASE_URL: fake.baseUrl,
      }),
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const inboundOf = (contactId: string) => app.ctx.db.collection('inbound_messages').find({ contactId }).toArray();
  const complaintsOf = (contactId: string) => app.ctx.db.collection('complaints').find({ 'sender.channelUserId': contactId }).toArray();

  it('when the WeCom sample message from the published sample code is replayed at its own time, then it is verified, decrypted, answered and stored', async () => {
    const r = express();
    r.use('/wechat/wecom', platformRoutes({ ...platformRoutesPort(app.ctx, 'wecom'), now: () => Number(WECOM.message.timestamp) }));
    r.use(errorHandler(app.ctx.log));
    const server: Server = await new Promise((resolve) => {
      const s = r.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const m = WECOM.message;
      const q = new URLSearchParams({ msg_signature: m.msgSignature, timestamp: m.timestamp, nonce: m.nonce });
      const body = buildXml({ ToUserName: WECOM.corpId, Encrypt: m.encrypt, AgentID: '218' });
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/wecom?${q.toString()}`, {
        method: 'POST',
        body,
      });
      expect(res.status).toBe(200);
      const reply = platformUser('', WECOM_ACCOUNT, 'mycreate').replyText(await res.text());
      // "hello" is not a complaint: the worker is told what to send, after the privacy notice of a first contact.
      expect(reply).toBe(`${app.ctx.config.privacyNotice}\n\n${PROMPT_FOR_COMPLAINT}`);
      const [stored] = await inboundOf('mycreate');
      expect(stored).toMatchObject({ channel: 'wecom', key: '4561255354251345929', text: 'hello', state: 'handled' });
      // The same sample again (a platform retry) stores nothing new.
      await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/wechat/wecom?${q.toString()}`, { method: 'POST', body });
      expect(await inboundOf('mycreate')).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('when the platforms verify the callback URL, then the Official Account gets its echostr and WeCom the decrypted one', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const oa = new URLSearchParams({ signature: signature(OA.token, ts, '42'), timestamp: ts, nonce: '42', echostr: '8812345' });
    expect(await (await fetch(`${app.url}/wechat/oa?${oa.toString()}`)).text()).toBe('8812345');
    oa.set('signature', signature('wrong', ts, '42'));
    expect((await fetch(`${app.url}/wechat/oa?${oa.toString()}`)).status).toBe(403);
    const echostr = encryptMessage(aesKeyFrom(WECOM.key), '5511234567', WECOM.corpId);
    const wc = new URLSearchParams({ msg_signature: signature(WECOM.token, ts, '7', echostr), timestamp: ts, nonce: '7', echostr });
    expect(await (await fetch(`${app.url}/wechat/wecom?${wc.toString()}`)).text()).toBe('5511234567');
  });

  it('when a worker complains through the Official Account, then replies come back passively and the case number through the message API', async () => {
    const openid = `o${uniqueName('oa')}`;
    const user = platformUser(app.url, OA, openid);
    const first = await user.say(COMPLETE);
    expect(first.res.status).toBe(200);
    expect(first.ms).toBeLessThan(4500);
    expect(first.reply).toContain('请核对');
    expect(first.reply).toContain('40000元');
    const second = await user.say('确认');
    expect(second.reply).toContain('已为您登记');
    const [complaint] = await waitFor(async () => ((await complaintsOf(openid)).length ? complaintsOf(openid) : null));
    expect(complaint).toMatchObject({ channel: 'wechat_oa', sender: { channelUserId: openid } });
    const notice = await waitFor(
      async () => fake.sent.find((s) => s.touser === openid && /WA\d{8}-\d{4}/.test(s.content)),
      10_000,
      'case notice',
    );
    expect(notice.path).toBe('/cgi-bin/message/custom/send');
    const [lead] = await app.ctx.repos.leads.listByComplainant((await app.ctx.repos.complainants.findId('wechat_oa', openid))!);
    expect(notice.content).toContain(lead!.caseNumber);
    expect(lead).toMatchObject({ channel: 'wechat_oa', amountYuan: 40000, workerCount: 5, area: '盘塘镇' });
    const progress = await user.say('查询');
    expect(progress.reply).toContain(lead!.caseNumber);
  });

  it('when the platform delivers the same message many times at once, then one message is stored, answered once, and one complaint made', async () => {
    const openid = `o${uniqueName('dup')}`;
    const user = platformUser(app.url, OA, openid);
    const first = await Promise.all(Array.from({ length: 5 }, () => user.say(COMPLETE, '7000000000000000001')));
    expect(first.every((r) => r.res.status === 200)).toBe(true);
    expect(first.filter((r) => r.reply.includes('请核对'))).toHaveLength(1);
    const confirm = await Promise.all(Array.from({ length: 5 }, () => user.say('确认', '7000000000000000002')));
    expect(confirm.every((r) => r.res.status === 200)).toBe(true);
    expect(await inboundOf(openid)).toHaveLength(2);
    await waitFor(async () => ((await complaintsOf(openid)).length ? true : null));
    expect(await complaintsOf(openid)).toHaveLength(1);
  });

  it('when a message is forged, tampered, stale, misaddressed or hostile, then it is refused and nothing is stored', async () => {
    const openid = `o${uniqueName('bad')}`;
    const user = platformUser(app.url, OA, openid);
    const text = {
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'text',
      Content: COMPLETE,
      MsgId: '8000000000000000001',
    };
    const statuses: Record<string, number> = {};
    const resign = (q: URLSearchParams, enc: string) =>
      q.set('msg_signature', signature(OA.token, q.get('timestamp')!, q.get('nonce')!, enc));
    statuses.forged = (await user.post(text, { tamper: (q, b) => (q.set('msg_signature', 'f'.repeat(40)), b) })).res.status;
    statuses.noSignature = (await user.post(text, { tamper: (q, b) => (q.delete('msg_signature'), b) })).res.status;
    statuses.tampered = (
      await user.post(text, {
        tamper: (q, b) => {
          const enc = parseCallbackXml(b).Encrypt!;
          const flipped = `${enc.slice(0, 100)}${enc[100] === 'A' ? 'B' : 'A'}${enc.slice(101)}`;
          resign(q, flipped);
          return buildXml({ ToUserName: OA.receiverId, Encrypt: flipped });
        },
      })
    ).res.status;
    statuses.wrongReceiver = (
      await user.post(text, {
        tamper: (q) => {
          const enc = encryptMessage(aesKeyFrom(OA.aesKey!), buildXml(text), 'wx0000000000000bad');
          resign(q, enc);
          return buildXml({ ToUserName: OA.receiverId, Encrypt: enc });
        },
      })
    ).res.status;
    statuses.stale = (await user.post(text, { timestamp: Math.floor(Date.now() / 1000) - 301 })).res.status;
    statuses.future = (await user.post(text, { timestamp: Math.floor(Date.now() / 1000) + 301 })).res.status;
    const hostile = (inner: string) => (q: URLSearchParams) => {
      const enc = encryptMessage(aesKeyFrom(OA.aesKey!), inner, OA.receiverId);
      resign(q, enc);
      return buildXml({ ToUserName: OA.receiverId, Encrypt: enc });
    };
    statuses.entity = (
      await user.post(text, {
        tamper: hostile(
          `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><FromUserName>${openid}</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&e;</Content><MsgId>1</MsgId></xml>`,
        ),
      })
    ).res.status;
    statuses.billionLaughs = (
      await user.post(text, {
        tamper: hostile(`<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>`),
      })
    ).res.status;
    statuses.plainToSafeMode = (
      await user.post(text, {
        tamper: (q) => {
          q.delete('encrypt_type');
          q.delete('msg_signature');
          return buildXml(text);
        },
      })
    ).res.status;
    statuses.notXml = (await user.post(text, { tamper: (q) => (resign(q, 'x'), 'definitely not xml') })).res.status;
    statuses.oversized = (
      await user.post(text, { tamper: (_q, b) => b.replace('<Encrypt>', `<Pad>${'x'.repeat(80_000)}</Pad><Encrypt>`) })
    ).res.status;
    statuses.missingFields = (await user.post({ MsgType: 'text', Content: 'x' })).res.status;
    expect(statuses).toEqual({
      forged: 403,
      noSignature: 403,
      tampered: 400,
      wrongReceiver: 403,
      stale: 403,
      future: 403,
      entity: 400,
      billionLaughs: 400,
      plainToSafeMode: 403,
      notXml: 400,
      oversized: 413,
      missingFields: 400,
    });
    expect(await inboundOf(openid)).toHaveLength(0);
    expect(await complaintsOf(openid)).toHaveLength(0);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200); // and nothing crashed
  });

  it('when text holds XML-breaking characters, then it is stored and shown exactly as sent', async () => {
    const openid = `o${uniqueName('lit')}`;
    const literal = '老板说 ]]> <script>alert(1)</script> &amp; 工钱下个月给';
    const r = await platformUser(app.url, OA, openid).say(literal);
    expect(r.res.status).toBe(200);
    const [stored] = await inboundOf(openid);
    expect(stored!.text).toBe(literal);
  });

  it('when a photo arrives, then it is fetched from the platform and kept as evidence', async () => {
    const openid = `o${uniqueName('img')}`;
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)]);
    fake.media.set('MEDIA_IOU_1', { mime: 'image/png', data: png });
    const user = platformUser(app.url, OA, openid);
    const r = await user.post({
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'image',
      MediaId: 'MEDIA_IOU_1',
      PicUrl: 'http://x/y',
      MsgId: '8100000000000000001',
    });
    expect(user.replyText(r.text)).toContain('材料已收到');
    const evidence = await app.ctx.db.collection('evidence').find({ channel: 'wechat_oa', channelUserId: openid }).toArray();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.size).toBe(png.length);
  });

  it('when the access token has expired, then the client refreshes it once and the message still goes out', async () => {
    const openid = `o${uniqueName('tok')}`;
    const before = fake.tokensIssued.length;
    fake.expireNext = 1;
    const user = platformUser(app.url, OA, openid);
    await user.say(COMPLETE);
    await user.say('确认');
    await waitFor(async () => fake.sent.find((s) => s.touser === openid && /WA\d{8}-\d{4}/.test(s.content)), 10_000, 'case notice');
    expect(fake.tokensIssued.length).toBeGreaterThan(before);
    expect(fake.expireNext).toBe(0);
  });
});

describe('a platform callback while the conversation is slow', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      worker: false, // nothing handles the queue yet: the slowest possible triage
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_AES_KEY: OA.aesKey!,
        WECHAT_OA_APPID: OA.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0002',
        WECHAT_API_BASE_URL: fake.baseUrl,
        PLATFORM_REPLY_WAIT_MS: '800',
      }),
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('when nothing answers in time, then the platform gets "success" at once and the reply follows through the message API', async () => {
    const openid = `o${uniqueName('slow')}`;
    const r = await platformUser(app.url, OA, openid).say(COMPLETE);
    expect(r.res.status).toBe(200);
    expect(r.text).toBe('success');
    expect(r.ms).toBeLessThan(3000);
    const stored = await app.ctx.db.collection('inbound_messages').findOne({ contactId: openid });
    expect(stored).toMatchObject({ state: 'received' }); // stored before the answer
    const worker = await startWorkerRole(app.ctx);
    try {
      const sent = await waitFor(async () => fake.sent.find((s) => s.touser === openid), 10_000, 'reply through the API');
      expect(sent.content).toContain('请核对');
    } finally {
      await worker.stop();
    }
  });

  it('when a channel is not configured, then its callback is 404', async () => {
    expect((await fetch(`${app.url}/wechat/wecom?timestamp=1&nonce=1`, { method: 'POST', body: '<xml/>' })).status).toBe(404);
  });
});
