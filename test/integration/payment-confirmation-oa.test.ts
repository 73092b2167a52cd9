import { createStaffUser } from '../../src/services/staff-accounts';
import { startFakeWechatApi, type FakeWechatApi } from '../support/fake-wechat-api';
import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

const OA: PlatformAccount = {
  path: '/wechat/oa',
  token: 'oaPayToken2026',
  aesKey: 'UGF5bWVudENvbmZpcm1lZEJ5VGhlV29ya2VyT25PQTE',
  receiverId: 'wxfa0e1c2d3b4a5970',
};

/** The payment question and the score on the Official Account path: the answers come as callbacks, the questions through the message API. */
describe('payment confirmed by the worker on the Official Account', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  let token = '';
  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA.token,
        WECHAT_OA_AES_KEY: OA.aesKey!,
        WECHAT_OA_APPID: OA.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0002',
        WECHAT_API_BASE_URL: fake.baseUrl,
      }),
    });
    token = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'oa.sup', password: 'a-long-test-password', role: 'supervisor', area: null },
      )
    ).token;
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** Everything the worker read after `from`: passive replies and messages sent through the API. */
  const readBy = (openid: string) => fake.sent.filter((s) => s.touser === openid).map((s) => s.content);

  it('when a recovery is recorded, then the question arrives through the message API, and the worker’s "no" then "yes" and score come back on the case', async () => {
    const openid = `o${uniqueName('oapay')}`;
    const user = platformUser(app.url, OA, openid);
    expect((await user.say('我在漳江街道锦绣华庭工地做油漆，华兴装饰公司欠我工资6000元，就我一个人，电话13900007501')).reply).toContain(
      '请核对',
    );
    await user.say('确认');
    const complainantId = await waitFor(async () => app.ctx.repos.complainants.findId('wechat_oa', openid), 10_000, 'the complainant');
    const lead = await waitFor(async () => (await app.ctx.repos.leads.listByComplainant(complainantId))[0], 10_000, 'the case');
    await waitFor(async () => readBy(openid).find((t) => t.includes(lead.caseNumber)), 10_000, 'the case-number notice');

    expect((await post(`/api/leads/${lead.id}/recoveries`, { amountYuan: 2000, workersPaid: 1, date: '2026-12-01' })).status).toBe(201);
    await waitFor(async () => readBy(openid).find((t) => t.includes('工资收到了吗')), 10_000, 'the payment question');

    /** The answer to a message, whether it came back passively or through the API. */
    const answer = async (text: string, expected: RegExp) => {
      const before = readBy(openid).length;
      const r = await user.say(text);
      if (expected.test(r.reply)) return r.reply;
      return waitFor(
        async () =>
          readBy(openid)
            .slice(before)
            .find((t) => expected.test(t)),
        10_000,
        `the answer to "${text}"`,
      );
    };
    await answer('只收到两千，还差四千', /退回承办人员/);
    expect((await app.ctx.repos.leads.get(lead.id))!.paymentChecks.at(-1)).toMatchObject({ answer: 'part', via: 'chat' });

    expect((await post(`/api/leads/${lead.id}/recoveries`, { amountYuan: 4000, workersPaid: 1, date: '2026-12-02' })).status).toBe(201);
    await waitFor(async () => readBy(openid).filter((t) => t.includes('工资收到了吗')).length >= 2, 10_000, 'the question again');
    await answer('收到了', /打分/);
    await answer('5', /感谢您的评价/);
    const done = (await app.ctx.repos.leads.get(lead.id))!;
    expect(done.paymentChecks.at(-1)).toMatchObject({ answer: 'paid', satisfaction: { score: 5, comment: null } });
    // None of the answers opened a complaint of its own.
    expect(await app.ctx.db.collection('complaints').countDocuments({ 'sender.channelUserId': openid })).toBe(1);
  });
});
