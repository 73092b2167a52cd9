import { DEFAULT_REFERRALS, type DispositionCode } from '../../src/domain/disposition';
import type { ComplaintChannel } from '../../src/domain/triage-result';
import { rulesOnly } from '../../src/domain/triage-result';
import { caseDisposition, nonCaseDisposition, type DispositionPolicy } from '../../src/services/review/disposition-policy';
import { createStaffUser } from '../../src/services/staff-accounts';
import type { Statistics } from '../../src/services/statistics';
import { startTestApp, type TestApp } from '../support/test-app';

/** Section 三(一)3(1) of the bureau's 2022 report, as written there. */
const SEED =
  '(1)欠薪线索处理迅速。处理全国欠薪平台投诉128条,受理劳动者现场投诉106条、政务热线投诉64条、网络平台及媒体投诉14条、信访投诉3条。' +
  '接到劳动者电话投诉1300余条,其中,受理电话投诉有效线索131条。累计帮助农民工讨回工资约3529.04万元,涉及人数约1597人,' +
  '其中,春节期间帮助974名农民工讨回工资2292.57万元。';

const POLICY: DispositionPolicy = { faqIdFor: () => null, referrals: DEFAULT_REFERRALS, reviewDueBy: (at) => at };
const AREAS = ['漳江街道', '陬市镇', '桃花源镇'] as const;
const NON_CASE: Exclude<DispositionCode, 'lead' | 'merged'>[] = [
  'consultation_answered',
  'referred',
  'not_wage_arrears',
  'progress_query',
  'spam_or_empty',
  'needs_details',
  'triage_failed',
];

/**
 * A fictional 2022 in the report's shape, per channel: complaints received, how many opened a case and
 * how many joined one (the valid leads), and how many are still waiting for triage. Everything else
 * gets one of the other dispositions in turn.
 */
const YEAR: { channel: ComplaintChannel; received: number; lead: number; merged: number; undecided: number }[] = [
  { channel: 'national_platform', received: 128, lead: 88, merged: 8, undecided: 0 },
  { channel: 'onsite', received: 106, lead: 75, merged: 7, undecided: 0 },
  { channel: 'hotline', received: 64, lead: 38, merged: 3, undecided: 0 },
  { channel: 'wechat', received: 6, lead: 3, merged: 0, undecided: 0 },
  { channel: 'wechat_oa', received: 3, lead: 2, merged: 0, undecided: 0 },
  { channel: 'wecom', received: 2, lead: 1, merged: 0, undecided: 0 },
  { channel: 'media', received: 3, lead: 3, merged: 0, undecided: 0 },
  { channel: 'petition', received: 3, lead: 2, merged: 0, undecided: 0 },
  { channel: 'phone', received: 1342, lead: 119, merged: 12, undecided: 6 },
];

/** Recoveries of 2022 (China time): 3529.04万元 for 1,597 workers, of which 2292.57万元 for 974 in the Spring Festival weeks. */
const RECOVERIES: { day: string; yuan: number; workers: number }[] = [
  // The default campaign of 2022: 30 days before the Spring Festival (1 February) to 正月十五, 2 to 15 February.
  { day: '2022-01-02', yuan: 3_200_000, workers: 150 },
  { day: '2022-01-18', yuan: 5_612_300, workers: 236 },
  { day: '2022-01-25', yuan: 7_013_400, workers: 301 },
  { day: '2022-02-09', yuan: 4_600_000, workers: 187 },
  { day: '2022-02-15', yuan: 2_500_000, workers: 100 },
  // The rest of the year, the days either side of the campaign included.
  { day: '2022-01-01', yuan: 1_000_000, workers: 40 },
  { day: '2022-02-16', yuan: 2_364_700, workers: 123 },
  { day: '2022-05-20', yuan: 3_000_000, workers: 160 },
  { day: '2022-08-08', yuan: 4_000_000, workers: 200 },
  { day: '2022-11-30', yuan: 2_000_000, workers: 100 },
];

/** A merged complaint joins the last case its channel opened in the same township (every third complaint). */
const sameArea = (i: number, lead: number) => {
  let j = i;
  while (j >= lead) j -= AREAS.length;
  return j;
};

/** What the load put where, to compare the API's funnel with. */
interface Expected {
  received: number;
  byCode: Record<string, number>;
  undecided: number;
  cases: Set<string>;
}

async function loadYear(app: TestApp): Promise<Record<string, Expected>> {
  const { complaints, leads } = app.ctx.repos;
  const expected: Record<string, Expected> = {};
  const tally = (area: string) => (expected[area] ??= { received: 0, byCode: {}, undecided: 0, cases: new Set() });
  const plan = YEAR.flatMap((c) =>
    Array.from({ length: c.received }, (_, i) => ({
      channel: c.channel,
      i,
      lead: c.lead,
      area: AREAS[i % AREAS.length]!,
      kind: i < c.lead ? 'lead' : i < c.lead + c.merged ? 'merged' : i < c.received - c.undecided ? 'other' : 'undecided',
      // Spread over the year, in China time.
      receivedAt: new Date(Date.UTC(2022, i % 12, 1 + (i % 28), 2)),
    })),
  );
  // Inserts made together are written in batches (group insert): the whole year loads in a few commands.
  const stored = await Promise.all(
    plan.map((p) =>
      complaints.insertOnce({
        channel: p.channel,
        dedupKey: `seed-2022-${p.channel}-${p.i}`,
        sender: { channelUserId: null, name: null, phone: null },
        operator: null,
        text: `模拟投诉：${p.area}某工地欠薪（${p.channel} ${p.i}）`,
        turns: [],
        receivedAt: p.receivedAt,
      }),
    ),
  );
  const opened = await Promise.all(
    plan.map((p, k) =>
      p.kind !== 'lead'
        ? Promise.resolve(null)
        : leads.createOnce({
            caseNumber: `WA2022SEED-${String(k).padStart(4, '0')}`,
            category: 'wage_arrears',
            employer: `模拟劳务公司${k}`,
            project: null,
            location: null,
            amountYuan: 10_000,
            workerCount: 1,
            phone: null,
            sector: 'construction',
            urgency: 'normal',
            area: p.area,
            department: null,
            priority: 'normal',
            channel: p.channel,
            deadlines: null,
            originComplaintId: stored[k]!.complaint.id,
            employerKey: null,
            projectKey: null,
            reports: [],
            complaintIds: [stored[k]!.complaint.id],
            complainantIds: [],
            timeline: [],
          }),
    ),
  );
  let other = 0;
  await Promise.all(
    plan.map((p, k) => {
      // A complaint waiting for triage has no township yet: it counts for the county only.
      const e = tally(p.kind === 'undecided' ? '' : p.area);
      e.received += 1;
      if (p.kind === 'undecided') {
        e.undecided += 1;
        return Promise.resolve();
      }
      const c = stored[k]!.complaint;
      const leadId =
        p.kind === 'lead' ? opened[k]!.lead.id : p.kind === 'merged' ? opened[k - (p.i - sameArea(p.i, p.lead))]!.lead.id : null;
      const code: DispositionCode = p.kind === 'lead' || p.kind === 'merged' ? p.kind : NON_CASE[other++ % NON_CASE.length]!;
      e.byCode[code] = (e.byCode[code] ?? 0) + 1;
      if (leadId) e.cases.add(leadId);
      const triage = rulesOnly({
        category: leadId ? 'wage_arrears' : 'consultation',
        employer: null,
        project: null,
        location: null,
        area: p.area,
        amount_yuan: null,
        worker_count: null,
        phone: null,
        sector: null,
        urgency: 'normal',
      });
      return complaints.markTriaged(
        c.id,
        triage,
        leadId,
        leadId
          ? caseDisposition(leadId, p.kind === 'lead', 'system', c.receivedAt)
          : nonCaseDisposition(
              POLICY,
              { code: code as (typeof NON_CASE)[number], referral: null, faqId: null, reason: '模拟' },
              c.receivedAt,
            ),
      );
    }),
  );
  return expected;
}

/** The recoveries, on cases of the first township, then what became of some cases (recorded before closing). */
async function loadRecoveries(app: TestApp, caseIds: string[]): Promise<void> {
  const { leads } = app.ctx.repos;
  const event = { at: new Date(), type: 'recovery_recorded', actor: 'test', note: null, changes: [] };
  const entry = (day: string, yuan: number, workers: number) => ({
    amountYuan: yuan,
    workersPaid: workers,
    date: new Date(`${day}T00:00:00+08:00`),
    note: null,
    actor: 'test',
    recordedAt: new Date(),
  });
  await Promise.all(RECOVERIES.map((r, i) => leads.addRecovery(caseIds[i]!, entry(r.day, r.yuan, r.workers), event)));
  // The years either side do not count in 2022.
  await leads.addRecovery(caseIds[0]!, entry('2021-12-31', 99_999, 9), event);
  await leads.addRecovery(caseIds[1]!, entry('2023-01-01', 88_888, 8), event);
  const change = { at: new Date(), type: 'status_changed', actor: 'test', note: null, changes: [] };
  await Promise.all([
    leads.applyChange(caseIds[0]!, 'new', { status: 'resolved' }, change),
    leads.applyChange(caseIds[1]!, 'new', { status: 'closed', outcomeCode: 'paid_in_full' }, change),
    leads.applyChange(caseIds[2]!, 'new', { status: 'closed', outcomeCode: 'paid_in_part' }, change),
    // Neither resolved nor paid: not counted as resolved.
    leads.applyChange(caseIds[3]!, 'new', { status: 'closed', outcomeCode: 'not_arrears' }, change),
    leads.applyChange(caseIds[4]!, 'new', { status: 'investigating' }, change),
  ]);
}

describe('the annual-report paragraph in the shape of the bureau’s 2022 report', () => {
  let app: TestApp;
  let expected: Record<string, Expected>;
  let zhangjiangCases: string[];
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    const make = async (username: string, role: 'supervisor' | 'admin', area: string | null) =>
      (await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role, area })).token;
    tokens.admin = await make('admin', 'admin', null);
    tokens.supZj = await make('sup-zj', 'supervisor', '漳江街道');
    expected = await loadYear(app);
    zhangjiangCases = [...expected['漳江街道']!.cases];
    await loadRecoveries(app, zhangjiangCases);
  }, 60_000);
  afterAll(() => app.stop());

  const get = async <T>(who: string, path: string): Promise<T> => {
    const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  it('when the year holds the report’s figures, then the paragraph states each of them in the report’s sentences', async () => {
    const { paragraph, campaign } = await get<{ paragraph: string; campaign: Record<string, unknown> }>(
      'admin',
      '/api/stats/report?year=2022',
    );
    for (const phrase of [
      '处理全国欠薪平台投诉128条',
      '受理劳动者现场投诉106条',
      '政务热线投诉64条',
      '网络平台及媒体投诉14条',
      '信访投诉3条',
      '接到劳动者电话投诉1300余条，其中，受理电话投诉有效线索131条',
      '累计帮助农民工讨回工资约3529.04万元，涉及人数约1597人',
      '其中，春节期间帮助974名农民工讨回工资2292.57万元',
    ]) {
      expect(paragraph).toContain(phrase);
    }
    // Sentence for sentence the report's own, in the product's full-width punctuation.
    expect(paragraph).toBe(SEED.replace('(1)', '').replaceAll(',', '，'));
    expect(campaign).toEqual({ name: '春节期间', first: '2022-01-02', last: '2022-02-15', yuan: 22_925_700, workers: 974 });
  });

  it('when the funnel of the year is asked for, then every complaint is accounted for, stage by stage', async () => {
    const s = await get<Statistics>('admin', '/api/stats?from=2022-01-01&to=2022-12-31');
    const f = s.funnel;
    expect(s.area).toBeNull();
    expect(f.received.total).toBe(1657);
    expect(f.received.byChannel).toMatchObject({ phone: 1342, national_platform: 128, onsite: 106, hotline: 64, petition: 3 });
    const decided = Object.values(f.dispositions.byCode).reduce((a, b) => a + b, 0);
    expect(decided + f.dispositions.undecided).toBe(f.received.total);
    expect(f.dispositions.undecided).toBe(6);
    expect(f.dispositions.byCode.lead + f.dispositions.byCode.merged).toBe(f.validLeads.total);
    expect(f.validLeads.total).toBe(YEAR.reduce((a, c) => a + c.lead + c.merged, 0));
    expect(f.validLeads.byChannel.phone).toBe(131);
    expect(f.cases.total).toBe(YEAR.reduce((a, c) => a + c.lead, 0));
    expect(f.resolved).toBe(3);
    expect(f.recovered).toEqual({ yuan: 35_290_400, workers: 1597 });
    expect(s.validLeads).toEqual(f.validLeads);
  });

  it('when a township is asked for, then its complaints by triaged township and its cases count; a supervisor of an area always gets theirs', async () => {
    const mine = expected['漳江街道']!;
    const s = await get<Statistics>('admin', `/api/stats?from=2022-01-01&to=2022-12-31&area=${encodeURIComponent('漳江街道')}`);
    expect(s.area).toBe('漳江街道');
    expect(s.funnel.received.total).toBe(mine.received);
    expect(s.funnel.dispositions.byCode).toMatchObject(mine.byCode);
    expect(s.funnel.dispositions.undecided).toBe(mine.undecided);
    expect(s.funnel.cases.total).toBe(mine.cases.size);
    expect(s.funnel.resolved).toBe(3);
    expect(s.funnel.recovered).toEqual({ yuan: 35_290_400, workers: 1597 });

    const other = await get<Statistics>('admin', `/api/stats?from=2022-01-01&to=2022-12-31&area=${encodeURIComponent('陬市镇')}`);
    expect(other.funnel.received.total).toBe(expected['陬市镇']!.received);
    expect(other.funnel.recovered).toEqual({ yuan: 0, workers: 0 });

    for (const asked of ['', `&area=${encodeURIComponent('陬市镇')}`]) {
      const own = await get<Statistics>('supZj', `/api/stats?from=2022-01-01&to=2022-12-31${asked}`);
      expect(own.area).toBe('漳江街道');
      expect(own.funnel).toEqual(s.funnel);
    }
    const report = await get<{ area: string; paragraph: string }>('supZj', '/api/stats/report?year=2022');
    expect(report.area).toBe('漳江街道');
    expect(report.paragraph).toContain('累计帮助农民工讨回工资约3529.04万元');
  });
});
