import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
const QUESTION = '请问农忙时节请假回家，工资怎么算？';
const ANSWER = '农忙时节请假回家的，请假期间可以不计工资；请假前已经干完的活，工资应当按约定的日期照付，不能因为请假扣着不给。';
const SOURCE = '《保障农民工工资支付条例》第十二条';
jest.setTimeout(90_000);

describe('admins edit the FAQ in the console, and the WeChat bot answers from it', () => {
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  let browser: Browser;
  const pageErrors: string[] = [];

  const signIn = async (username: string): Promise<Page> => {
    // The axe context (1366×768, CSP bypassed only to inject axe) for every page of this test.
    const context = await axeContext(browser);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    harness = await startWechatHarness(app);
    browser = await launchChromium();
    await createStaffUser({ staff: app.ctx.repos.staff }, { username: 'faq-admin', password: PASSWORD, role: 'admin', area: null });
    await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'faq-insp', password: PASSWORD, role: 'inspector', area: '漳江街道' },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await app?.stop();
  });

  it('when an admin adds an entry (after fixing what the form flags), then a WeChat question matching it gets that answer; disabled, it no longer does', async () => {
    const page = await signIn('faq-admin');
    await Promise.all([page.waitForURL(`${app.url}/console/faq`), page.click('nav a[href="/console/faq"]')]);
    expect(await page.locator('table.faq tbody tr').count()).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#faq-arbitration').textContent()).toContain('劳动争议调解仲裁法');
    expect(await seriousViolations(page)).toEqual([]);

    const before = harness.worker('秦师傅');
    const [general] = await before.say(QUESTION);
    expect(general).not.toContain(ANSWER);

    await Promise.all([page.waitForURL(`${app.url}/console/faq/new`), page.click('#new-faq')]);
    await page.fill('textarea[name=keywords]', '农');
    await page.fill('textarea[name=answer]', '可以请假');
    await page.fill('input[name=source]', '保障农民工工资支付条例');
    await page.click('#save-faq');
    await page.waitForSelector('#keywords-error');
    expect(await page.locator('#keywords-error').textContent()).toContain('关键词至少2个字');
    expect(await page.locator('#answer-error').textContent()).toContain('答复内容至少10个字');
    expect(await page.locator('#source-error').textContent()).toContain('书名号');
    expect(await page.inputValue('input[name=source]')).toBe('保障农民工工资支付条例');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'console-faq-form-errors.png'), fullPage: true });

    await page.fill('textarea[name=keywords]', '农忙+请假\n秋收+请假');
    await page.fill('textarea[name=answer]', ANSWER);
    await page.fill('input[name=source]', SOURCE);
    await Promise.all([page.waitForURL(/\/console\/faq\?ok=created#faq-faq_[0-9a-f]{10}$/), page.click('#save-faq')]);
    expect(await page.locator('.alert.ok').textContent()).toContain('已新增条目');
    const id = new URL(page.url()).hash.replace('#faq-', '');
    expect(await page.locator(`#faq-${id}`).textContent()).toContain('农忙+请假、秋收+请假');

    await page.fill('input[name=q]', QUESTION);
    await Promise.all([page.waitForURL(/\/console\/faq\?q=/), page.click('#try button[type=submit]')]);
    expect(await page.locator('#try-result').textContent()).toContain(ANSWER);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'console-faq.png'), fullPage: false });

    const after = harness.worker('秦师傅');
    const [answer] = await after.say(QUESTION);
    expect(answer).toContain(`${ANSWER}\n（依据：${SOURCE}）`);

    await Promise.all([page.waitForURL(/ok=disabled/), page.click(`#faq-${id} button[type=submit]`)]);
    expect(await page.locator(`#faq-${id}`).textContent()).toContain('已停用');
    const later = harness.worker('秦师傅');
    const [again] = await later.say(QUESTION);
    expect(again).not.toContain(ANSWER);
    expect(pageErrors).toEqual([]);
  });

  it('when an admin edits an entry, then the form shows it and the change is saved', async () => {
    const page = await signIn('faq-admin');
    await page.goto(`${app.url}/console/faq/pay_schedule`);
    expect(await page.inputValue('textarea[name=keywords]')).toContain('按月');
    await page.fill('input[name=order]', '5');
    await Promise.all([page.waitForURL(/ok=updated#faq-pay_schedule$/), page.click('#save-faq')]);
    expect(await page.locator('#faq-pay_schedule').textContent()).toContain('faq-admin');
    expect(await app.ctx.repos.faq.get('pay_schedule')).toMatchObject({ order: 5, updatedBy: 'faq-admin', enabled: true });
  });

  it('when an inspector opens the FAQ pages, then they are refused and the menu does not offer them', async () => {
    const page = await signIn('faq-insp');
    expect(await page.locator('nav a[href="/console/faq"]').count()).toBe(0);
    const res = await page.goto(`${app.url}/console/faq`);
    expect(res?.status()).toBe(403);
  });
});
