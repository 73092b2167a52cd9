import { wechatBotPort } from '../../src/composition/intake';
import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { WECOM } from '../support/platform-vectors';
import { startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';

const OA: PlatformAccount = { path: '/wechat/oa', token: 'oaNoticeToken', aesKey: null, receiverId: 'gh_fake0000001' };
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const NOTICE = '【个人信息告知】';

describe('the privacy notice at a worker’s first contact, on every chat channel', () => {
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  beforeAll(async () => {
    app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
        PLATFORM_REPLY_WAIT_MS: '3000',
      }),
    });
    harness = await startWechatHarness(app);
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
  });

  it('when a worker writes to the Wechaty bot for the first time, then the first reply starts with the notice, and no later reply does', async () => {
    const w = harness.worker('谭师傅');
    const [first] = await w.say('老板欠我工资一直不给');
    expect(first).toBe(`${app.ctx.config.privacyNotice}\n\n请问是哪个单位或哪位老板（包工头）欠的工资？`);
    for (const part of ['您告诉我们的情况', '微信身份', '照片', '处理您的欠薪投诉', '劳动保障监察人员', '180天', '删除我的信息'])
      expect(first).toContain(part);
    const [second] = await w.say('鑫源劳务公司');
    expect(second).not.toContain(NOTICE);
    expect(second).toContain('在哪里做的事');
  });

  it('when a worker’s first message is a photo, then that reply carries the notice, once', async () => {
    const w = harness.worker('彭大姐');
    const [first] = await w.sendFile('欠条.png', PNG);
    expect(first!.startsWith(NOTICE)).toBe(true);
    expect(first).toContain('材料已收到');
    const [next] = await w.say('我在漳江街道华联超市上班，华联超市欠我两个月工资6000，就我一个，电话13900006601');
    expect(next).not.toContain(NOTICE);
  });

  it('when someone who complained before writes again after Redis forgot the notice, then the store tells them apart: no notice', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const say = (text: string) => bot.handleMessage({ id: uniqueName('m'), contactId, contactName: '向师傅', text, at: new Date() });
    expect((await say('我在热市镇恒通石材厂做事，恒通石材厂欠我工资7000，就我一个人，电话13900006602'))[0]).toContain(NOTICE);
    await say('确认');
    await waitFor(async () => app.ctx.repos.complainants.exists('wechat', contactId), 10_000, 'the complainant');
    const marks = await app.ctx.redis.keys(`${app.ctx.config.QUEUE_PREFIX}:privacy-notice:*`);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join()).not.toContain(contactId); // Redis keeps no WeChat id of its own
    await app.ctx.redis.del(...marks);
    expect((await say('查询'))[0]).not.toContain(NOTICE);
  });

  it('when a worker asks for their data to be erased, then the bot says what happens next and staff find the request in review', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const [reply] = await bot.handleMessage({ id: uniqueName('m'), contactId, contactName: null, text: '删除我的信息', at: new Date() });
    expect(reply).toContain('已收到您删除个人信息的请求');
    const stored = await waitFor(async () => {
      const [c] = await app.ctx.repos.complaints.listBySender('wechat', { channelUserId: contactId });
      return c?.review ? c : null;
    });
    expect(stored).toMatchObject({ text: '删除我的信息', review: { state: 'pending' } });
  });

  it.each([
    ['the Official Account', OA],
    ['WeCom', WECOM_ACCOUNT],
  ])(
    'when a user of %s writes for the first time, then the passive reply starts with the notice, and the next one does not',
    async (_, account) => {
      const user = platformUser(app.url, account, `o${uniqueName('p')}`);
      const first = await user.say('你好');
      expect(first.res.status).toBe(200);
      expect(first.reply.startsWith(`${app.ctx.config.privacyNotice}\n\n`)).toBe(true);
      const second = await user.say('老板欠我工资一直不给');
      expect(second.reply).not.toContain(NOTICE);
      expect(second.reply).toContain('哪个单位');
    },
  );
});
