import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { acceptPort } from '../../src/composition/intake';
import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(60_000);

describe('possible duplicates in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  /** A complaint taken on the bureau's complaint line, triaged: the case it ended in. */
  const enter = async (text: string, phone: string): Promise<Lead> => {
    const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'phone',
      dedupKey: uniqueName('call'),
      sender: { channelUserId: null, name: '来电群众', phone },
      operator: 'desk.op',
      text,
      turns: [],
      receivedAt: new Date(),
    });
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    return (await app.ctx.repos.leads.get(leadId))!;
  };

  /** Two cases matching finds alike but not enough to merge: the boss by surname only, same township and trade. */
  const unsurePair = async (site: string, boss: string, phones: [string, string]): Promise<[Lead, Lead]> => {
    const a = await enter(`我在陬市镇${site}扎钢筋，包工头${boss}欠我们工钱，我一个人欠了9600。`, phones[0]);
    const b = await enter(`陬市镇${boss[0]}总那个钢筋班的，欠我们工资快半年了，我一万多点。`, phones[1]);
    expect(b.id).not.toBe(a.id);
    return [a, b];
  };

  const signIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
    });
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    browser = await launchChromium();
    for (const [username, role, area] of [
      ['sup', 'supervisor', null],
      ['insp', 'inspector', '陬市镇'],
    ] as const) {
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when two cases may be one, then the queue marks both and each case page names the other; a supervisor merges with one action', async () => {
    const [a, b] = await unsurePair('安置小区', '张文斌', ['13900006601', '13900006602']);
    const page = await signIn('sup');
    for (const lead of [a, b]) {
      const row = page.locator('tr', { has: page.locator(`a[href="/console/cases/${lead.id}"]`) });
      await expect(row.locator('.badge.duplicate').textContent()).resolves.toContain('疑似重复 1');
    }
    await page.screenshot({ path: path.join(SHOTS, 'queue-possible-duplicates.png'), fullPage: true });

    await page.goto(`${app.url}/console/cases/${a.id}`);
    const panel = page.locator('#duplicates');
    await expect(panel.textContent()).resolves.toContain(b.caseNumber);
    await expect(panel.textContent()).resolves.toContain('老板同姓');
    await page.screenshot({ path: path.join(SHOTS, 'case-possible-duplicates.png'), fullPage: true });
    await page.goto(`${app.url}/console/cases/${b.id}`);
    await expect(page.locator('#duplicates').textContent()).resolves.toContain(a.caseNumber);

    await page.goto(`${app.url}/console/cases/${a.id}`);
    await Promise.all([page.waitForURL(/\?ok=merged/), page.click(`#duplicates li[data-duplicate="${b.id}"] button.merge-duplicate`)]);
    expect(await page.locator('.alert.ok').textContent()).toContain('已合并');
    expect(await page.locator('#duplicates').count()).toBe(0);
    expect(await page.locator('#complaints h2').textContent()).toContain('2 条');
    expect(await app.ctx.repos.leads.get(b.id)).toMatchObject({ status: 'closed', outcomeCode: 'merged' });
    await page.goto(`${app.url}/console`);
    expect(
      await page
        .locator('tr', { has: page.locator(`a[href="/console/cases/${a.id}"]`) })
        .locator('.badge.duplicate')
        .count(),
    ).toBe(0);
  });

  it('when a supervisor says they are not duplicates, then the panel leaves both cases and the dismissal is on the timeline; an inspector sees the panel without buttons', async () => {
    const [a, b] = await unsurePair('新区安置房', '李国华', ['13900006611', '13900006612']);
    const insp = await signIn('insp');
    await insp.goto(`${app.url}/console/cases/${a.id}`);
    await expect(insp.locator('#duplicates').textContent()).resolves.toContain(b.caseNumber);
    expect(await insp.locator('#duplicates button').count()).toBe(0);

    const sup = await signIn('sup');
    await sup.goto(`${app.url}/console/cases/${b.id}`);
    await Promise.all([sup.waitForURL(/\?ok=dismissed/), sup.click(`#duplicates li[data-duplicate="${a.id}"] button.dismiss-duplicate`)]);
    expect(await sup.locator('.alert.ok').textContent()).toContain('已排除重复');
    expect(await sup.locator('#duplicates').count()).toBe(0);
    expect(await sup.locator('#timeline').textContent()).toContain('排除重复');
    await sup.goto(`${app.url}/console/cases/${a.id}`);
    expect(await sup.locator('#duplicates').count()).toBe(0);
    expect(await app.ctx.repos.leads.get(a.id)).toMatchObject({ possibleDuplicates: [], dismissedDuplicates: [b.id] });
  });

  it('when the panel is shown, then it passes the WCAG 2.1 AA checks', async () => {
    const [a] = await unsurePair('滨河小区', '王志勇', ['13900006621', '13900006622']);
    const page = await (await axeContext(browser)).newPage();
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', 'sup');
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    await page.goto(`${app.url}/console/cases/${a.id}`);
    expect(await page.locator('#duplicates').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
