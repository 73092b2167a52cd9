import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, testConfig, type TestApp } from '../support/test-app';

describe('sign-in limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ config: testConfig({ LOGIN_MAX_FAILURES: '5' }), worker: false });
    for (const username of ['guessed', 'bystander'])
      await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role: 'operator', area: null });
  });
  afterAll(() => app.stop());

  const login = (username: string, password: string) =>
    fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  it('when 60 wrong passwords for one account arrive at once, then at most 5 are checked and the rest are refused with 429', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login('guessed', `wrong-${i}`).then((r) => r.status)));
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(55);
    expect((await login('guessed', 'a-long-test-password')).status).toBe(429);
  });

  it('when another account signs in from the same client, then it is not locked out by the first', async () => {
    expect((await login('bystander', 'a-long-test-password')).status).toBe(200);
  });
});

describe('sign-in limits behind a reverse proxy', () => {
  const loginFrom = (app: TestApp, client: string) =>
    fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ username: 'office-user', password: 'wrong-password' }),
    }).then((r) => r.status);

  it.each([
    ['loopback', 401],
    ['false', 429],
  ])('when TRUST_PROXY is %s and one office address is locked out, then another address answers %i', async (trust, otherAnswer) => {
    const app = await startTestApp({ config: testConfig({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: trust }), worker: false });
    try {
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'office-user', password: 'a-long-test-password', role: 'operator', area: null },
      );
      for (let i = 0; i < 3; i++) expect(await loginFrom(app, '203.0.113.1')).toBe(401);
      expect(await loginFrom(app, '203.0.113.1')).toBe(429);
      expect(await loginFrom(app, '203.0.113.2')).toBe(otherAnswer);
    } finally {
      await app.stop();
    }
  });
});
