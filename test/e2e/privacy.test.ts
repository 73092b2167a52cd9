import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(90_000);

describe('personal data in the console: erasing a complainant (admins), exporting cases (supervisors, admins)', () => {
  let app: TestApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  const call = async (text: string, callerPhone: string): Promise<string> => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone,
      transcript: text,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    return waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
  };

  /** Signed in, in a context that accepts confirmations and downloads (and, for axe, bypasses the CSP). */
  const signIn = async (username: string): Promise<Page> => {
    const context = await axeContext(browser);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
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
      ['admin', 'admin', null],
      ['sup', 'supervisor', null],
      ['sup-zs', 'supervisor', '陬市镇'],
      ['insp', 'inspector', '陬市镇'],
    ] as const) {
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when an admin erases a complainant from the case page after confirming, then the person shows as erased, the number is gone, the timeline says so, and the page passes axe', async () => {
    const leadId = await call('来电人：我叫滕秋菊，在漳江街道华联超市上班，华联超市欠我两个月工资6000元，就我一个人。', '13900003301');
    const sup = await signIn('sup');
    await sup.goto(`${app.url}/console/cases/${leadId}`);
    expect(await sup.locator('.erase-complainant').count()).toBe(0);

    const page = await signIn('admin');
    await page.goto(`${app.url}/console/cases/${leadId}`);
    await page.click('details.erase summary');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'case-erase.png'), fullPage: true });
    await page.fill('details.erase input[name=reason]', '投诉人来电要求删除个人信息');
    await Promise.all([page.waitForURL(/\?ok=erased/), page.click('.erase-complainant')]);
    expect(await page.locator('.alert.ok').textContent()).toContain('已删除该投诉人的个人信息');
    expect(await page.locator('#complainants').textContent()).toContain('（个人信息已删除）');
    const html = await page.content();
    expect(html).not.toMatch(/滕秋菊|139\*\*\*\*3301|13900003301/);
    expect(html).toContain('删除投诉人个人信息');
    expect(await page.locator('.erase-complainant').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const [audited] = (await app.ctx.repos.audit.latest(5)).filter((e) => e.action === 'complainant_erased');
    expect(audited).toMatchObject({ subject: 'complainant:未留姓名/139****3301', detail: { reason: '投诉人来电要求删除个人信息' } });
  });

  it('when a township’s supervisor exports the period from the dashboard, then a CSV of that township’s cases downloads, numbers masked, and the export is audited', async () => {
    const zs = await call('来电人：我在陬市镇恒兴纸箱厂做事，恒兴纸箱厂欠我们3个人工资共2万元。', '13900003302');
    await call('来电人：我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我们5个人工资共4万元。', '13900003303');
    const page = await signIn('sup-zs');
    await page.goto(`${app.url}/console/dashboard`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#export input[name=from]', today);
    await page.fill('#export input[name=to]', today);
    await page.selectOption('#export select[name=format]', 'csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-cases')]);
    expect(download.suggestedFilename()).toBe(`cases-${today}-${today}.csv`);
    const text = await readFile(await download.path(), 'utf8');
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true });
    const zsCase = (await app.ctx.repos.leads.get(zs))!;
    expect(rows.map((r) => r['案件编号'])).toEqual([zsCase.caseNumber]);
    expect(rows[0]).toMatchObject({ '属地（乡镇/街道）': '陬市镇', '联系电话（脱敏）': '139****3302' });
    expect(text).not.toContain('13900003302');
    const [audited] = (await app.ctx.repos.audit.latest(5)).filter((e) => e.action === 'cases_exported');
    expect(audited).toMatchObject({ detail: { rows: 1, area: '陬市镇', format: 'csv' } });
  });

  it('when an admin exports as XLSX, then the workbook downloads; an inspector has neither the dashboard nor the export', async () => {
    const page = await signIn('admin');
    await page.goto(`${app.url}/console/dashboard?from=${today}&to=${today}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-cases')]);
    expect(download.suggestedFilename()).toBe(`cases-${today}-${today}.xlsx`);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: the XLSX container
    const insp = await signIn('insp');
    expect((await insp.goto(`${app.url}/console/export/cases?from=${today}&to=${today}`))?.status()).toBe(403);
    expect(await insp.locator('a[href="/console/dashboard"]').count()).toBe(0);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
