import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { acceptPort } from '../../src/composition/intake';
import type { Complaint } from '../../src/domain/complaint';
import { createStaffUser } from '../../src/services/staff-accounts';
import { launchChromium } from '../support/browser';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(60_000);

describe('the review queue (待甄别) in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  const enter = async (text: string, phone: string | null = null): Promise<Complaint> => {
    const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'phone',
      dedupKey: uniqueName('call'),
      sender: { channelUserId: null, name: '来电群众', phone },
      operator: 'desk.op',
      text,
      turns: [],
      receivedAt: new Date(),
    });
    return waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.review ? c : null;
    });
  };

  const signIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
    });
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
      ['sup-zs', 'supervisor', '陬市镇'],
      ['op', 'operator', null],
      ['insp', 'inspector', '漳江街道'],
    ] as const) {
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when a supervisor opens the queue, then non-cases are listed masked with their reason, and a confirmation leaves the pending list', async () => {
    const consultation = await enter('请问劳动仲裁怎么申请？要准备些什么材料？我的电话13900005501');
    const page = await signIn('sup');
    await page.click('a[href="/console/reviews"]');
    await page.waitForURL(/\/console\/reviews/);
    const row = page.locator('tr', { has: page.locator(`a[href="/console/reviews/${consultation.id}"]`) });
    await expect(row.textContent()).resolves.toContain('咨询已答复');
    await expect(row.textContent()).resolves.toContain('139****5501');
    expect(await page.content()).not.toContain('13900005501');
    await page.screenshot({ path: path.join(SHOTS, 'review-queue.png'), fullPage: true });

    await page.click(`a[href="/console/reviews/${consultation.id}"]`);
    await page.fill('#confirm-form textarea[name=reason]', '政策咨询，已按条目答复');
    await Promise.all([page.waitForURL(/\/console\/reviews\?ok=confirmed/), page.click('#confirm-form button[type=submit]')]);
    expect(await page.locator('.alert.ok').textContent()).toContain('已确认');
    expect(await page.locator(`a[href="/console/reviews/${consultation.id}"]`).count()).toBe(0);
    const stored = await app.ctx.repos.complaints.get(consultation.id);
    expect(stored).toMatchObject({ review: { state: 'confirmed', reason: '政策咨询，已按条目答复' } });
    expect(stored!.dispositionLog.map((e) => e.action)).toEqual(['decided', 'confirmed']);
  });

  it('when a supervisor overturns a complaint with too little detail, then the corrected fields open a case and the audit shows the decision', async () => {
    const vague = await enter('老板欠我工资，一直不给。');
    expect(vague.disposition?.code).toBe('needs_details');
    const page = await signIn('sup');
    await page.goto(`${app.url}/console/reviews/${vague.id}`);
    await page.fill('#overturn-form input[name=employer]', '陬市镇顺达砖厂');
    await page.selectOption('#overturn-form select[name=area]', '陬市镇');
    await page.fill('#overturn-form input[name=amount_yuan]', '9000');
    await page.fill('#overturn-form input[name=worker_count]', '2');
    await page.fill('#overturn-form input[name=phone]', '13900005502');
    await page.fill('#overturn-form textarea[name=reason]', '电话回访核实，确属欠薪');
    await Promise.all([page.waitForURL(/\/console\/cases\/[0-9a-f]{24}\?ok=opened/), page.click('#overturn-form button[type=submit]')]);
    expect(await page.locator('.alert.ok').textContent()).toContain('已立案');
    expect(await page.content()).toContain('陬市镇顺达砖厂');
    const stored = await app.ctx.repos.complaints.get(vague.id);
    expect(stored).toMatchObject({ disposition: { code: 'lead' }, review: { state: 'overturned' } });
    await page.goto(`${app.url}/console/reviews/${vague.id}`);
    expect(await page.locator('#audit').textContent()).toContain('改为立案');
    expect(await page.locator('#overturn-form').count()).toBe(0);
  });

  it('when the fields are missing, then the page says what to fill in and nothing is opened', async () => {
    const spam = await enter('加微信领红包');
    const page = await signIn('sup');
    await page.goto(`${app.url}/console/reviews/${spam.id}`);
    await page.fill('#overturn-form textarea[name=reason]', '试试');
    await Promise.all([page.waitForURL(/err=fields_required/), page.click('#overturn-form button[type=submit]')]);
    expect(await page.locator('.alert.err').textContent()).toContain('至少填写');
    expect((await app.ctx.repos.complaints.get(spam.id))?.review?.state).toBe('pending');
  });

  it('when an operator reads the queue, then there is nothing to decide; an inspector has no queue; an area supervisor sees only their area', async () => {
    const inZoushi = await enter('陬市镇有人问：公司不给买社保怎么办？');
    const elsewhere = await enter('请问工资一般多久发一次？');
    const op = await signIn('op');
    await op.goto(`${app.url}/console/reviews/${elsewhere.id}`);
    expect(await op.locator('#decide').count()).toBe(0);
    const insp = await signIn('insp');
    expect(await insp.locator('a[href="/console/reviews"]').count()).toBe(0);
    const denied = await insp.goto(`${app.url}/console/reviews`);
    expect(denied?.status()).toBe(403);
    const area = await signIn('sup-zs');
    await area.goto(`${app.url}/console/reviews?state=all`);
    const html = await area.content();
    expect(html).toContain(`/console/reviews/${inZoushi.id}`);
    expect(html).not.toContain(`/console/reviews/${elsewhere.id}`);
    expect((await area.goto(`${app.url}/console/reviews/${elsewhere.id}`))?.status()).toBe(404);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
