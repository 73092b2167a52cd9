import { type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import type { Lead } from '../../../src/domain/lead';
import { createStaffUser } from '../../../src/services/staff-accounts';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';
import { acceptPort } from '../../../src/composition/intake';

const PASSWORD = 'a-long-test-password';
/** Each one, if it ran, would bump window.__xss or open a dialog. */
const PAYLOADS = [
  '<script>window.__xss++</script>',
  '<img src=x onerror="window.__xss++">',
  '<svg onload="window.__xss++"></svg>',
  '<a href="javascript:window.__xss++">点我</a> javascript:alert(1)',
  '"><iframe srcdoc="<script>parent.__xss++</script>"></iframe>',
  "{{7*7}} {{constructor.constructor('window.__xss++')()}}",
  '<%= 7*7 %> ${7*7} <%- "<script>alert(1)</script>" %>',
  '</style><script>window.__xss++</script>',
  '\'><details open ontoggle="window.__xss++">x</details>',
  '</textarea></title><script>alert(document.domain)</script>',
];
/** Fictional employers: one case per complaint, so every payload gets case pages of its own. */
const EMPLOYERS = [
  '鼎泰建筑公司',
  '恒兴纸箱厂',
  '宏远物流公司',
  '金穗食品厂',
  '华辰装饰公司',
  '瑞丰制衣厂',
  '永安钢构公司',
  '鑫达包装厂',
  '顺发运输公司',
  '天禾园林公司',
];

/** Markup a payload would have created, had it been parsed as HTML. */
const INJECTED =
  'script:not([src]), img[src="x"], svg[onload], iframe[srcdoc], details[ontoggle], [onerror], [onload], a[href^="javascript:"]';

/** Case 14: XSS payloads in complaint text, complainant names and evidence file names, in a real browser. */
export const consoleXss: FaultCase = {
  issueCase: 14,
  id: 'console-xss',
  title: 'XSS in complaint text, names and evidence file names in the staff console',
  quick: true,
  measures: ['xss_executed'],
  async run() {
    const r = new CaseReport();
    const app: TestApp = await startTestApp({ config: testConfig({ LOG_LEVEL: 'silent' }) });
    const browser = await launchChromium();
    let executed = 0;
    let injected = 0;
    let cspBlocked = 0;
    let notShown = 0;
    const errors: string[] = [];
    try {
      const username = uniqueName('xss-admin').slice(0, 40);
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role: 'admin', area: null });
      // Complaints: hotline transcripts with a payload in the text, WeChat ones with it in the name and the evidence file name too.
      const complaintIds: string[] = [];
      const payloadOf = new Map<string, string>();
      for (const [i, p] of PAYLOADS.entries()) {
        pii.note(1400 + i);
        const res = await postTranscript(app.url, {
          callId: uniqueName('call'),
          receivedAt: new Date().toISOString(),
          transcript: `来电人：我在漳江街道的${EMPLOYERS[i]}${p}做了两个月，欠我工资${5000 + i}元，就我一个人，电话1387777${String(1400 + i).padStart(4, '0')}。`,
        });
        r.expect(res.status === 202, `a hotline transcript with payload ${i} answered ${res.status}`);
        const hotlineId = ((await res.json()) as { complaintId: string }).complaintId;
        complaintIds.push(hotlineId);
        payloadOf.set(hotlineId, p);
        const user = `wxid_xss_${i}`;
        const evidenceId = await app.ctx.repos.evidence.add({
          channel: 'wechat',
          channelUserId: user,
          name: `${p}.png`,
          mime: 'image/png',
          data: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
        });
        const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
          channel: 'wechat',
          dedupKey: uniqueName('msg'),
          sender: { channelUserId: user, name: p, phone: `1390000${String(1400 + i).padStart(4, '0')}` },
          operator: null,
          text: `我在陬市镇${EMPLOYERS[(i + 5) % 10]}做包装工，${p}${EMPLOYERS[(i + 5) % 10]}欠我工资${6000 + i}元，电话1390000${String(1400 + i).padStart(4, '0')}。`,
          turns: [],
          receivedAt: new Date(),
          evidenceIds: [evidenceId],
        });
        complaintIds.push(complaintId);
        payloadOf.set(complaintId, p);
      }
      const leadIds = new Set<string>();
      for (const id of complaintIds) {
        const c = await waitFor(
          async () => {
            const got = await app.ctx.repos.complaints.get(id);
            return got?.leadId ? got : null;
          },
          20_000,
          'the case of a hostile complaint',
        );
        leadIds.add(c.leadId!);
      }
      const leads = (await Promise.all([...leadIds].map((id) => app.ctx.repos.leads.get(id)))).filter(Boolean) as Lead[];

      const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      context.setDefaultTimeout(15_000);
      await context.addInitScript('window.__xss = 0;');
      context.on('page', (p) => {
        p.on('dialog', (d) => {
          executed++;
          void d.dismiss();
        });
        p.on('console', (m) => {
          if (m.type() !== 'error' || /Failed to load resource/.test(m.text())) return;
          if (/Content Security Policy/.test(m.text())) cspBlocked++;
          errors.push(m.text().slice(0, 160));
        });
        p.on('pageerror', (e) => errors.push(e.message.slice(0, 160)));
      });
      const page: Page = await context.newPage();
      await page.goto(`${app.url}/console`);
      await page.waitForURL(/\/console\/login/);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', PASSWORD);
      await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);

      const visit = async (path: string, mustShow: string[]) => {
        const res = await page.goto(`${app.url}${path}`);
        r.expect(res?.status() === 200, `${path} answered ${res?.status()}`);
        await page.waitForLoadState('load');
        // Let anything that was going to run (onerror, ontoggle, iframes) run.
        await page.waitForFunction('document.readyState === "complete"');
        executed +=
          (await page.evaluate<number>('Number(window.__xss) || 0')) +
          (await page.evaluate<number>(
            `[...document.querySelectorAll('iframe')].reduce((a, f) => { try { return a + (Number(f.contentWindow.__xss) || 0); } catch { return a; } }, 0)`,
          ));
        const n = await page.locator(INJECTED).count();
        injected += n;
        r.expect(n === 0, `${path}: ${n} elements made by payload markup`);
        const text = (await page.textContent('body')) ?? '';
        const missing = mustShow.filter((s) => !text.includes(s));
        notShown += missing.length;
        r.expect(missing.length === 0, `${path}: payloads not shown as text: ${missing.map((m) => m.slice(0, 30)).join(' | ')}`);
      };
      // Control: the same hooks and selector do see a payload that runs (on a page without the console's CSP).
      const control = await context.newPage();
      await control.setContent('<img src=x onerror="window.__xss++"><svg onload="window.__xss++"></svg>');
      await control.waitForFunction('window.__xss >= 2', undefined, { timeout: 5_000 }).catch(() => undefined);
      const seen = await control.evaluate<number>('window.__xss');
      const seenMarkup = await control.locator(INJECTED).count();
      r.expect(seen === 2 && seenMarkup === 2, `the detector missed a payload that ran (saw ${seen} runs, ${seenMarkup} elements)`);
      await control.close();
      await visit('/console', []);
      await visit('/console?q=%3Cscript%3E', []);
      for (const lead of leads) {
        const shown = [...new Set(lead.complaintIds.flatMap((c) => payloadOf.get(String(c)) ?? []))];
        await visit(`/console/cases/${lead.id}`, shown);
      }
      await visit('/console/dashboard', []);
      const pages = 3 + leads.length;
      r.add('xss_executed', executed);
      r.add('xss_markup_injected', injected);
      r.expect(executed === 0, `${executed} payloads executed`);
      r.expect(cspBlocked === 0, `${cspBlocked} inline scripts were injected and only CSP stopped them`);
      r.expect(errors.length === 0, `script errors on console pages: ${errors.slice(0, 5).join(' | ')}`);
      r.found(
        'XSS payloads (<script>, img onerror, svg onload, javascript: URLs, iframe srcdoc, {{7*7}}/<%= %> template strings, </style>/</textarea> breakouts) in complaint text (hotline and WeChat), complainant names and evidence file names; queue, search, every case page and the dashboard in Chromium',
        `${PAYLOADS.length} payloads × 3 places, ${complaintIds.length} complaints in ${leads.length} cases, ${pages} pages`,
        `control page: detector saw ${seen}/2 runs; executed ${executed} (window.__xss hooks and dialogs); payload markup in the DOM ${injected}; inline scripts stopped only by CSP ${cspBlocked}; payloads not shown as text ${notShown}; script errors ${errors.length}`,
      );
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
    }
    return r.result();
  },
};
