import http from 'node:http';
import { startTestApp, testConfig } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { AREA_A, staffToken } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

const AT_ONCE = 60;
const PASSWORD = 'a-long-test-password';
/** Wrong passwords that may be tried before the limit holds, all at once (LOGIN_MAX_FAILURES is 5). */
const BOUND = 10;

/** A sign-in from a given local address (127.0.0.2 is another client to the API on 127.0.0.1). */
function signInFrom(url: string, localAddress: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/auth/login`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const tally = (statuses: number[]) =>
  Object.entries(statuses.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');

/**
 * Case 18: wrong passwords for one account sent all at once, by the API and by the console's form
 * together: the limit must hold however many are in flight (counted before the slow hash), the right
 * password must then be refused too, and another account from another address must still sign in.
 */
export const loginParallel: FaultCase = {
  issueCase: 18,
  id: 'login-parallel',
  title: 'sixty wrong passwords for one account at once',
  quick: true,
  measures: ['rejected', 'parallel_login_failures_before_limit'],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp({ config: testConfig({ LOG_LEVEL: 'silent' }) });
    try {
      const api = (body: unknown) =>
        fetch(`${app.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (res) => (await res.body?.cancel(), res.status));
      const form = (username: string, password: string) =>
        fetch(`${app.url}/console/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ username, password }).toString(),
          redirect: 'manual',
        }).then(async (res) => (await res.body?.cancel(), res.status));

      const victim = await staffToken(app, 'supervisor', null);
      const other = await staffToken(app, 'inspector', AREA_A);
      const started = Date.now();
      const guesses = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, k) => api({ username: victim.username, password: `guess-${k}` })),
      );
      const ms = Date.now() - started;
      const through = guesses.filter((s) => s === 401).length;
      const right = await api({ username: victim.username, password: PASSWORD });
      const elsewhere = await signInFrom(app.url, '127.0.0.2', { username: other.username, password: PASSWORD });

      // The same account guessed through the API and the console's sign-in form at once: one limit.
      const second = await staffToken(app, 'admin', null);
      const mixed = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, k) =>
          k % 2 ? api({ username: second.username, password: `guess-${k}` }) : form(second.username, `guess-${k}`),
        ),
      );
      const mixedThrough = mixed.filter((s) => s === 401).length;

      r.add('parallel_login_failures_before_limit', through);
      r.add('rejected', [...guesses, ...mixed].filter((s) => s === 401 || s === 429).length);
      r.expect(through <= BOUND, `${through} of ${AT_ONCE} wrong passwords sent at once were checked (401) before the limit held (FAULT)`);
      r.expect(
        guesses.every((s) => s === 401 || s === 429),
        `answers other than 401/429: ${tally(guesses)}`,
      );
      r.expect(right === 429, `the right password after the burst answered ${right} (the limit is an oracle or did not hold)`);
      r.expect(elsewhere === 200, `another account from another address could not sign in (${elsewhere})`);
      r.expect(mixedThrough <= BOUND, `${mixedThrough} of ${AT_ONCE} wrong passwords by API and console form at once got 401 (FAULT)`);
      r.found(
        'wrong passwords for one account sent all at once (Promise.all), by the API; then the right one; another account from 127.0.0.2',
        `${AT_ONCE} at once, answered within ${ms} ms`,
        `${tally(guesses)}: ${through} checked before the limit held (bound ${BOUND}); the right password then: ${right}; another account from another address: ${elsewhere}`,
      );
      r.found(
        'the same with half of them through the console’s sign-in form',
        `${AT_ONCE} at once`,
        `${tally(mixed)}: ${mixedThrough} checked before the limit held`,
      );
    } finally {
      await app.stop();
    }
    return r.result();
  },
};
