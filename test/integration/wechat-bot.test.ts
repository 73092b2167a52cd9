import { createEmbeddedMockPuppet } from '../../bots/embedded-mock';
import { createWechatBot } from '../../bots/wechat-bot';
import { createLogger } from '../../src/infra/logger';
import { startTestApp, waitFor, type TestApp } from '../support/test-app';

describe('the WeChat edge on the real Wechaty with wechaty-puppet-mock', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('when a worker sends a text message, then it is stored once as a wechat complaint, acknowledged, and triaged into a lead', async () => {
    const mock = createEmbeddedMockPuppet();
    const bot = createWechatBot({
      name: 'test-bot',
      puppet: mock.puppet,
      log: createLogger('silent'),
      acceptComplaint: app.ctx.services.acceptComplaint,
    });
    await bot.start();
    mock.login();
    await waitFor(async () => bot.status().state === 'logged_in', 5000, 'login');
    const worker = mock.mocker.createContact({ name: '彭大哥' });
    const replies: string[] = [];
    // A contact's mock emits every message it sends or receives.
    worker.on('message', (m) => {
      if (m.payload.talkerId === mock.botUser.id) replies.push(m.payload.text ?? '');
    });
    try {
      worker.say('我在牛车河镇的砖厂做了三个月，厂里欠我工资9000块没给，电话13900003344').to(mock.botUser);
      await waitFor(async () => replies.length > 0, 5000, 'the bot reply');
      expect(replies[0]).toContain('已收到');
      const leads = await waitFor(
        async () => {
          const r = await app.ctx.repos.leads.list({ page: 1, pageSize: 10 });
          return r.items.find((l) => l.channel === 'wechat');
        },
        5000,
        'the lead',
      );
      expect(leads).toMatchObject({ category: 'wage_arrears', amountYuan: 9000, phone: '13900003344' });
      const complaint = await app.ctx.repos.complaints.get(leads.originComplaintId);
      expect(complaint).toMatchObject({ channel: 'wechat', sender: { channelUserId: worker.id, name: '彭大哥' } });
    } finally {
      await bot.stop();
    }
  });
});
