import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startTestApp, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(90_000);

describe("the hotline operator's desk in a real browser", () => {
  let app: TestApp;
  let browser: Browser;
  let caseNumber: string;
  const pageErrors: string[] = [];

  const signIn = async (username: string, opts: { axe?: boolean } = {}): Promise<Page> => {
    const context = opts.axe ? await axeContext(browser) : await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };

  const fillCall = async (page: Page, text: string, phone: string) => {
    await page.click('a[href="/console/intake"]');
    await page.selectOption('select[name=channel]', 'phone');
    await page.fill('input[name=callerName]', '覃建平');
    await page.fill('input[name=callerPhone]', phone);
    await page.fill('textarea[name=text]', text);
    await Promise.all([page.waitForURL(/\/console\/intake\/check/), page.click('#intake-form button[type=submit]')]);
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    browser = await launchChromium();
    for (const username of ['op-a', 'op-b']) {
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role: 'operator', area: null });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when an operator enters a phoned-in complaint and corrects the amount, then the case is filed with the correction and its number is shown', async () => {
    const page = await signIn('op-a');
    await fillCall(page, '我在陬市镇宏达砖厂做事，老板欠我们三个人工资，一共一万二，过年前要回家。', '13907360001');
    expect(await page.locator('#proposal').textContent()).toContain('立案');
    expect(await page.inputValue('input[name=amount_yuan]')).toBe('12000');
    await page.fill('input[name=amount_yuan]', '15000');
    await page.screenshot({ path: path.join(SHOTS, 'operator-intake.png'), fullPage: true });
    await Promise.all([page.waitForURL(/\/console\/intake\/[0-9a-f]{24}$/), page.click('#submit-intake')]);
    caseNumber = (await page.locator('#case-number').textContent({ timeout: 15_000 }))!.trim();
    expect(caseNumber).toMatch(/^WA\d{8}-\d{4}$/);
    await page.screenshot({ path: path.join(SHOTS, 'operator-intake-result.png'), fullPage: true });
    const lead = await app.ctx.repos.leads.list({ q: caseNumber, page: 1, pageSize: 1 });
    expect(lead.items[0]).toMatchObject({
      amountYuan: 15000,
      employer: expect.stringContaining('宏达砖厂'),
      phone: '13907360001',
      channel: 'phone',
    });
  });

  it('when the same form is submitted twice, then one complaint is stored', async () => {
    const page = await signIn('op-a');
    await fillCall(page, '漳江街道金桥超市老板欠我两个月工资5000元。', '13907360002');
    const count = async () => await app.ctx.repos.complaints.countByState();
    const before = Object.values(await count()).reduce((a, b) => a + b, 0);
    // The form as filled in, to send again the way a browser resubmits it.
    const fields = await page.evaluate(() => {
      const form = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('#intake-form');
      return [...new (globalThis as unknown as { FormData: new (f: unknown) => Iterable<[string, string]> }).FormData(form)];
    });
    // A double click: the second press goes out before the first answer arrives.
    await Promise.all([page.waitForURL(/\/console\/intake\/[0-9a-f]{24}$/), page.dblclick('#submit-intake')]);
    const resent = await page.context().request.post(`${app.url}/console/intake/submit`, {
      form: Object.fromEntries(fields),
      headers: { origin: app.url },
    });
    expect(resent.url()).toMatch(/\/console\/intake\/[0-9a-f]{24}$/);
    expect(resent.url()).toBe(page.url());
    const after = Object.values(await count()).reduce((a, b) => a + b, 0);
    expect(after - before).toBe(1);
  });

  it('when the text is missing or the phone is not a number, then the page says what to fix in Chinese and keeps what was typed', async () => {
    const page = await signIn('op-a');
    await page.click('a[href="/console/intake"]');
    await page.fill('input[name=callerName]', '林某');
    await page.fill('input[name=callerPhone]', '1390736');
    await page.click('#intake-form button[type=submit]');
    await page.waitForSelector('.field-error');
    const errors = await page.locator('.field-error').allTextContents();
    expect(errors.join(' ')).toContain('电话号码格式不对');
    expect(errors.join(' ')).toContain('请填写投诉内容');
    expect(await page.inputValue('input[name=callerName]')).toBe('林某');
  });

  it('when a second operator looks the caller up by the phone written another way, then the case is found with its status in words, and the lookup is audited', async () => {
    const page = await signIn('op-b');
    await page.click('a[href="/console/lookup"]');
    await page.fill('input[name=q]', '139-0736-0001');
    await Promise.all([page.waitForURL(/\/console\/lookup\?q=/), page.click('form[role=search] button[type=submit]')]);
    const found = await page.locator('#caller-cases').textContent();
    expect(found).toContain(caseNumber);
    expect(found).toContain('可告知来电人');
    await page.screenshot({ path: path.join(SHOTS, 'operator-lookup.png'), fullPage: true });
    const audit = await waitFor(async () => (await app.ctx.repos.audit.latest(10)).find((e) => e.action === 'phone_lookup'));
    expect(audit).toMatchObject({ subject: '139****0001', detail: { results: 1 } });
    await page.fill('input[name=q]', caseNumber);
    await Promise.all([page.waitForURL(/\/console\/lookup\?q=WA/), page.click('form[role=search] button[type=submit]')]);
    expect(await page.locator('#caller-cases').textContent()).toContain(caseNumber);
  });

  it('when the desk pages are checked with axe-core, then none has a serious or critical violation', async () => {
    const page = await signIn('op-a', { axe: true });
    await page.goto(`${app.url}/console/intake`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('textarea[name=text]', '请问劳动仲裁怎么申请？');
    await Promise.all([page.waitForURL(/\/console\/intake\/check/), page.click('#intake-form button[type=submit]')]);
    expect(await page.locator('#proposal').textContent()).toContain('咨询已答复');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.url}/console/lookup?q=13907360001`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
