import type { Browser, Page } from 'playwright-core';
import { acceptPort } from '../../src/composition/intake';
import { createStaffUser } from '../../src/services/staff-accounts';
import { axeContext, seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const PASSWORD = 'a-long-test-password';
jest.setTimeout(90_000);

/** Every console page, checked with axe-core's WCAG 2.1 A and AA rules at 1366×768. */
describe('the console against WCAG 2.1 AA (axe-core)', () => {
  let app: TestApp;
  let browser: Browser;
  let leadId: string;
  let reviewId: string;

  const signIn = async (username: string): Promise<Page> => {
    const page = await (await axeContext(browser)).newPage();
    await page.goto(`${app.url}/console/login`);
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`${app.url}/console`), page.click('button[type=submit]')]);
    return page;
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    await createStaffUser({ staff: app.ctx.repos.staff }, { username: 'admin', password: PASSWORD, role: 'admin', area: null });
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: '13900004401',
      transcript: '来电人：我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我们5个人工资共4万元。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId);
    const consult = await acceptPort(app.ctx).acceptComplaint({
      channel: 'phone',
      dedupKey: uniqueName('call'),
      sender: { channelUserId: null, name: null, phone: null },
      operator: 'desk',
      text: '请问劳动仲裁怎么申请？',
      turns: [],
      receivedAt: new Date(),
    });
    reviewId = consult.complaintId;
    await waitFor(async () => (await app.ctx.repos.complaints.get(reviewId))?.review);
  });
  afterAll(async () => {
    await browser?.close();
    await app.stop();
  });

  it('when a page has an image without text and a nameless button, then the check finds both (the probe can fail)', async () => {
    const page = await (await axeContext(browser)).newPage();
    await page.setContent('<!doctype html><html lang="zh-CN"><title>t</title><main><img src="x.png"><button></button></main></html>');
    expect((await seriousViolations(page)).map((v) => v.id).sort()).toEqual(['button-name', 'image-alt']);
  });

  it('when the sign-in page is checked, then it has no serious or critical violation', async () => {
    const page = await (await axeContext(browser)).newPage();
    await page.goto(`${app.url}/console/login`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['the case queue', '/console'],
    ['a case', () => `/console/cases/${leadId}`],
    ['a case with a confirmation', () => `/console/cases/${leadId}?ok=saved`],
    ['a case with an error', () => `/console/cases/${leadId}?err=conflict`],
    ['the review queue', '/console/reviews'],
    ['the review queue after a confirmation', '/console/reviews?ok=confirmed'],
    ['complaint entry', '/console/intake'],
    ['caller lookup', '/console/lookup?q=13900004401'],
    ['a complaint in review', () => `/console/reviews/${reviewId}`],
    ['the call-back queue', '/console/callbacks'],
    ['the dashboard', '/console/dashboard'],
    ['operations', '/console/ops'],
    ['the import upload', '/console/import'],
    ['the FAQ', '/console/faq?q=包工头跑了工资找谁要'],
    ['an FAQ entry', '/console/faq/arbitration'],
    ['the inbox', '/console/inbox'],
  ] as [string, string | (() => string)][])('when %s is checked, then it has no serious or critical violation', async (_name, path) => {
    const page = await signIn('admin');
    await page.goto(`${app.url}${typeof path === 'string' ? path : path()}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
