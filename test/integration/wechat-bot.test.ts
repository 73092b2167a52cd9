import { startBotRole } from '../../src/roles/bot-role';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, testConfig, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';
import { createAppContext } from '../../src/composition/context';
import { createLogger } from '../../src/infra/logger';
import { wechatBotPort } from '../../src/composition/intake';
import { leadRoutesPort } from '../../src/composition/cases';

describe('the WeChat intake conversation, on the real Wechaty with wechaty-puppet-mock', () => {
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  beforeAll(async () => {
    app = await startTestApp();
    harness = await startWechatHarness(app);
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
  });

  const leadsOf = async (contactId: string) => {
    const cid = await app.ctx.repos.complainants.findId('wechat', contactId);
    return cid ? app.ctx.repos.leads.listByComplainant(cid) : [];
  };

  it('when a worker gives everything in one message, then the bot confirms and the case number arrives after “确认”', async () => {
    const w = harness.worker('彭大哥');
    const [summary] = await w.say('我在牛车河镇的砖厂做了三个月，宏发砖厂欠我工资9000块没给，就我一个人，电话13900003344');
    expect(summary).toContain('请核对');
    expect(summary).toContain('9000元');
    const [registered] = await w.say('确认');
    expect(registered).toContain('已为您登记');
    const notice = await w.waitFor(/案件编号 WA\d{8}-\d{4}/);
    const [lead] = await waitFor(async () => {
      const l = await leadsOf(w.id);
      return l.length ? l : null;
    });
    expect(notice).toContain(lead!.caseNumber);
    expect(lead).toMatchObject({ channel: 'wechat', amountYuan: 9000, workerCount: 1, phone: '13900003344', area: '牛车河镇' });
    expect(await w.say('确认')).toHaveLength(1); // a stray second 确认 starts nothing new
    expect(await leadsOf(w.id)).toHaveLength(1);
  });

  it('when details are missing, then the bot asks for each one at a time, accepts 不知道, and registers what was said', async () => {
    const w = harness.worker('龚师傅');
    expect(await w.say('老板欠我工资一直不给')).toEqual([expect.stringContaining('哪个单位或哪位老板')]);
    expect(await w.say('鑫源劳务公司')).toEqual([expect.stringContaining('在哪里做的事')]);
    expect(await w.say('盘塘镇的安置小区工地')).toEqual([expect.stringContaining('欠了多少钱')]);
    // 欠我 already says it is one worker: the bot does not ask.
    expect(await w.say('八千块')).toEqual([expect.stringContaining('电话')]);
    const [summary] = await w.say('不知道');
    expect(summary).toContain('联系电话：未提供');
    expect(summary).toContain('鑫源劳务公司');
    expect(summary).toContain('8000元');
    await w.say('确认');
    const [lead] = await waitFor(async () => {
      const l = await leadsOf(w.id);
      return l.length ? l : null;
    });
    expect(lead).toMatchObject({ employer: '鑫源劳务公司', amountYuan: 8000, workerCount: 1, phone: null, area: '盘塘镇' });
  });

  it('when the worker corrects the summary, then the new value is shown before registering', async () => {
    const w = harness.worker('符大姐');
    const [first] = await w.say('剪市镇的金穗米厂欠我两个月工资5600，就我一个，电话13900003366');
    expect(first).toContain('5600元');
    const [second] = await w.say('不对，是6600');
    expect(second).toContain('6600元');
  });

  it('when a worker asks about the rules, then the FAQ answers with its source and nothing is stored', async () => {
    const w = harness.worker('覃阿姨');
    const [answer] = await w.say('请问劳动仲裁怎么申请，要不要钱？');
    expect(answer).toContain('仲裁');
    expect(answer).toContain('依据');
    expect(await leadsOf(w.id)).toHaveLength(0);
  });

  it('when a worker asks for progress, then only their own case is told; someone else’s case number is refused', async () => {
    const owner = harness.worker('向师傅');
    await owner.say('我在热市镇的恒通石材厂做事，恒通石材厂欠我工资7000，就我一个人，电话13900003377');
    await owner.say('确认');
    const notice = await owner.waitFor(/案件编号 WA\d{8}-\d{4}/);
    const caseNumber = /WA\d{8}-\d{4}/.exec(notice)![0];
    const [mine] = await owner.say(`查询 ${caseNumber}`);
    expect(mine).toContain(caseNumber);
    expect(mine).toContain('下一步');

    const stranger = harness.worker('路人');
    const [refused] = await stranger.say(`查询 ${caseNumber}`);
    expect(refused).toContain('没有查到您名下');
  });

  it('when a staff member replies on the case, then the worker receives it on WeChat', async () => {
    const w = harness.worker('黄师傅');
    await w.say('我在漳江街道的华联超市上班，华联超市欠我两个月工资6000，就我一个，电话13900003388');
    await w.say('确认');
    await w.waitFor(/案件编号 WA\d{8}-\d{4}/);
    const [lead] = await leadsOf(w.id);
    const { user } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'huang.sup', password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    await leadRoutesPort(app.ctx).replyToComplainants(user, lead!.id, { text: '已联系超市负责人，本周内结清。' });
    await w.waitFor(/本周内结清/);
  });
});

describe('a restart in the middle of a conversation', () => {
  it('when the bot process is replaced mid-conversation, then the next one continues from Redis', async () => {
    const config = testConfig();
    const first = await createAppContext(config, createLogger('silent'));
    const msg = (id: string, text: string) => ({ id, contactId: 'wxid_restart_test', contactName: '易师傅', text, at: new Date() });
    expect(await wechatBotPort(first).handleMessage(msg('m1', '老板欠我工资不给'))).toEqual([expect.stringContaining('哪个单位')]);
    await first.close();
    const second = await createAppContext(config, createLogger('silent'));
    try {
      expect(await wechatBotPort(second).handleMessage(msg('m2', '宏达建筑公司'))).toEqual([expect.stringContaining('在哪里做的事')]);
      await second.producerConnection.del(`${config.QUEUE_PREFIX}:intake:wxid_restart_test`);
    } finally {
      await second.db.dropDatabase();
      await second.close();
    }
  });
});

describe('a flood of messages', () => {
  it('when one contact sends far more than the budget at once, then the bot warns once, ignores the rest, keeps what it answered as spam, and opens no case', async () => {
    const app = await startTestApp({ config: testConfig({ INTAKE_RATE_LIMIT: '5', INTAKE_RATE_WINDOW_S: '60' }) });
    try {
      const replies: string[][] = [];
      for (let i = 0; i < 30; i++) {
        replies.push(
          await wechatBotPort(app.ctx).handleMessage({
            id: `flood-${i}`,
            contactId: 'wxid_flooder',
            contactName: null,
            text: `广告${i} 加微信领红包`,
            at: new Date(),
          }),
        );
      }
      expect(replies.flat().filter((r) => r.includes('太快'))).toHaveLength(1);
      expect(replies.slice(6).every((r) => r.length === 0)).toBe(true);
      // The five messages within the budget are kept, each with its disposition; none opens a case.
      const kept = await waitFor(async () => {
        const r = await app.ctx.repos.complaints.listForReview({ states: ['pending'], page: 1, pageSize: 50 });
        return r.total === 5 ? r.items : null;
      });
      expect(kept.map((c) => c.disposition?.code)).toEqual(Array(5).fill('spam_or_empty'));
      expect((await app.ctx.repos.leads.list({ page: 1, pageSize: 10 })).total).toBe(0);
      const long = await wechatBotPort(app.ctx).handleMessage({
        id: 'long',
        contactId: 'wxid_long',
        contactName: null,
        text: '欠'.repeat(2001),
        at: new Date(),
      });
      expect(long).toEqual([expect.stringContaining('太长')]);
      const exe = await wechatBotPort(app.ctx).handleFile({
        contactId: 'wxid_file',
        name: 'tool.exe',
        mime: 'application/x-msdownload',
        data: Buffer.from('MZ'),
      });
      expect(exe).toEqual([expect.stringContaining('文件类型')]);
    } finally {
      await app.stop();
    }
  });
});

describe('photos and documents as evidence', () => {
  // A 1×1 PNG: the picture of an IOU, as far as the bot is concerned.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

  it('when a worker sends a photo and then the complaint, then the photo is registered with it; files over the size limit are refused', async () => {
    const app = await startTestApp();
    const harness = await startWechatHarness(app);
    try {
      const w = harness.worker('欧师傅');
      const [first] = await w.sendFile('欠条.png', PNG);
      expect(first).toContain('材料已收到');
      expect(await w.sendFile('工地全景.png', Buffer.alloc(6 * 1024 * 1024, 1).toString('base64'))).toEqual([
        expect.stringContaining('文件太大'),
      ]);
      await w.say('我在黄甲铺镇的新兴农庄做事，新兴农庄欠我工资4500，就我一个人，电话13900003399');
      await w.say('确认');
      const complaint = await waitFor(async () => {
        const cid = await app.ctx.repos.complainants.findId('wechat', w.id);
        const lead = cid ? (await app.ctx.repos.leads.listByComplainant(cid))[0] : undefined;
        return lead ? app.ctx.repos.complaints.get(lead.originComplaintId) : null;
      });
      expect(complaint.evidenceIds).toHaveLength(1);
      expect(await app.ctx.repos.evidence.describe(complaint.evidenceIds)).toEqual([
        expect.objectContaining({ name: '欠条.png', mime: 'image/png', size: 70 }),
      ]);
    } finally {
      await harness.stop();
      await app.stop();
    }
  });
});

describe('group chats', () => {
  it('when the bot is mentioned in a group, then it points to a private chat; otherwise it stays silent and stores nothing', async () => {
    const app = await startTestApp();
    const harness = await startWechatHarness(app);
    const session = harness.session;
    try {
      const quietRoom = session.sendInRoom('wxid_group_a', '老乡甲', '老板欠我们工资三万，电话13900003311', false);
      const loudRoom = session.sendInRoom('wxid_group_b', '老乡乙', '@桃源县根治欠薪服务 老板欠工资怎么办', true);
      await waitFor(async () => session.said.some((m) => m.to === loudRoom), 10_000, 'the reply in the group');
      expect(session.said.find((m) => m.to === loudRoom)?.text).toContain('私信');
      expect(session.said.some((m) => m.to === quietRoom)).toBe(false);
      expect(await app.ctx.repos.complaints.countByState()).toEqual({});
    } finally {
      await harness.stop();
      await app.stop();
    }
  });
});

describe('the WeChat login for admins', () => {
  it('when the bot role runs, then admins see its login state through the API and /readyz shows the state but never a QR code', async () => {
    const app = await startTestApp();
    const bot = await startBotRole(app.ctx);
    try {
      const admin = (
        await createStaffUser(
          { staff: app.ctx.repos.staff },
          { username: 'root.admin', password: 'a-long-test-password', role: 'admin', area: null },
        )
      ).token;
      const insp = (
        await createStaffUser(
          { staff: app.ctx.repos.staff },
          { username: 'plain.insp', password: 'a-long-test-password', role: 'inspector', area: '漳江街道' },
        )
      ).token;
      const login = await waitFor(
        async () => {
          const r = (await (await fetch(`${app.url}/api/wechat/login`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
            state: string;
          };
          return r.state === 'logged_in' ? r : null;
        },
        10_000,
        'the published login state',
      );
      expect(login).toMatchObject({ state: 'logged_in', qrcode: null });
      expect((await fetch(`${app.url}/api/wechat/login`, { headers: { authorization: `Bearer ${insp}` } })).status).toBe(403);
      expect(bot.status()).toEqual({ wechat: { state: 'logged_in' } });
    } finally {
      await bot.stop();
      await app.stop();
    }
  });
});
