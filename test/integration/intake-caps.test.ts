import { wechatBotPort } from '../../src/composition/intake';
import { MAX_FILES, MAX_TURNS } from '../../src/services/intake/intake-state';
import { startTestApp, testConfig, uniqueName, type TestApp } from '../support/test-app';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('what one chat contact can make the product keep', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: testConfig({ INTAKE_RATE_LIMIT: '1000', INTAKE_EVIDENCE_MB_PER_DAY: '1' }), worker: false });
  });
  afterAll(() => app.stop());

  it('when a worker keeps talking past the conversation limit, then the bot sums up for confirmation instead of keeping more', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const say = (text: string) => bot.handleMessage({ id: uniqueName('m'), contactId, contactName: null, text, at: new Date() });
    await say('老板欠我工资不给');
    let last: string[] = [];
    for (let i = 0; i < MAX_TURNS; i++) last = await say(`补充一点情况，第${i}条`);
    expect(last[0]).toContain('内容已经比较多了');
    expect(last[1]).toContain('请核对');
    const state = await app.ctx.redis.get(`${app.ctx.config.QUEUE_PREFIX}:intake:${contactId}`);
    expect(JSON.parse(state!)).toMatchObject({ stage: 'confirming' });
    expect((JSON.parse(state!) as { turns: unknown[] }).turns.length).toBeLessThanOrEqual(MAX_TURNS);
    expect(await say('重新开始')).toEqual([expect.stringContaining('已清空')]);
  });

  it('when a worker sends more files than one complaint takes, then the rest are refused politely and not stored', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const replies: string[][] = [];
    for (let i = 0; i <= MAX_FILES; i++)
      replies.push(await bot.handleFile({ contactId, name: `欠条${i}.png`, mime: 'image/png', data: PNG }));
    expect(replies.at(-1)).toEqual([expect.stringContaining(`最多${MAX_FILES}份`)]);
    expect(replies.at(-1)![0]).not.toMatch(/[{}]/);
    const stored = await app.ctx.db.collection('evidence').countDocuments({ channelUserId: contactId });
    expect(stored).toBe(MAX_FILES);
  });

  it('when a contact sends more bytes in a day than the budget, then the file is refused and not stored', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const big = Buffer.concat([PNG, Buffer.alloc(700 * 1024)]);
    expect(await bot.handleFile({ contactId, name: 'a.png', mime: 'image/png', data: big })).not.toEqual([
      expect.stringContaining('暂不接收'),
    ]);
    expect(await bot.handleFile({ contactId, name: 'b.png', mime: 'image/png', data: big })).toEqual([expect.stringContaining('暂不接收')]);
    expect(await app.ctx.db.collection('evidence').countDocuments({ channelUserId: contactId })).toBe(1);
  });

  it('when a chat message carries NUL characters or half an emoji (a lone surrogate), then what is kept is clean text', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const say = (text: string) => bot.handleMessage({ id: uniqueName('m'), contactId, contactName: '覃\ud83d师傅', text, at: new Date() });
    await say('你好\u0000\ud83d');
    await say('我在漳江街道兴盛工地做木工，老板欠我工资5000元\udc4d，电话13900007601');
    const kept = JSON.stringify([
      await app.ctx.redis.get(`${app.ctx.config.QUEUE_PREFIX}:intake:${contactId}`),
      await app.ctx.db.collection('complaints').find({ 'sender.channelUserId': contactId }).toArray(),
    ]);
    expect(kept).toContain('老板欠我工资5000元');
    expect(kept).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}|\ufffd/i);
  });
});
