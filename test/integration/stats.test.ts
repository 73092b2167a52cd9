import type { ComplaintChannel } from '../../src/domain/triage-result';
import { rulesOnly } from '../../src/domain/triage-result';
import { createStaffUser } from '../../src/services/staff-accounts';
import { caseDisposition, nonCaseDisposition, type DispositionPolicy } from '../../src/services/review/disposition-policy';
import { DEFAULT_REFERRALS } from '../../src/domain/disposition';

const POLICY: DispositionPolicy = { faqIdFor: () => null, referrals: DEFAULT_REFERRALS, reviewDueBy: (at) => at };
import { startTestApp, type TestApp } from '../support/test-app';

/** A year shaped like the bureau's 2022 report: complaints by channel, and recoveries adding up to 3529.04万元 for 1,597 workers. */
async function loadYear2022(app: TestApp): Promise<void> {
  const channels: [ComplaintChannel, number][] = [
    ['national_platform', 128],
    ['onsite', 106],
    ['hotline', 64],
    ['media', 14],
    ['petition', 3],
  ];
  let n = 0;
  for (const [channel, count] of channels) {
    for (let i = 0; i < count; i++) {
      n++;
      const { complaint } = await app.ctx.repos.complaints.insertOnce({
        channel,
        dedupKey: `y2022-${channel}-${i}`,
        sender: { channelUserId: null, name: null, phone: null },
        operator: null,
        text: `模拟投诉 ${n}`,
        turns: [],
        receivedAt: new Date(Date.UTC(2022, n % 12, 1 + (n % 27), 3)),
      });
      const wage = n % 3 !== 0;
      await app.ctx.repos.complaints.markTriaged(
        complaint.id,
        rulesOnly({
          category: wage ? 'wage_arrears' : 'consultation',
          employer: null,
          project: null,
          location: null,
          amount_yuan: null,
          worker_count: null,
          phone: null,
          sector: null,
          urgency: 'normal',
        }),
        null,
        wage
          ? caseDisposition(complaint.id, true, 'system', complaint.receivedAt)
          : nonCaseDisposition(
              POLICY,
              { code: 'consultation_answered', referral: null, faqId: 'arbitration', reason: '咨询' },
              complaint.receivedAt,
            ),
      );
    }
  }
  // One complaint from the year before and after: outside the period.
  await app.ctx.repos.complaints.insertOnce({
    channel: 'onsite',
    dedupKey: 'y2021',
    sender: { channelUserId: null, name: null, phone: null },
    operator: null,
    text: '模拟',
    turns: [],
    receivedAt: new Date('2021-12-31T15:00:00Z'),
  });

  const amounts = [12_000_000, 8_500_000, 6_290_400, 4_000_000, 2_500_000, 2_000_000]; // 35,290,400 yuan
  const workers = [500, 400, 300, 200, 117, 80]; // 1,597
  for (let i = 0; i < amounts.length; i++) {
    const { complaint } = await app.ctx.repos.complaints.insertOnce({
      channel: 'onsite',
      dedupKey: `case-src-${i}`,
      sender: { channelUserId: null, name: null, phone: null },
      operator: null,
      text: 'x',
      turns: [],
      receivedAt: new Date('2023-03-01T00:00:00Z'),
    });
    const { lead } = await app.ctx.repos.leads.createOnce({
      caseNumber: `WA20220101-${String(i + 1).padStart(4, '0')}`,
      category: 'wage_arrears',
      employer: `测试建设${i}`,
      project: null,
      location: null,
      amountYuan: amounts[i]!,
      workerCount: workers[i]!,
      phone: null,
      sector: 'construction',
      urgency: 'high',
      area: '漳江街道',
      department: null,
      priority: 'urgent',
      channel: 'onsite',
      deadlines: null,
      originComplaintId: complaint.id,
      employerKey: null,
      projectKey: null,
      reports: [],
      complaintIds: [complaint.id],
      complainantIds: [],
      timeline: [],
    });
    await app.ctx.repos.leads.addRecovery(
      lead.id,
      {
        amountYuan: amounts[i]!,
        workersPaid: workers[i]!,
        date: new Date(Date.UTC(2022, i * 2, 10)),
        note: null,
        actor: 'test',
        recordedAt: new Date(),
      },
      { at: new Date(), type: 'recovery_recorded', actor: 'test', note: null, changes: [] },
    );
  }
  // A 2023 recovery must not count in 2022.
  const extra = (await app.ctx.repos.leads.list({ page: 1, pageSize: 1 })).items[0]!;
  await app.ctx.repos.leads.addRecovery(
    extra.id,
    { amountYuan: 99_999, workersPaid: 9, date: new Date('2023-02-01T00:00:00Z'), note: null, actor: 'test', recordedAt: new Date() },
    { at: new Date(), type: 'recovery_recorded', actor: 'test', note: null, changes: [] },
  );
}

describe('statistics and the annual-report paragraph', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    tokens.sup = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'sup', password: 'a-long-test-password', role: 'supervisor', area: null },
      )
    ).token;
    tokens.insp = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'insp', password: 'a-long-test-password', role: 'inspector', area: '漳江街道' },
      )
    ).token;
    await loadYear2022(app);
  }, 120_000);
  afterAll(() => app.stop());

  const get = (who: string, path: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  it('when the year matches the 2022 report, then the paragraph states its figures by channel, the money and the workers', async () => {
    const res = await get('sup', '/api/stats/report?year=2022');
    expect(res.status).toBe(200);
    const { paragraph } = (await res.json()) as { paragraph: string };
    for (const phrase of [
      '全国欠薪平台投诉128条',
      '现场投诉106条',
      '政务热线投诉64条',
      '网络平台及媒体投诉14条',
      '信访投诉3条',
      '3529.04万元',
      '1597人',
      // The one recovery of the Spring Festival weeks (10 January).
      '其中，春节期间帮助500名农民工讨回工资1200.00万元',
    ]) {
      expect(paragraph).toContain(phrase);
    }
    // No calls to the complaint line this year: the report says nothing about them.
    expect(paragraph).not.toContain('电话投诉');
  });

  it('when statistics are asked for a period, then complaints, valid leads and recoveries are counted within it', async () => {
    const res = await get('sup', '/api/stats?from=2022-01-01&to=2022-12-31');
    expect(res.status).toBe(200);
    const s = (await res.json()) as {
      complaints: { total: number; byChannel: Record<string, number> };
      validLeads: { total: number };
      recovered: { yuan: number; workers: number };
    };
    expect(s.complaints.total).toBe(315);
    expect(s.complaints.byChannel).toEqual({ national_platform: 128, onsite: 106, hotline: 64, media: 14, petition: 3 });
    expect(s.validLeads.total).toBe(210);
    expect(s.recovered).toMatchObject({ yuan: 35_290_400, workers: 1597 });
  });

  it('when an inspector or a bad query asks, then it is refused', async () => {
    expect((await get('insp', '/api/stats/report?year=2022')).status).toBe(403);
    expect((await get('sup', '/api/stats?from=2022-13-01&to=2022-12-31')).status).toBe(400);
    expect((await get('sup', '/api/stats/report?year=[$gt]')).status).toBe(400);
  });
});
