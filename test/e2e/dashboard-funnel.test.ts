import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_REFERRALS, type DispositionCode } from '../../src/domain/disposition';
import { campaignDays } from '../../src/domain/report-campaign';
import { rulesOnly, type ComplaintChannel } from '../../src/domain/triage-result';
import { caseDisposition, nonCaseDisposition, type DispositionPolicy } from '../../src/services/review/disposition-policy';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startTestApp, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
const DAY = 86_400_000;
jest.setTimeout(60_000);

const POLICY: DispositionPolicy = { faqIdFor: () => null, referrals: DEFAULT_REFERRALS, reviewDueBy: (at) => at };
const AREAS = ['漳江街道', '陬市镇', '桃花源镇', '浔阳街道', '热市镇'] as const;
const NON_CASE: Exclude<DispositionCode, 'lead' | 'merged'>[] = [
  'consultation_answered',
  'consultation_answered',
  'progress_query',
  'referred',
  'not_wage_arrears',
  'needs_details',
  'spam_or_empty',
  'consultation_answered',
  'progress_query',
  'triage_failed',
];
/** Eleven weeks of a fictional county: per channel, complaints received, cases opened and complaints joining them. */
const WEEKS: { channel: ComplaintChannel; received: number; lead: number; merged: number }[] = [
  { channel: 'phone', received: 180, lead: 24, merged: 5 },
  { channel: 'national_platform', received: 24, lead: 14, merged: 2 },
  { channel: 'onsite', received: 20, lead: 12, merged: 2 },
  { channel: 'hotline', received: 14, lead: 7, merged: 1 },
  { channel: 'wechat', received: 8, lead: 3, merged: 0 },
  { channel: 'wechat_oa', received: 4, lead: 2, merged: 0 },
  { channel: 'media', received: 2, lead: 1, merged: 0 },
  { channel: 'petition', received: 1, lead: 1, merged: 0 },
];
const EMPLOYERS = [
  '鑫达建设',
  '宏远劳务',
  '恒通物流',
  '兴旺建筑',
  '锦绣装饰',
  '顺丰达运输',
  '金穗农业',
  '华美制衣',
  '嘉利餐饮',
  '德胜钢构',
];

type Kind = 'lead' | 'merged' | 'other' | 'undecided';
const kindOf = (i: number, c: (typeof WEEKS)[number]): Kind => (i < c.lead ? 'lead' : i < c.lead + c.merged ? 'merged' : 'other');

/** A merged complaint joins the last case its channel opened in the same township (every fifth complaint). */
const sameArea = (i: number, lead: number) => {
  let j = i;
  while (j >= lead) j -= AREAS.length;
  return j;
};

interface Figures {
  received: number;
  undecided: number;
  valid: number;
  cases: Set<string>;
}

/** Loads the weeks through the repositories; returns the figures of the county ('') and of each township. */
async function loadWeeks(app: TestApp, now: Date, from: Date): Promise<{ figures: Record<string, Figures>; recoveredYuan: number }> {
  const { complaints, leads } = app.ctx.repos;
  const figures: Record<string, Figures> = {};
  const count = (key: string) => (figures[key] ??= { received: 0, undecided: 0, valid: 0, cases: new Set() });
  const plan = WEEKS.flatMap((c) =>
    Array.from({ length: c.received }, (_, i) => ({
      channel: c.channel,
      i,
      lead: c.lead,
      area: AREAS[i % AREAS.length]!,
      kind: kindOf(i, c),
      receivedAt: new Date(now.getTime() - ((i * 7 + c.received) % 76) * DAY - 3_600_000),
    })),
  );
  // The three newest calls wait for triage.
  for (const p of plan.filter((x) => x.channel === 'phone').slice(-3)) {
    p.kind = 'undecided';
    p.receivedAt = new Date(now.getTime() - 60_000);
  }
  const stored = await Promise.all(
    plan.map((p) =>
      complaints.insertOnce({
        channel: p.channel,
        dedupKey: `e2e-funnel-${p.channel}-${p.i}`,
        sender: { channelUserId: null, name: null, phone: null },
        operator: null,
        text: `模拟投诉：${p.area}某工地欠薪`,
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
            caseNumber: `WA${new Date(p.receivedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}-${String(k).padStart(4, '0')}`,
            category: 'wage_arrears',
            employer: `${EMPLOYERS[k % EMPLOYERS.length]}有限公司`,
            project: null,
            location: null,
            amountYuan: 20_000 + (k % 7) * 5_000,
            workerCount: 1 + (k % 5),
            phone: null,
            sector: 'construction',
            urgency: 'normal',
            area: p.area,
            department: null,
            priority: 'normal',
            channel: p.channel,
            deadlines: null,
            originComplaintId: stored[k]!.complaint.id,
            employerKey: EMPLOYERS[k % EMPLOYERS.length] ?? null,
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
      const county = count('');
      county.received += 1;
      if (p.kind === 'undecided') {
        county.undecided += 1;
        return Promise.resolve();
      }
      const mine = count(p.area);
      mine.received += 1;
      const leadId =
        p.kind === 'lead' ? opened[k]!.lead.id : p.kind === 'merged' ? opened[k - (p.i - sameArea(p.i, p.lead))]!.lead.id : null;
      const code: DispositionCode = p.kind === 'lead' || p.kind === 'merged' ? p.kind : NON_CASE[other++ % NON_CASE.length]!;
      if (leadId) {
        for (const f of [county, mine]) {
          f.valid += 1;
          f.cases.add(leadId);
        }
      }
      const c = stored[k]!.complaint;
      return complaints.markTriaged(
        c.id,
        rulesOnly({
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
        }),
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
  // Money recovered on a few cases of the last weeks, and in the Spring Festival weeks of the year.
  const caseIds = opened.flatMap((o) => (o ? [o.lead.id] : []));
  // The report on the dashboard is of the year the period starts in.
  const festival = campaignDays(new Date(from.getTime() + 8 * 3_600_000).getUTCFullYear(), { name: '', from: null, to: null });
  const recoveries: [number, Date, number, number][] = [
    [0, new Date(now.getTime() - 40 * DAY), 186_000, 12],
    [1, new Date(now.getTime() - 20 * DAY), 94_500, 7],
    [2, new Date(now.getTime() - 6 * DAY), 320_000, 21],
    [3, new Date(`${festival.first}T10:00:00+08:00`), 452_000, 30],
  ];
  const event = { at: now, type: 'recovery_recorded', actor: 'test', note: null, changes: [] };
  for (const [i, date, yuan, workers] of recoveries) {
    await leads.addRecovery(
      caseIds[i]!,
      { amountYuan: yuan, workersPaid: workers, date, note: null, actor: 'test', recordedAt: now },
      event,
    );
  }
  const change = { at: now, type: 'status_changed', actor: 'test', note: null, changes: [] };
  await leads.applyChange(caseIds[0]!, 'new', { status: 'closed', outcomeCode: 'paid_in_full' }, change);
  await leads.applyChange(caseIds[1]!, 'new', { status: 'resolved' }, change);
  await leads.applyChange(caseIds[2]!, 'new', { status: 'resolved' }, change);
  const recoveredYuan = recoveries.filter(([, date]) => date >= from && date <= now).reduce((a, [, , yuan]) => a + yuan, 0);
  return { figures, recoveredYuan };
}

describe('the dashboard’s funnel in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let figures: Record<string, Figures>;
  let recoveredYuan: number;
  let query: string;
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  const signIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    context.on('page', (p) => {
      p.on('console', (m) => {
        // A missing favicon is no script error.
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
      });
      p.on('pageerror', (e) => pageErrors.push(e.message));
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };
  const stage = async (page: Page, key: string) => Number(await page.textContent(`#funnel tr[data-stage=${key}] td.num b`));

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp({ worker: false });
    const make = (username: string, role: 'supervisor' | 'admin', area: string | null) =>
      createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
    await make('sup', 'supervisor', null);
    await make('sup-zj', 'supervisor', '漳江街道');
    const now = new Date();
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = day(new Date(now.getTime() - 77 * DAY));
    query = `from=${from}&to=${day(now)}`;
    ({ figures, recoveredYuan } = await loadWeeks(app, now, new Date(`${from}T00:00:00+08:00`)));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });

  it('when a county supervisor opens the dashboard, then the funnel shows each stage of the period, and a township narrows it', async () => {
    const page = await signIn('sup');
    await page.goto(`${app.url}/console/dashboard?${query}`);
    const county = figures['']!;
    expect(await page.textContent('#scope')).toContain('全县');
    expect(await stage(page, 'received')).toBe(county.received);
    expect(await stage(page, 'decided')).toBe(county.received - county.undecided);
    expect(await stage(page, 'valid')).toBe(county.valid);
    expect(await stage(page, 'cases')).toBe(county.cases.size);
    expect(await stage(page, 'resolved')).toBe(3);
    expect(await page.textContent('#funnel tr[data-stage=received]')).toContain('100.0%');
    expect(await page.textContent('#funnel tr[data-stage=recovered]')).toContain(`${recoveredYuan.toLocaleString('zh-CN')} 元`);
    expect(await page.textContent('#funnel tr[data-code=undecided] td.num')).toBe(String(county.undecided));
    expect(await page.textContent('#funnel tr.detail')).toContain('电话投诉 180');
    expect(await page.textContent('#report-text')).toContain('接到劳动者电话投诉');
    await waitFor(() => page.evaluate<boolean>("Boolean(window.Chart && window.Chart.getChart('chart-weekly'))"), 5000, 'the chart');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-funnel.png'), fullPage: true });

    await page.selectOption('form.filters select[name=area]', '陬市镇');
    await Promise.all([page.waitForURL(/area=/), page.click('form.filters button[type=submit]')]);
    const zoushi = figures['陬市镇']!;
    expect(await page.textContent('#scope')).toContain('陬市镇');
    expect(await stage(page, 'received')).toBe(zoushi.received);
    expect(await stage(page, 'valid')).toBe(zoushi.valid);
    expect(await stage(page, 'cases')).toBe(zoushi.cases.size);
    expect(await page.textContent('#report h2')).toContain('陬市镇');
    await page.close();
  });

  it('when a supervisor of one township opens it, then only that township is shown, whatever the address asks for', async () => {
    const page = await signIn('sup-zj');
    await page.goto(`${app.url}/console/dashboard?${query}&area=${encodeURIComponent('陬市镇')}`);
    const mine = figures['漳江街道']!;
    expect(await page.textContent('#scope')).toContain('漳江街道');
    expect(await page.locator('form.filters select[name=area]').count()).toBe(0);
    expect(await page.textContent('form.filters')).toContain('属地：漳江街道');
    expect(await stage(page, 'received')).toBe(mine.received);
    expect(await stage(page, 'cases')).toBe(mine.cases.size);
    expect(await page.textContent('#report h2')).toContain('漳江街道');
    await page.close();
  });

  it('when the dashboard with its funnel is checked with axe-core, then it has no serious or critical WCAG 2.1 AA violation', async () => {
    const context = await axeContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', 'sup');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    await page.goto(`${app.url}/console/dashboard?${query}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('then no page had a script error or a blocked inline script or style', () => {
    expect(pageErrors).toEqual([]);
  });
});
