import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { acceptPort, wechatBotPort } from '../../src/composition/intake';

const SHOTS = path.join(__dirname, '../../test-output/screenshots');
const PASSWORD = 'a-long-test-password';
// A shared 2-core machine can be slow to start pages; each step still waits with bounded timeouts.
jest.setTimeout(60_000);

describe('staff console in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let hotlineLead: Lead;
  let hostileLead: Lead;
  let photoLead: Lead;
  const pageErrors: string[] = [];

  const leadOf = async (complaintId: string) =>
    waitFor(
      async () => {
        const c = await app.ctx.repos.complaints.get(complaintId);
        return c?.leadId ? app.ctx.repos.leads.get(c.leadId) : null;
      },
      15_000,
      'the lead of a hotline transcript',
    );

  const transcript = async (transcript: unknown, callerPhone?: string) => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone,
      transcript,
    });
    return ((await res.json()) as { complaintId: string }).complaintId;
  };

  const contexts = new Map<string, BrowserContext>();
  /** A page signed in as `username`: one browser context (own cookies) per user, signed in through the form once. */
  const signIn = async (username: string, viewport = { width: 1366, height: 768 }): Promise<Page> => {
    const key = `${username}@${viewport.width}`;
    const known = contexts.get(key);
    if (known) {
      const page = await known.newPage();
      await page.goto(`${app.url}/console`);
      return page;
    }
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(10_000);
    contexts.set(key, context);
    // Script errors and CSP violations on any page fail the last test (a 404 or 403 answer is expected).
    context.on('page', (p) => {
      p.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
      });
      p.on('pageerror', (e) => pageErrors.push(e.message));
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/console`);
    await page.waitForURL(/\/console\/login/);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await startTestApp();
    const make = (username: string, role: 'admin' | 'supervisor' | 'inspector', area: string | null) =>
      createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
    await make('admin', 'admin', null);
    await make('sup', 'supervisor', null);
    await make('insp-zj', 'inspector', '漳江街道');
    await make('insp-zs', 'inspector', '陬市镇');
    const [a, b] = await Promise.all([
      transcript(
        [
          { speaker: 'agent', text: '您好，12345热线，请讲。' },
          { speaker: 'caller', text: '我在漳江街道滨湖小区工地做泥工，兴旺建筑劳务有限公司欠我们12个人工资共24万元，电话13900008801。' },
        ],
        '13900008801',
      ),
      transcript(
        '来电人：漳江街道<script>window.__xss=1</script>恒通物流公司<img src=x onerror="window.__xss=2">欠我工资8000元，电话13900008802。',
      ),
    ]);
    // A WeChat complaint with a photo of an IOU (a 1×1 PNG stands in for it).
    const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const evidenceId = await app.ctx.repos.evidence.add({
      channel: 'wechat',
      channelUserId: 'wxid_e2e_photo',
      name: '欠条.png',
      mime: 'image/png',
      data: photo,
    });
    const { complaintId: c } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'wechat',
      dedupKey: uniqueName('msg'),
      sender: { channelUserId: 'wxid_e2e_photo', name: '龙师傅', phone: '13900008803' },
      operator: null,
      text: '我在漳江街道锦绣花园工地做木工，鑫源装饰公司欠我工资5000元，电话13900008803，欠条照片发给你们了。',
      turns: [],
      receivedAt: new Date(),
      evidenceIds: [evidenceId],
    });
    [hotlineLead, hostileLead, photoLead] = await Promise.all([leadOf(a), leadOf(b), leadOf(c)]);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('when an inspector signs in, then the queue lists the hotline case, which search and the channel filter find', async () => {
    const page = await signIn('insp-zj');
    expect(await page.textContent('h1')).toContain('案件队列');
    await page.fill('input[name=q]', '兴旺建筑');
    await page.selectOption('select[name=channel]', 'hotline');
    await Promise.all([page.waitForURL(/channel=hotline/), page.click('form.filters button[type=submit]')]);
    const rows = page.locator('table.queue tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(hotlineLead.caseNumber);
    expect(await rows.first().getAttribute('class')).toContain('urgent');
    await page.goto(`${app.url}/console`);
    await shot(page, 'queue');
    await page.close();
  });

  it('when the inspector works the case, then the phone is masked until shown (audited), and a reply and a recovery are recorded', async () => {
    const page = await signIn('insp-zj');
    await page.click(`a:has-text("${hotlineLead.caseNumber}")`);
    await page.waitForURL(`${app.url}/console/cases/${hotlineLead.id}`);
    expect(await page.textContent('#complainants')).toContain('139****8801');
    expect(await page.textContent('#complaints')).not.toContain('13900008801');
    expect(await page.textContent('#complaints')).toContain('兴旺建筑劳务有限公司欠我们12个人工资');
    await shot(page, 'case');

    await Promise.all([page.waitForLoadState('load'), page.click('#reveal')]);
    expect(await page.textContent('#complainants')).toContain('13900008801');
    expect(await page.textContent('#timeline')).toContain('查看电话');

    await page.goto(`${app.url}/console/cases/${hotlineLead.id}`);
    await page.fill('#reply-form textarea[name=text]', '您好，我们已联系兴旺建筑劳务有限公司核实，请保持电话畅通。');
    await Promise.all([page.waitForURL(/ok=replied/), page.click('#reply-form button[type=submit]')]);
    expect(await page.textContent('#messages')).toContain('请保持电话畅通');
    expect(await page.textContent('#messages')).toContain('待电话回访'); // a hotline caller gets a call-back task

    // The status form asks only for what the chosen status needs.
    expect(await page.isHidden('#status-form [data-for=closed]')).toBe(true);
    for (const to of ['assigned', 'investigating']) {
      await page.selectOption('#status-form select[name=to]', to);
      await Promise.all([page.waitForURL(/ok=status/), page.click('#status-form button[type=submit]')]);
    }
    expect(await page.textContent('h1')).toContain('调查中');
    await page.fill('#recovery-form input[name=amountYuan]', '120000');
    await page.fill('#recovery-form input[name=workersPaid]', '6');
    await Promise.all([page.waitForURL(/ok=recovery/), page.click('#recovery-form button[type=submit]')]);
    expect(await page.textContent('#fields')).toContain('120,000 元，6 人');

    await page.fill('#fields input[name=employer]', '兴旺建筑劳务有限公司（桃源分公司）');
    await Promise.all([page.waitForURL(/ok=saved/), page.click('#fields button[type=submit]')]);
    const timeline = await page.textContent('#timeline');
    expect(timeline).toContain('修改案件信息');
    expect(timeline).toContain('兴旺建筑劳务有限公司 → 兴旺建筑劳务有限公司（桃源分公司）');
    expect(timeline).toContain('记录追回工资');
    await shot(page, 'case-worked');
    await page.close();
  });

  it('when a supervisor opens the dashboard, then the recovery is counted and the charts are drawn from local scripts', async () => {
    const page = await signIn('sup');
    await page.click('a:has-text("统计看板")');
    await page.waitForURL(/\/console\/dashboard/);
    expect(await page.textContent('#t-yuan')).toContain('120,000 元');
    expect(await page.textContent('#t-workers')).toContain('6 人');
    expect(await page.textContent('#report-text')).toContain('政务热线投诉2条');
    await waitFor(() => page.evaluate<boolean>("Boolean(window.Chart && window.Chart.getChart('chart-weekly'))"), 5000, 'the chart');
    await shot(page, 'dashboard');
    await page.close();
  });

  it('when an inspector of another area opens the case, then it is not found and not in their queue', async () => {
    const page = await signIn('insp-zs');
    expect(await page.textContent('main')).not.toContain(hotlineLead.caseNumber);
    const res = await page.goto(`${app.url}/console/cases/${hotlineLead.id}`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('main')).toContain('案件不存在');
    expect(await page.textContent('main')).not.toContain('兴旺建筑');
    await page.close();
  });

  it('when a complaint carries <script> and <img onerror> payloads, then the page shows them as text and runs nothing', async () => {
    const page = await signIn('insp-zj');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${app.url}/console/cases/${hostileLead.id}`);
    const text = await page.textContent('#complaints');
    expect(text).toContain('<script>window.__xss=1</script>');
    expect(text).toContain('<img src=x onerror="window.__xss=2">');
    expect(await page.evaluate<string>('typeof window.__xss')).toBe('undefined');
    expect(await page.locator('#complaints img[src=x], #complaints script').count()).toBe(0);
    expect(dialogs).toBe(0);
    const res = await page.request.get(`${app.url}/console/cases/${hostileLead.id}`);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    await shot(page, 'case-hostile');
    await page.close();
  });

  it('when a WeChat complaint came with a photo, then the case page shows the image, served only to those who may see the case', async () => {
    const page = await signIn('insp-zj');
    await page.goto(`${app.url}/console/cases/${photoLead.id}`);
    const img = page.locator('#complaints .evidence img');
    await img.waitFor();
    await waitFor(
      () => img.evaluate((el: { complete: boolean; naturalWidth: number }) => el.complete && el.naturalWidth === 1),
      5000,
      'the photo',
    );
    const src = (await img.getAttribute('src'))!;
    await page.close();
    const outsider = await signIn('insp-zs');
    expect((await outsider.request.get(`${app.url}${src}`)).status()).toBe(404);
    await outsider.close();
  });

  it('when a form is posted without the session’s CSRF token, or passwords are guessed, then it is refused', async () => {
    const page = await signIn('insp-zj');
    const forged = await page.request.post(`${app.url}/console/cases/${hotlineLead.id}/reply`, { form: { text: '伪造的回复' } });
    expect(forged.status()).toBe(403);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'wa_console')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.close();
    const guess = () =>
      fetch(`${app.url}/console/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=sup&password=wrong-password',
        redirect: 'manual',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('when an admin opens operations, then queue health, the WeChat QR code and staff users are there, and a user can be added and disabled', async () => {
    wechatBotPort(app.ctx).onState!({ state: 'scan', qrcode: 'https://login.example.invalid/l/e2e-qr' });
    const page = await signIn('admin');
    await page.click('a:has-text("运维管理")');
    await page.waitForURL(/\/console\/ops/);
    expect(await page.textContent('#queues')).toContain('线索分拣');
    expect(await page.textContent('#wechat')).toContain('登录状态');
    await page.fill('#new-staff input[name=username]', 'new-inspector');
    await page.fill('#new-staff input[name=password]', PASSWORD);
    await page.fill('#new-staff input[name=area]', '陬市镇');
    await Promise.all([page.waitForURL(/ok=created/), page.click('#new-staff button[type=submit]')]);
    expect(await page.textContent('#staff')).toContain('new-inspector');
    expect(await page.locator('#wechat .qr svg').count()).toBe(1);
    const row = page.locator('#staff tr', { hasText: 'new-inspector' });
    await Promise.all([page.waitForURL(/ok=updated/), row.locator('button:has-text("停用")').click()]);
    expect(await page.locator('#staff tr', { hasText: 'new-inspector' }).textContent()).toContain('已停用');
    await shot(page, 'ops');
    await page.close();

    const inspector = await signIn('insp-zj');
    expect((await inspector.goto(`${app.url}/console/ops`))?.status()).toBe(403);
    await inspector.close();
  });

  it('when a supervisor merges a duplicate by its case number and splits the complaint off again, then the case holds both complaints and the split-off complaint gets a case of its own', async () => {
    const page = await signIn('sup');
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${app.url}/console/cases/${hotlineLead.id}`);
    await page.fill('#merge-form input[name=sourceCaseNumber]', hostileLead.caseNumber);
    await Promise.all([page.waitForURL(/ok=merged/), page.click('#merge-form button[type=submit]')]);
    expect(await page.textContent('#complaints')).toContain('投诉原文（2 条）');
    expect(await page.textContent('#timeline')).toContain(`并入案件 ${hostileLead.caseNumber}`);
    await Promise.all([page.waitForURL(/ok=split/), page.click('#complaints button:has-text("拆分为新案件")')]);
    expect(page.url()).not.toContain(hotlineLead.id); // now on the new case
    expect(await page.textContent('#complaints')).toContain('恒通物流公司');
    await page.close();
  });

  it('when the queue is opened on a phone, then it fits the screen', async () => {
    const page = await signIn('insp-zj', { width: 390, height: 844 });
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, 'queue-phone');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
