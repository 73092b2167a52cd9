import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallbackTask } from '../../src/domain/callback';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
jest.setTimeout(60_000);

/** The workers' answers on the case page, and closing as paid against a "no" only by a supervisor's override with a reason. */
describe('payment confirmation on the case page, in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  const staff: Record<string, { id: string; token: string }> = {};
  let leadId = '';

  const api = (who: string, method: string, url: string, body?: unknown) =>
    fetch(`${app.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${staff[who]!.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    browser = await launchChromium();
    for (const [username, role, area] of [
      ['pay.sup', 'supervisor', null],
      ['pay.insp', 'inspector', '漳江街道'],
    ] as const) {
      const made = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
      staff[username] = { id: made.user.id, token: made.token };
    }
    // A hotline caller's case, paid, resolved; the operator's call hears the money has not all come.
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: '13900007401',
      transcript: '来电人：我在漳江街道金桂园工地做钢筋，华茂劳务公司欠我工资9000元。\n坐席：您贵姓？\n来电人：我姓田，田志远。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    expect((await api('pay.sup', 'POST', `/api/leads/${leadId}/assign`, { assigneeId: staff['pay.insp']!.id })).status).toBe(200);
    expect((await api('pay.insp', 'POST', `/api/leads/${leadId}/status`, { to: 'investigating' })).status).toBe(200);
    expect(
      (await api('pay.insp', 'POST', `/api/leads/${leadId}/recoveries`, { amountYuan: 9000, workersPaid: 1, date: '2026-12-01' })).status,
    ).toBe(201);
    expect((await api('pay.insp', 'POST', `/api/leads/${leadId}/status`, { to: 'resolved' })).status).toBe(200);
    const task = await waitFor(
      async () =>
        ((await (await api('pay.sup', 'GET', '/api/callbacks')).json()) as { items: CallbackTask[] }).items.find(
          (t) => t.leadId === leadId && t.kind === 'payment_question',
        ),
      10_000,
      'the call-back task',
    );
    const called = await api('pay.sup', 'POST', `/api/callbacks/${task.id}/outcome`, {
      outcome: 'says_not_paid',
      note: '<b>老板只转了六千</b>',
    });
    expect(called.status).toBe(200);
    // The "no" sent the case back to the inspector, who resolves it again (the caller is asked again).
    expect((await app.ctx.repos.leads.get(leadId))!.status).toBe('investigating');
    expect((await api('pay.insp', 'POST', `/api/leads/${leadId}/status`, { to: 'resolved' })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when a worker said the money has not all come, then the page shows the answer, the marker, and refuses to close as paid until a supervisor overrides with a reason', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signIn(page, 'pay.sup');
    await page.goto(`${app.url}/console/cases/${leadId}`);

    await expect(page.locator('h1 .badge.disputed').textContent()).resolves.toContain('投诉人称未全部到账');
    const row = page.locator('#payment-checks tbody tr.not-paid');
    await expect(row.textContent()).resolves.toMatch(/没有收到/);
    // The worker's words are shown as text, never as markup.
    await expect(row.locator('td.text').textContent()).resolves.toBe('<b>老板只转了六千</b>');
    expect(await row.locator('td.text b').count()).toBe(0);
    await page.locator('#payment-checks').screenshot({ path: path.join(SHOTS, 'case-payment-checks.png') });

    // Closing as paid in full without the override: refused, with the reason in words.
    await page.selectOption('#status-form select[name=to]', 'closed');
    await page.selectOption('#status-form select[name=outcomeCode]', 'paid_in_full');
    await Promise.all([page.waitForURL(/err=payment_disputed/), page.click('#status-form button[type=submit]')]);
    await expect(page.locator('p.alert.err').textContent()).resolves.toContain('不能以“已足额支付”办结');
    expect((await app.ctx.repos.leads.get(leadId))!.status).toBe('resolved');

    // With the override and a reason: closed, and the audit log has it.
    await page.selectOption('#status-form select[name=to]', 'closed');
    await page.selectOption('#status-form select[name=outcomeCode]', 'paid_in_full');
    await page.check('#status-form input[name=override]');
    await page.fill('#status-form input[name=note]', '已核实银行流水，工资已全额转入');
    await Promise.all([page.waitForURL(/ok=status/), page.click('#status-form button[type=submit]')]);
    expect(await app.ctx.repos.leads.get(leadId)).toMatchObject({ status: 'closed', outcomeCode: 'paid_in_full' });
    const audited = (await app.ctx.repos.audit.latest(20)).find((e) => e.action === 'payment_dispute_overridden');
    expect(audited).toMatchObject({ actor: staff['pay.sup']!.id });
    await context.close();
  });

  it('when the case page with payment answers is checked with axe at 1366×768, then it has no serious or critical violation', async () => {
    const page = await (await axeContext(browser)).newPage();
    await signIn(page, 'pay.sup');
    await page.goto(`${app.url}/console/cases/${leadId}`);
    expect(await page.locator('#payment-checks tbody tr').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
