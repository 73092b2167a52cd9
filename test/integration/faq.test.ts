import { FAQ_FALLBACK, type FaqInput } from '../../src/domain/faq';
import type { StaffUser } from '../../src/domain/staff';
import { deskDeps } from '../../src/composition/desk';
import { faqPagesPort } from '../../src/composition/faq';
import { wechatBotPort } from '../../src/composition/intake';
import { createFaqVersion } from '../../src/redis/faq-version';
import { checkAtDesk } from '../../src/services/desk/desk-intake';
import { createFaqCatalog } from '../../src/services/faq/faq-catalog';
import { faqSeed, seedFaq } from '../../src/services/faq/faq-seed';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const QUESTION = '请问农忙时节请假回家，工资怎么算？';
const HARVEST: FaqInput = {
  keywords: ['农忙+请假', '秋收+请假'],
  answer: '农忙时节请假回家的，请假期间用人单位可以不支付工资；已经干完的活，工资应当按约定的周期照付，不能因请假扣押。',
  source: '《保障农民工工资支付条例》第十二条',
  order: 100,
  enabled: true,
};

describe('the bureau’s FAQ in the store', () => {
  let app: TestApp;
  let admin: StaffUser;
  beforeAll(async () => {
    app = await startTestApp();
    ({ user: admin } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('admin'), password: 'a-long-test-password', role: 'admin', area: null },
    ));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('when the product first starts on an empty store, then the shipped entries are there, the former four under their ids', async () => {
    const entries = await app.ctx.repos.faq.list();
    expect(entries).toHaveLength(faqSeed(new Date()).length);
    expect(entries.length).toBeGreaterThanOrEqual(20);
    expect(entries.find((e) => e.id === 'arbitration')).toMatchObject({
      enabled: true,
      updatedBy: 'system',
      source: expect.stringContaining('劳动争议调解仲裁法'),
    });
    for (const id of ['where_to_complain', 'subcontracting', 'pay_schedule']) expect(entries.map((e) => e.id)).toContain(id);
  });

  it('when seeding runs again, or from two processes at once on an empty store, then each entry is there once and an edited FAQ is left alone', async () => {
    expect(await seedFaq(app.ctx.repos.faq)).toBe(0);
    await app.ctx.db.collection('faq_entries').deleteMany({});
    const written = await Promise.all([seedFaq(app.ctx.repos.faq), seedFaq(app.ctx.repos.faq), seedFaq(app.ctx.repos.faq)]);
    const entries = await app.ctx.repos.faq.list();
    expect(entries).toHaveLength(faqSeed(new Date()).length);
    expect(written.reduce((a, b) => a + b, 0)).toBe(entries.length);

    const port = faqPagesPort(app.ctx);
    await port.setFaqEnabled(admin, 'minimum_wage', false);
    expect(await seedFaq(app.ctx.repos.faq)).toBe(0);
    expect(await app.ctx.repos.faq.get('minimum_wage')).toMatchObject({ enabled: false, updatedBy: admin.username });
    await port.setFaqEnabled(admin, 'minimum_wage', true);
  });

  it('when an admin adds an entry, then WeChat, triage’s disposition and the hotline desk answer from it; disabled, it answers nobody', async () => {
    const port = faqPagesPort(app.ctx);
    const before = await checkAtDesk(deskDeps(app.ctx), { channel: 'hotline', receivedAt: new Date(), text: QUESTION });
    expect(before.proposal).toMatchObject({ code: 'consultation_answered', tellCaller: expect.stringContaining(FAQ_FALLBACK.answer) });

    const added = await port.createFaqEntry(admin, HARVEST);
    expect(added.id).toMatch(/^faq_[0-9a-f]{10}$/);

    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const replies = await bot.handleMessage({ id: uniqueName('m'), contactId, contactName: '秦师傅', text: QUESTION, at: new Date() });
    expect(replies.at(-1)).toContain(`${HARVEST.answer}\n（依据：${HARVEST.source}）`);
    const kept = await waitFor(async () => {
      const r = await app.ctx.repos.complaints.listForReview({ states: ['pending'], channel: 'wechat', page: 1, pageSize: 50 });
      return r.items.find((c) => c.sender.channelUserId === contactId && c.disposition);
    });
    expect(kept.disposition).toMatchObject({ code: 'consultation_answered', faqId: added.id });

    const atDesk = await checkAtDesk(deskDeps(app.ctx), { channel: 'hotline', receivedAt: new Date(), text: QUESTION });
    expect(atDesk.proposal.tellCaller).toBe(`${HARVEST.answer}（依据：${HARVEST.source}）`);

    await port.setFaqEnabled(admin, added.id, false);
    const after = await bot.handleMessage({
      id: uniqueName('m'),
      contactId: uniqueName('wxid'),
      contactName: null,
      text: QUESTION,
      at: new Date(),
    });
    expect(after.at(-1)).not.toContain(HARVEST.answer);
    expect(after.at(-1)).toContain(FAQ_FALLBACK.answer);
    expect((await app.ctx.repos.audit.latest(10)).map((e) => [e.action, e.subject])).toEqual(
      expect.arrayContaining([
        ['faq_created', `faq:${added.id}`],
        ['faq_disabled', `faq:${added.id}`],
      ]),
    );
  });

  it('when an admin changes an entry in one process, then another process answers with the change at its next version check', async () => {
    const elsewhere = createFaqCatalog({
      list: () => app.ctx.repos.faq.list(),
      version: createFaqVersion(app.ctx.redis, app.ctx.config.QUEUE_PREFIX),
      fallback: [],
      checkEveryMs: 0,
      maxAgeMs: 3_600_000,
    });
    expect((await elsewhere.answerFor('怎么申请仲裁')).id).toBe('arbitration');
    const edited = {
      ...HARVEST,
      keywords: ['仲裁'],
      answer: '本县劳动人事争议仲裁院在县政务服务中心二楼，工作日可当面申请。',
      source: '《中华人民共和国劳动争议调解仲裁法》第二十八条',
      order: 1,
    };
    const port = faqPagesPort(app.ctx);
    await port.updateFaqEntry(admin, 'arbitration', edited);
    expect(await elsewhere.answerFor('怎么申请仲裁')).toMatchObject({ id: 'arbitration', answer: edited.answer });
    expect(await app.ctx.faq.answerFor('怎么申请仲裁')).toMatchObject({ id: 'arbitration', answer: edited.answer });
  });

  it('when someone other than an admin tries to change the FAQ, then it is refused', async () => {
    const { user: inspector } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('insp'), password: 'a-long-test-password', role: 'inspector', area: '漳江街道' },
    );
    await expect(faqPagesPort(app.ctx).createFaqEntry(inspector, HARVEST)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });
});
