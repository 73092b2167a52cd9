import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWorkerRole } from '../../src/roles/worker-role';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { startTestApp, uniqueName, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const DOC_SHOT = path.join(__dirname, '../../docs/screenshots/console-import.png');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(120_000);

/** A national-platform export: two complaints of one crew, a consultation, a repeated id, a row without text. */
async function platformExport(prefix: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('线索');
  sheet.addRow(['线索编号', '受理时间', '反映人', '联系电话', '反映内容', '承办单位']);
  const at = (d: number, h: number, m: number) => new Date(Date.UTC(2026, 10, d, h, m));
  const crew = '我们木工班组12个人在漳江街道锦绣华庭二期工地干了四个月，宏泰建筑劳务公司拖欠我们工资共18万元。';
  sheet.addRow([`${prefix}-01`, at(24, 9, 10), '向师傅', '13900007101', crew, '县劳动保障监察大队']);
  sheet.addRow([
    `${prefix}-02`,
    at(24, 10, 25),
    '舒师傅',
    '13900007102',
    '我和向师傅是一个班组的，在漳江街道锦绣华庭二期工地做木工，宏泰建筑劳务公司欠我工资1.5万元。',
    '县劳动保障监察大队',
  ]);
  sheet.addRow([`${prefix}-03`, at(24, 11, 2), '黎女士', '13900007103', '请问劳动仲裁需要准备哪些材料？', '县劳动保障监察大队']);
  sheet.addRow([`${prefix}-01`, at(24, 9, 10), '向师傅', '13900007101', crew, '县劳动保障监察大队']);
  sheet.addRow([`${prefix}-04`, at(24, 14, 30), '彭先生', '13900007104', '', '县劳动保障监察大队']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the import upload (批量导入) in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let file: Buffer;
  const pageErrors: string[] = [];

  const signIn = async (username: string, context?: BrowserContext, on: TestApp = app): Promise<Page> => {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1366, height: 768 } }));
    ctx.setDefaultTimeout(15_000);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
    });
    await page.goto(`${on.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${on.url}/console`), page.click('button[type=submit]')]);
    return page;
  };

  const upload = async (page: Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream') => {
    await page.goto(new URL('/console/import', page.url()).href);
    await page.setInputFiles('#upload-form input[type=file]', { name, mimeType, buffer });
    await page.selectOption('#upload-form select[name=channel]', 'national_platform');
    await Promise.all([page.waitForLoadState('load'), page.click('#upload-form button[type=submit]')]);
  };

  /** Runs the previewed upload and waits, through the page's own refreshes, for the summary. */
  const run = async (page: Page) => {
    await Promise.all([page.waitForURL(/\/console\/import\/[A-Za-z0-9_-]{16}$/), page.click('#run-form button[type=submit]')]);
    await page.locator('#summary').waitFor({ timeout: 90_000 });
  };
  const tile = (page: Page, id: string) => page.locator(`#${id}`).textContent();

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    browser = await launchChromium();
    for (const [username, role] of [
      ['sup', 'supervisor'],
      ['op', 'operator'],
    ] as const) {
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area: null });
    }
    file = await platformExport(uniqueName('GJ'));
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when a supervisor uploads an XLSX export, then the preview shows the columns and marked rows, and the run ends in the summary; a re-upload gives duplicates', async () => {
    const page = await signIn('sup');
    await Promise.all([page.waitForURL(/\/console\/import$/), page.click('header a[href="/console/import"]')]);
    await upload(page, '全国欠薪平台线索.xlsx', file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(page.url()).toMatch(/\/console\/import\/[A-Za-z0-9_-]{16}$/);
    const columns = await page.locator('#columns tbody tr').allTextContents();
    expect(columns.map((c) => c.replace(/\s+/g, ''))).toEqual([
      '线索编号工单编号',
      '受理时间受理时间',
      '反映人投诉人',
      '联系电话联系电话',
      '反映内容诉求内容',
      '承办单位忽略（不导入）',
    ]);
    expect(await page.locator('#preview tr[data-row="2"]').textContent()).toContain('2026-11-24 09:10');
    expect(await page.locator('#preview tr[data-row="2"]').textContent()).toContain('139****7101');
    expect(await page.locator('#preview tr[data-row="5"]').textContent()).toContain('与第 2 行编号相同');
    expect(await page.locator('#preview tr[data-row="6"]').textContent()).toContain('诉求内容为空');
    expect(await page.locator('#p-reject').textContent()).toBe('1');
    expect(await page.content()).not.toContain('13900007101');
    await page.screenshot({ path: path.join(SHOTS, 'import-preview.png'), fullPage: true });
    const previewUrl = page.url();

    const axe = await signIn('sup', await axeContext(browser));
    await axe.goto(previewUrl);
    expect(await seriousViolations(axe)).toEqual([]);

    await run(page);
    expect(await tile(page, 's-rows')).toBe('5');
    expect(await tile(page, 's-accepted')).toBe('3');
    expect(await tile(page, 's-new')).toBe('1');
    expect(await tile(page, 's-merged')).toBe('1');
    expect(await tile(page, 's-other')).toBe('1');
    expect(await tile(page, 's-duplicates')).toBe('1');
    expect(await tile(page, 's-rejected')).toBe('1');
    expect(await page.locator('#dispositions').textContent()).toMatch(/咨询已答复\s*1/);
    expect(await page.locator('#rejections').textContent()).toMatch(/第 6 行\s*诉求内容为空/);
    expect(await page.locator('meta[http-equiv=refresh]').count()).toBe(0);
    // The page's width fits the 1366 px viewport: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: path.join(SHOTS, 'import-summary.png'), fullPage: true });
    await page.screenshot({ path: DOC_SHOT, fullPage: true });
    await axe.goto(previewUrl);
    expect(await seriousViolations(axe)).toEqual([]);

    await upload(page, '全国欠薪平台线索.xlsx', file);
    await run(page);
    expect(await tile(page, 's-accepted')).toBe('0');
    expect(await tile(page, 's-duplicates')).toBe('4');
    expect(await tile(page, 's-rejected')).toBe('1');
  });

  it('when the run waits for triage, then the page shows its progress and refreshes itself until the summary', async () => {
    const slow = await startTestApp({ worker: false });
    try {
      await createStaffUser({ staff: slow.ctx.repos.staff }, { username: 'sup', password: PASSWORD, role: 'supervisor', area: null });
      const page = await signIn('sup', undefined, slow);
      await upload(page, '平台线索.xlsx', await platformExport(uniqueName('GP')));
      await Promise.all([page.waitForURL(/\/console\/import\/[A-Za-z0-9_-]{16}$/), page.click('#run-form button[type=submit]')]);
      await page.locator('#progress h2', { hasText: '正在等待自动分析' }).waitFor();
      expect(await page.locator('meta[http-equiv=refresh]').getAttribute('content')).toBe('2');
      expect(await page.locator('#progress').textContent()).toMatch(/0 \/ 3\s*条投诉已分析/);
      await page.screenshot({ path: path.join(SHOTS, 'import-progress.png'), fullPage: true });
      const runUrl = page.url();
      await page.click('a[href="?refresh=off"]');
      expect(await page.locator('meta[http-equiv=refresh]').count()).toBe(0);
      await page.goto(runUrl);

      const worker = await startWorkerRole(slow.ctx);
      try {
        await page.locator('#summary').waitFor({ timeout: 90_000 });
        expect(await tile(page, 's-accepted')).toBe('3');
      } finally {
        await worker.stop();
      }
    } finally {
      await slow.stop();
    }
  });

  it('when the file is not a CSV or XLSX, is too large, or has no column the importer reads, then the page says so in Chinese', async () => {
    const page = await signIn('sup');
    await upload(page, '说明.txt', Buffer.from('工单编号,诉求内容\n1,欠薪'), 'text/plain');
    expect(await page.locator('#upload-error').textContent()).toContain('只能导入 CSV（.csv）或 Excel（.xlsx）文件');
    await page.screenshot({ path: path.join(SHOTS, 'import-upload-error.png'), fullPage: true });
    await upload(page, '花名册.csv', Buffer.from('序号,姓名拼音,备注\n1,zhang,无\n'), 'text/csv');
    expect(await page.locator('#upload-error').textContent()).toContain('没有识别到可导入的列');
    await upload(page, '大文件.csv', Buffer.alloc(6 * 1024 * 1024, 'a'), 'text/csv');
    expect(await page.locator('#upload-error').textContent()).toContain('文件超过 5 MB');
  });

  it('when an operator opens the import, then it is forbidden and not in the menu', async () => {
    const page = await signIn('op');
    expect(await page.locator('header a[href="/console/import"]').count()).toBe(0);
    expect((await page.goto(`${app.url}/console/import`))?.status()).toBe(403);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
