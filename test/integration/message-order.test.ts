import { setTimeout as delay } from 'node:timers/promises';
import { PuppetMock } from 'wechaty-puppet-mock';
import { leadRoutesPort } from '../../src/composition/cases';
import { createStaffUser } from '../../src/services/staff-accounts';
import type { StaffUser } from '../../src/domain/staff';
import { startFakeWechatApi, type FakeWechatApi } from '../support/fake-wechat-api';
import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';
import { WECOM } from '../support/platform-vectors';

/** Every message to one contact arrives in the order it was meant, on each channel. */
const OA: PlatformAccount = {
  path: '/wechat/oa',
  token: 'oaToken2026',
  aesKey: 'Q3VudHlMYWJvdXJCdXJlYXVPZmZpY2lhbEFjY291bnQ',
  receiverId: 'wxfa0e1c2d3b4a5968',
};
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const REGISTERED = /已为您登记/;
const CASE_NUMBER = /案件编号 WA\d{8}-\d{4}/;

async function supervisor(app: TestApp): Promise<StaffUser> {
  const { user } = await createStaffUser(
    { staff: app.ctx.repos.staff },
    { username: uniqueName('sup'), password: 'a-long-test-password', role: 'supervisor', area: null },
  );
  return user;
}

/** Indexes of the first text matching each pattern, in the order given. */
const positions = (texts: string[], ...patterns: RegExp[]) => patterns.map((p) => texts.findIndex((t) => p.test(t)));

describe('on the Official Account and WeCom, when the replies go through the message API', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_AES_KEY: OA.aesKey!,
        WECHAT_OA_APPID: OA.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0003',
        WECHAT_API_BASE_URL: fake.baseUrl,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
        WECOM_SECRET: 'fake-corp-secret-0003',
        WECOM_AGENT_ID: '1000002',
        WECOM_API_BASE_URL: fake.baseUrl,
        // No passive replies: every answer follows through the customer-service API.
        PLATFORM_REPLY_WAIT_MS: '0',
      }),
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const sentTo = (openid: string) => fake.sent.filter((s) => s.touser === openid).map((s) => s.content);

  it.each([
    ['the Official Account', OA],
    ['WeCom', WECOM_ACCOUNT],
  ])('when a worker confirms on %s, then “已为您登记” arrives before the case number it announces', async (_name, account) => {
    const openid = `o${uniqueName('order')}`;
    const user = platformUser(app.url, account, openid);
    await user.say('我在盘塘镇安置小区工地做木工，鑫隆建筑劳务公司欠我们5个人工资共4万元，电话13800007731');
    await waitFor(async () => sentTo(openid).some((t) => t.includes('请核对')), 10_000, 'the summary');
    expect((await user.say('确认')).reply).toBe('');
    await waitFor(async () => sentTo(openid).some((t) => CASE_NUMBER.test(t)), 10_000, 'the case number');
    await waitFor(async () => sentTo(openid).some((t) => REGISTERED.test(t)), 10_000, 'the acknowledgement');
    const [summary, registered, notice] = positions(sentTo(openid), /请核对/, REGISTERED, CASE_NUMBER);
    expect(summary).toBe(0);
    expect(registered).toBe(1);
    expect(notice).toBe(2);
  });

  it('when the case-number notice is refused once by a busy platform, then a staff reply written meanwhile still comes after it', async () => {
    const openid = `o${uniqueName('busy')}`;
    const user = platformUser(app.url, OA, openid);
    fake.busyNext = { pattern: CASE_NUMBER, times: 1 };
    await user.say('我在陬市镇恒兴纸箱厂做事，恒兴纸箱厂欠我两个月工资7600，就我一个，电话13800007732');
    await waitFor(async () => sentTo(openid).some((t) => t.includes('请核对')), 10_000, 'the summary');
    await user.say('确认');
    await waitFor(async () => fake.refused.find((r) => r.touser === openid), 10_000, 'the refused notice');
    const cid = await app.ctx.repos.complainants.findId('wechat_oa', openid);
    const [lead] = await app.ctx.repos.leads.listByComplainant(cid!);
    await leadRoutesPort(app.ctx).replyToComplainants(await supervisor(app), lead!.id, { text: '已联系纸箱厂负责人，请保持电话畅通。' });
    await waitFor(async () => sentTo(openid).some((t) => t.includes('请保持电话畅通')), 15_000, 'the staff reply');
    await waitFor(async () => sentTo(openid).some((t) => CASE_NUMBER.test(t)), 15_000, 'the notice');
    const [registered, notice, reply] = positions(sentTo(openid), REGISTERED, CASE_NUMBER, /请保持电话畅通/);
    expect(registered).toBeLessThan(notice!);
    expect(notice).toBeLessThan(reply!);
  });
});

describe('on the Official Account, when the replies are passive', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_AES_KEY: OA.aesKey!,
        WECHAT_OA_APPID: OA.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0004',
        WECHAT_API_BASE_URL: fake.baseUrl,
        PLATFORM_REPLY_WAIT_MS: '2000',
      }),
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it('when a worker confirms, then the case number is sent only after the passive “已为您登记” was given', async () => {
    const openid = `o${uniqueName('passive')}`;
    const user = platformUser(app.url, OA, openid);
    await user.say('我在剪市镇金穗米厂做事，金穗米厂欠我两个月工资5600，就我一个，电话13800007733');
    const confirmed = await user.say('确认');
    const answeredAt = Date.now();
    expect(confirmed.reply).toMatch(REGISTERED);
    const notice = await waitFor(async () => fake.sent.find((s) => s.touser === openid && CASE_NUMBER.test(s.content)), 10_000, 'notice');
    expect(notice.at).toBeGreaterThanOrEqual(answeredAt - 50);
  });
});

describe('on the WeChat bot', () => {
  const prototype = PuppetMock.prototype as unknown as { messageSendText: (this: PuppetMock, id: string, text: string) => Promise<void> };
  const send = prototype.messageSendText;
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  /** A send the test slows down or refuses once, by its text (the real bot, a puppet that is slow to say it). */
  let onSend: (text: string) => Promise<void> = async () => undefined;
  beforeAll(async () => {
    prototype.messageSendText = async function (this: PuppetMock, id: string, text: string) {
      await onSend(text);
      return send.call(this, id, text);
    };
    app = await startTestApp();
    harness = await startWechatHarness(app);
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
    prototype.messageSendText = send;
  });

  it('when saying “已为您登记” is slow, then the case number still comes after it', async () => {
    onSend = async (text) => {
      if (REGISTERED.test(text)) await delay(1500);
    };
    const w = harness.worker('邓师傅');
    await w.say('我在漳江街道的华联超市上班，华联超市欠我两个月工资6000，就我一个，电话13900003391');
    w.say('确认').catch(() => undefined);
    await w.waitFor(CASE_NUMBER);
    await w.waitFor(REGISTERED);
    const [registered, notice] = positions(w.received, REGISTERED, CASE_NUMBER);
    expect(registered).toBeLessThan(notice!);
  });

  it('when the case-number notice fails once, then a staff reply written meanwhile comes after it', async () => {
    let failures = 0;
    onSend = async (text) => {
      if (CASE_NUMBER.test(text) && failures++ === 0) throw new Error('WeChat is busy');
    };
    const w = harness.worker('田师傅');
    await w.say('我在陬市镇的恒兴纸箱厂做了两个月，厂里欠我工资7600块，就我一个人，电话13900003392');
    await w.say('确认');
    await waitFor(async () => failures > 0, 10_000, 'the failed notice');
    const [lead] = await waitFor(async () => {
      const cid = await app.ctx.repos.complainants.findId('wechat', w.id);
      const l = cid ? await app.ctx.repos.leads.listByComplainant(cid) : [];
      return l.length ? l : null;
    });
    await leadRoutesPort(app.ctx).replyToComplainants(await supervisor(app), lead!.id, { text: '已联系纸箱厂，本周内结清。' });
    await w.waitFor(/本周内结清/);
    await w.waitFor(CASE_NUMBER);
    const [notice, reply] = positions(w.received, CASE_NUMBER, /本周内结清/);
    expect(notice).toBeLessThan(reply!);
  });
});
