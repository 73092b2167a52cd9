import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallbackTask } from '../../src/domain/callback';
import { createStaffUser } from '../../src/services/staff-accounts';
import { launchChromium } from '../support/browser';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(60_000);

describe('the call-back queue (回访任务) in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const pageErrors: string[] = [];

  const api = (who: string, method: string, url: string, body?: unknown) =>
    fetch(`${app.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const openTasks = async () => ((await (await api('op', 'GET', '/api/callbacks')).json()) as { items: CallbackTask[] }).items;

  /** A hotline caller's case and its open call-back tasks (the notice of the case number, then any reply). */
  async function hotlineCase(transcript: string, phone: string, tasks = 1): Promise<{ leadId: string; tasks: CallbackTask[] }> {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: phone,
      transcript,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    const mine = await waitFor(
      async () => {
        const open = (await openTasks()).filter((t) => t.leadId === leadId);
        return open.length >= tasks ? open : null;
      },
      10_000,
      'the call-back tasks',
    );
    return { leadId, tasks: mine };
  }

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
      ['op', 'operator', null],
      ['op2', 'operator', null],
      ['sup', 'supervisor', null],
      ['insp', 'inspector', '漳江街道'],
    ] as const) {
      tokens[username] = (await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area })).token;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when an operator works a task to "worker says not paid", then it leaves the queue and shows on the case page', async () => {
    const { leadId, tasks } = await hotlineCase(
      '来电人：我在漳江街道滨湖花园工地做钢筋工，宏远建筑劳务公司欠我们6个人工资共4万8千元，包工头一直说下个月给。',
      '13900009901',
    );
    const notice = tasks[0]!;
    const replyText = '您好，我们已约谈宏远建筑劳务公司负责人，要求本周内支付，请保持电话畅通。';
    expect((await api('sup', 'POST', `/api/leads/${leadId}/replies`, { text: replyText })).status).toBe(201);
    const replyTask = await waitFor(async () => (await openTasks()).find((t) => t.leadId === leadId && t.kind === 'staff_reply'));
    // Another caller was tried once already: the queue shows the call made.
    const { tasks: other } = await hotlineCase('来电人：陬市镇恒兴纸箱厂欠我工资7600元，打了好几次电话老板都不接。', '13900009902');
    expect((await api('op', 'POST', `/api/callbacks/${other[0]!.id}/outcome`, { outcome: 'no_answer', note: '响铃无人接' })).status).toBe(
      200,
    );

    const page = await signIn('op');
    await Promise.all([page.waitForURL(/\/console\/callbacks/), page.click('header.top a[href="/console/callbacks"]')]);
    const card = page.locator(`#task-${notice.id}`);
    const caseNumber = (await app.ctx.repos.leads.get(leadId))!.caseNumber;
    const text = (await card.textContent())!;
    expect(text).toContain(caseNumber);
    expect(text).toContain('已登记，等待受理');
    expect(text).toContain(`工作人员最近的回复：${replyText}`);
    expect(text).toContain('139****9901');
    expect(await page.locator(`#task-${replyTask.id}`).textContent()).toContain(`工作人员给您的回复：${replyText}`);
    expect(await page.locator(`#task-${other[0]!.id}`).textContent()).toContain('已拨打 1 次');
    expect(await page.content()).not.toContain('13900009901');
    // Usable at 1366×768: nothing wider than the window, every outcome button on screen horizontally.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    for (const box of await Promise.all((await card.locator('.cb-buttons button').all()).map((b) => b.boundingBox())))
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: path.join(SHOTS, 'callbacks.png'), fullPage: true });

    await card.locator('textarea[name=note]').fill('工人称老板仍未支付，已告知监察员约谈情况');
    await Promise.all([page.waitForURL(/ok=says_not_paid/), card.locator('button[value=says_not_paid]').click()]);
    expect(await page.locator('.alert.ok').textContent()).toContain('工人称未收到工资');
    expect(await page.locator(`#task-${notice.id}`).count()).toBe(0);

    await page.click('nav.tabs a[href="?tab=done"]');
    await page.waitForURL(/tab=done/);
    expect(await page.locator(`#task-${notice.id}`).textContent()).toContain('工人称未收到工资：工人称老板仍未支付');

    await page.click(`#task-${notice.id} h2 a`);
    await page.waitForURL(new RegExp(`/console/cases/${leadId}`));
    const timeline = (await page.locator('#timeline').textContent())!;
    expect(timeline).toMatch(/电话回访\s*·\s*op/);
    expect(timeline).toContain('电话回访：工人称未收到工资（第 1 次拨打）；备注：工人称老板仍未支付');
    const stored = (await app.ctx.repos.leads.get(leadId))!;
    expect(stored.contactedAt).not.toBeNull();
  });

  it('when an operator dials, then the full number comes from the case’s audited reveal', async () => {
    const { leadId, tasks } = await hotlineCase('来电人：我在漳江街道金色家园小区做装修，鑫达装饰欠我工资1万2。', '13900009903');
    const page = await signIn('op');
    await page.goto(`${app.url}/console/callbacks`);
    await Promise.all([
      page.waitForURL(new RegExp(`/console/cases/${leadId}/reveal`)),
      page.click(`#task-${tasks[0]!.id} .cb-reveal button`),
    ]);
    expect(await page.locator('#complainants').textContent()).toContain('13900009903');
    const timeline = (await app.ctx.repos.leads.get(leadId))!.timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'phone_viewed' });
  });

  it('when two operators record a call on one task at once, then the second is told it was done', async () => {
    const { tasks } = await hotlineCase('来电人：漳江街道顺发物流公司欠我们司机工资，3个人共2万1千元。', '13900009904');
    const id = tasks[0]!.id;
    const first = await signIn('op');
    const second = await signIn('op2');
    await first.goto(`${app.url}/console/callbacks`);
    await second.goto(`${app.url}/console/callbacks`);
    await Promise.all([first.waitForURL(/ok=reached/), first.click(`#task-${id} button[value=reached]`)]);
    await Promise.all([second.waitForURL(/err=callback_closed/), second.click(`#task-${id} button[value=no_answer]`)]);
    expect(await second.locator('.alert.err').textContent()).toContain('已由其他人完成');
    expect((await app.ctx.repos.outbound.getCallback(id))!.outcomes.map((o) => o.outcome)).toEqual(['reached']);
  });

  it('when an inspector signs in, then there is no call-back queue', async () => {
    const page = await signIn('insp');
    expect(await page.locator('a[href="/console/callbacks"]').count()).toBe(0);
    expect((await page.goto(`${app.url}/console/callbacks`))?.status()).toBe(403);
  });

  it('then no page had a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
