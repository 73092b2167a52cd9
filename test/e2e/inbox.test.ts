import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { deadlineWorkerPort } from '../../src/composition/cases';
import { workerReplyNotifier } from '../../src/composition/notifications';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(60_000);

describe('the inbox (通知) and its badge in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let supToken: string;
  let inspId: string;
  let assignedCase: string;
  const pageErrors: string[] = [];

  const openCase = async (transcript: string): Promise<string> => {
    const res = await postTranscript(app.url, { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    await waitFor(
      async () => (await app.ctx.repos.leads.get(leadId))?.timeline.some((e) => e.type === 'notice_sent'),
      10_000,
      'the notice',
    );
    return leadId;
  };

  const signIn = async (page: Page, username: string) => {
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
  };
  const badge = (page: Page) => page.locator('header.top a.inbox-link');

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    browser = await launchChromium();
    supToken = (
      await createStaffUser({ staff: app.ctx.repos.staff }, { username: 'sup.lt', password: PASSWORD, role: 'supervisor', area: '龙潭镇' })
    ).token;
    inspId = (
      await createStaffUser({ staff: app.ctx.repos.staff }, { username: 'insp.lt', password: PASSWORD, role: 'inspector', area: '龙潭镇' })
    ).user.id;

    // Two new cases in the inspector's township; one is given to them, then its worker calls back, its
    // first contact is missed and its closing deadline nears.
    assignedCase = await openCase('来电人：龙潭镇的兴隆木材厂欠我们四个人工资共2万元，电话13900007701。');
    await openCase('来电人：龙潭镇的青峰竹器厂欠我工资3000元，电话13900007702。');
    const assign = await fetch(`${app.url}/api/leads/${assignedCase}/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ assigneeId: inspId }),
    });
    expect(assign.status).toBe(200);
    await workerReplyNotifier(app.ctx)({ leadId: assignedCase, replyId: 'wx-msg-0001' });
    const lead = (await app.ctx.repos.leads.get(assignedCase))!;
    await app.ctx.repos.leads.applyChange(
      assignedCase,
      lead.status,
      { 'deadlines.contactBy': new Date(Date.now() - 3_600_000) },
      { at: new Date(), type: 'test_clock', actor: 'test', note: null, changes: [] },
    );
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId: assignedCase, step: 'close', phase: 'remind' })).toBe('reminded');
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId: assignedCase, step: 'contact', phase: 'escalate' })).toBe('escalated');
    await waitFor(async () => (await app.ctx.repos.notifications.countUnread(inspId)) === 6, 10_000, 'six notices');
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when an inspector signs in, then the badge counts the unread notices; the inbox lists them newest first, each with its case', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(page, 'insp.lt');
    await expect(badge(page).textContent()).resolves.toMatch(/通知\s*6\s*条未读/);
    await Promise.all([page.waitForURL(/\/console\/inbox$/), badge(page).click()]);
    const items = page.locator('ol.inbox > li');
    expect(await items.count()).toBe(6);
    expect(await page.locator('ol.inbox > li.unread').count()).toBe(6);
    expect(await items.first().locator('.kind').textContent()).toBe('超期督办');
    expect(await items.first().textContent()).toContain('首次联系投诉人已超期');
    expect(await page.locator('ol.inbox').textContent()).not.toContain('13900007701');
    const kinds = await page.locator('ol.inbox .kind').allTextContents();
    expect([...kinds].sort()).toEqual(['投诉人回复', '指派给我', '新案件', '新案件', '期限提醒', '超期督办'].sort());

    // Marking one read: the badge counts one fewer and the notice is no longer highlighted.
    const first = items.first();
    const firstId = await first.getAttribute('id');
    await Promise.all([page.waitForURL(/\/console\/inbox\?tab=all/), first.locator('button', { hasText: '标为已读' }).click()]);
    await expect(badge(page).textContent()).resolves.toMatch(/通知\s*5\s*条未读/);
    expect(await page.locator(`#${firstId}`).getAttribute('class')).not.toContain('unread');
    expect(await page.locator(`#${firstId}`).textContent()).toContain('已读');
    await page.screenshot({ path: path.join(SHOTS, 'console-inbox.png'), fullPage: true });

    await page.click('nav.tabs a[href="?tab=unread"]');
    expect(await page.locator('ol.inbox > li').count()).toBe(5);
    // Each notice leads to its case.
    await Promise.all([
      page.waitForURL(new RegExp(`/console/cases/${assignedCase}$`)),
      page.locator(`ol.inbox > li a[href="/console/cases/${assignedCase}"]`).first().click(),
    ]);
    await expect(badge(page).textContent()).resolves.toMatch(/5/);
    expect(pageErrors).toEqual([]);
  });

  it('when the inspector marks all read, then the badge is gone on every page and the unread tab is empty', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(page, 'insp.lt');
    await page.goto(`${app.url}/console/inbox?tab=unread`);
    await Promise.all([page.waitForURL(/\/console\/inbox\?tab=unread/), page.click('button:has-text("全部标为已读")')]);
    expect(await page.locator('ol.inbox > li').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('没有未读通知');
    expect(await badge(page).locator('.count').count()).toBe(0);
    await page.goto(`${app.url}/console`);
    expect(await badge(page).textContent()).toBe('通知');
    expect(await app.ctx.repos.notifications.countUnread(inspId)).toBe(0);
  });

  it('when an admin gives a staff member a WeCom UserID on the operations page, then it is stored, audited, and can be removed', async () => {
    await createStaffUser({ staff: app.ctx.repos.staff }, { username: 'admin', password: PASSWORD, role: 'admin', area: null });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signIn(page, 'admin');
    await page.goto(`${app.url}/console/ops`);
    const field = page.locator('input[aria-label="insp.lt 的企业微信账号"]');
    await field.fill('ZhouJianCha');
    await Promise.all([page.waitForURL(/ok=wecom/), field.locator('xpath=..').locator('button').click()]);
    expect(await page.locator('.alert.ok').textContent()).toContain('企业微信账号已保存');
    expect((await app.ctx.repos.staff.get(inspId))?.wecomUserId).toBe('ZhouJianCha');
    expect(await page.locator('#audit').textContent()).toContain('设置企业微信账号');
    await page.locator('input[aria-label="insp.lt 的企业微信账号"]').fill('');
    await Promise.all([
      page.waitForURL(/ok=wecom/),
      page.locator('input[aria-label="insp.lt 的企业微信账号"]').locator('xpath=..').locator('button').click(),
    ]);
    expect((await app.ctx.repos.staff.get(inspId))?.wecomUserId).toBeNull();
  });

  it('when the inbox is checked with axe at 1366×768, then it has no serious or critical violation', async () => {
    const page = await (await axeContext(browser)).newPage();
    await signIn(page, 'sup.lt');
    await page.goto(`${app.url}/console/inbox`);
    expect(await page.locator('ol.inbox > li.unread').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
