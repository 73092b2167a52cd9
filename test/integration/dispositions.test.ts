import { acceptPort, wechatBotPort } from '../../src/composition/intake';
import { retentionPort } from '../../src/composition/privacy';
import { COMPLAINT_CHANNELS } from '../../src/domain/complaint';
import type { DispositionCode } from '../../src/domain/disposition';
import type { TriageEngine } from '../../src/domain/triage-result';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

/** One text per reading the engine can give, and the disposition each must end in. */
const TEXTS: { text: string; expected: DispositionCode[] }[] = [
  { text: '我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资8000元，电话13900006601。', expected: ['lead', 'merged'] },
  { text: '请问劳动仲裁怎么申请？要准备些什么材料？', expected: ['consultation_answered'] },
  { text: '公司一直不给我交社保，也没签劳动合同，这个找哪里？', expected: ['referred'] },
  { text: '我上个月反映的欠薪问题处理得怎么样了？', expected: ['progress_query'] },
  { text: '我们公司垫资做的工程，甲方欠工程款80万一直不结。', expected: ['not_wage_arrears'] },
  { text: '加微信领红包，优惠多多', expected: ['spam_or_empty'] },
  { text: '老板欠我工资，一直不给。', expected: ['needs_details'] },
];

describe('every complaint ends in a disposition', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  async function disposed(complaintId: string) {
    return waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.disposition ? c : null;
    });
  }

  it.each([...COMPLAINT_CHANNELS])(
    'when complaints of every reading arrive on %s, then each gets its disposition, and only cases skip review',
    async (channel) => {
      const intake = acceptPort(app.ctx);
      for (const { text, expected } of TEXTS) {
        const { complaintId } = await intake.acceptComplaint({
          channel,
          dedupKey: uniqueName(channel),
          sender: { channelUserId: null, name: null, phone: null },
          operator: 'desk.op',
          text,
          turns: [],
          receivedAt: new Date(),
        });
        const c = await disposed(complaintId);
        expect({ text, code: c.disposition!.code, expected: expected.includes(c.disposition!.code) }).toEqual({
          text,
          code: c.disposition!.code,
          expected: true,
        });
        const isCase = expected.includes('lead');
        expect({ text, review: c.review?.state ?? null, lead: Boolean(c.leadId) }).toEqual({
          text,
          review: isCase ? null : 'pending',
          lead: isCase,
        });
        expect(c.dispositionLog).toEqual([expect.objectContaining({ actor: 'system', action: 'decided', code: c.disposition!.code })]);
      }
    },
  );

  it('when a WeChat contact writes something that is not a wage complaint, then it is answered and kept with its disposition', async () => {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const replies = await bot.handleMessage({
      id: uniqueName('m'),
      contactId,
      contactName: '测试用户',
      text: '请问劳动仲裁怎么申请？',
      at: new Date(),
    });
    expect(replies[0]).toContain('仲裁');
    const kept = await waitFor(async () => {
      const r = await app.ctx.repos.complaints.listForReview({ states: ['pending'], channel: 'wechat', page: 1, pageSize: 50 });
      return r.items.find((c) => c.sender.channelUserId === contactId);
    });
    expect(kept.disposition).toMatchObject({ code: 'consultation_answered', faqId: 'arbitration', decidedBy: 'system' });
  });

  it('when a labour matter is referred, then the advice given is recorded with the disposition', async () => {
    const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'onsite',
      dedupKey: uniqueName('visit'),
      sender: { channelUserId: null, name: null, phone: null },
      operator: 'desk.op',
      text: '单位没给我买社保，我要投诉',
      turns: [],
      receivedAt: new Date(),
    });
    const c = await disposed(complaintId);
    expect(c.disposition).toMatchObject({ code: 'referred', referral: 'social_insurance', advice: expect.stringContaining('社会保险') });
  });
});

describe('a complaint whose triage fails on every attempt', () => {
  const failing: TriageEngine = async () => {
    throw new Error('engine down');
  };
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: testConfig({ TRIAGE_ATTEMPTS: '1' }), triage: failing });
  });
  afterAll(() => app.stop());

  it('when the last attempt fails, then it is kept as triage_failed in the review queue, and a reviewer can make it a case', async () => {
    const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'petition',
      dedupKey: uniqueName('petition'),
      sender: { channelUserId: null, name: '林某', phone: '13900006602' },
      operator: 'desk.op',
      text: '信访件：反映陬市镇某砖厂拖欠工人工资。',
      turns: [],
      receivedAt: new Date(),
    });
    const c = await waitFor(async () => {
      const got = await app.ctx.repos.complaints.get(complaintId);
      return got?.state === 'triage_failed' ? got : null;
    });
    expect(c).toMatchObject({ disposition: { code: 'triage_failed' }, review: { state: 'pending' } });

    const { token } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('sup'), password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    const res = await fetch(`${app.url}/api/reviews/${complaintId}/overturn`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        reason: '电话回访核实',
        fields: { employer: '陬市宏兴砖厂', area: '陬市镇', amount_yuan: 30000, worker_count: 5 },
      }),
    });
    expect(res.status).toBe(201);
    const { leadId } = (await res.json()) as { leadId: string };
    expect(await app.ctx.repos.leads.get(leadId)).toMatchObject({ employer: '陬市宏兴砖厂', area: '陬市镇', amountYuan: 30000 });
    const after = await app.ctx.repos.complaints.get(complaintId);
    expect(after).toMatchObject({ leadId, disposition: { code: 'lead' }, review: { state: 'overturned', reason: '电话回访核实' } });
    expect(after!.dispositionLog.map((e) => e.action)).toEqual(['decided', 'overturned']);
  });
});

describe('the review queue over time', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('when a review is past its working-day deadline, then it shows as overdue; a reviewed chat message past its retention is anonymised, a pending one is kept', async () => {
    const bot = wechatBotPort(app.ctx);
    const ids: string[] = [];
    for (const text of ['你好', '在吗']) {
      const contactId = uniqueName('wxid');
      await bot.handleMessage({ id: uniqueName('m'), contactId, contactName: null, text, at: new Date() });
      const c = await waitFor(async () => {
        const r = await app.ctx.repos.complaints.listForReview({ states: ['pending'], channel: 'wechat', page: 1, pageSize: 50 });
        return r.items.find((x) => x.sender.channelUserId === contactId);
      });
      ids.push(c.id);
    }
    const past = new Date(Date.now() - 86_400_000);
    const expired = new Date(Date.now() - 181 * 86_400_000);
    await app.ctx.db.collection('complaints').updateMany({}, { $set: { 'review.dueBy': past, receivedAt: expired } });
    const overdue = await app.ctx.repos.complaints.listForReview({ states: ['pending'], overdueAt: new Date(), page: 1, pageSize: 50 });
    expect(overdue.items.map((c) => c.id)).toEqual(expect.arrayContaining(ids));

    const { user } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('sup'), password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    const c0 = (await app.ctx.repos.complaints.get(ids[0]!))!;
    await app.ctx.repos.complaints.decideReview(
      ids[0]!,
      ['pending'],
      {
        disposition: c0.disposition!,
        review: { ...c0.review!, state: 'confirmed', decidedBy: user.id, decidedAt: new Date(), reason: '无效信息' },
        event: { at: new Date(), actor: user.id, action: 'confirmed', code: c0.disposition!.code, reason: '无效信息' },
      },
      null,
    );
    expect(await retentionPort(app.ctx).apply()).toMatchObject({ nonLeadComplaints: 1 });
    expect(await app.ctx.repos.complaints.get(ids[0]!)).toMatchObject({ sender: { channelUserId: null, name: null, phone: null } });
    expect(await app.ctx.repos.complaints.get(ids[1]!)).toMatchObject({ text: '在吗' });
  });
});
