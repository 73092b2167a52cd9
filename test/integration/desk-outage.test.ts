import { randomUUID } from 'node:crypto';
import { freePort } from '../support/free-port';
import { csrfTokenFor, SESSION_COOKIE } from '../../src/http/console/session';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, testConfig, type TestApp } from '../support/test-app';

describe('the hotline desk when the queue is briefly down', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    // Redis does not answer: nothing can be queued, so nothing may be acknowledged.
    app = await startTestApp({ config: testConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }), worker: false });
    ({ token } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'desk-op', password: 'a-long-test-password', role: 'operator', area: null },
    ));
  });
  afterAll(() => app.stop());

  it('when the operator submits, then the page says nothing was filed, asks to retry, and keeps what was typed', async () => {
    const form = new URLSearchParams({
      _csrf: csrfTokenFor(token),
      formId: randomUUID(),
      channel: 'phone',
      receivedAt: '2026-12-03T09:30',
      callerName: '覃某',
      callerPhone: '139-0736-0009',
      text: '陬市镇宏达砖厂老板欠我工资一万二，三个人。',
      category: 'wage_arrears',
      employer: '宏达砖厂',
      amount_yuan: '12000',
      urgency: 'normal',
    });
    const res = await fetch(`${app.url}/console/intake/submit`, {
      method: 'POST',
      headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(503);
    const page = await res.text();
    expect(page).toContain('投诉尚未登记，请稍后再点');
    expect(page).toContain('陬市镇宏达砖厂老板欠我工资一万二，三个人。');
    expect(page).toContain('value="宏达砖厂"');
    expect(await app.ctx.repos.complaints.countByState()).toEqual({});
  });
});
