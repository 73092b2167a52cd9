import { hashToken } from '../../../src/services/staff-accounts';
import type { Lead } from '../../../src/domain/lead';
import { startTestApp, testConfig } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { AREA_A, AREA_B, bearer, caseIn, staffToken } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

const LOGIN_ATTEMPTS = 40;

/** Case 12: staff tokens, roles, another area's case by id, and login brute force. */
export const staffAccess: FaultCase = {
  issueCase: 12,
  id: 'staff-access',
  title: 'staff: tokens, roles, another area’s case, assignment across areas, login brute force',
  quick: true,
  measures: ['rejected', 'cross_area_reads'],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp({ config: testConfig({ LOG_LEVEL: 'silent' }) });
    const call = (method: string, path: string, token: string | null, body?: unknown) =>
      fetch(`${app.url}${path}`, {
        method,
        headers: token === null ? { 'content-type': 'application/json' } : bearer(token, true),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    try {
      const leadA = await caseIn(app, AREA_A, '鼎泰建筑公司', 1201);
      const leadB = await caseIn(app, AREA_B, '恒兴纸箱厂', 1202);
      const inspA = await staffToken(app, 'inspector', AREA_A);
      const inspB = await staffToken(app, 'inspector', AREA_B);
      const supA = await staffToken(app, 'supervisor', AREA_A);
      const op = await staffToken(app, 'operator', null);
      const admin = await staffToken(app, 'admin', null);

      // Unauthenticated, malformed, tampered, revoked and expired tokens.
      const badTokens: [string, string | null][] = [
        ['no Authorization header', null],
        ['empty token', ''],
        ['not a token', 'hello'],
        ['forged token', `wat_${'A'.repeat(43)}`],
        ['tampered (last character)', inspA.token.slice(0, -1) + (inspA.token.endsWith('A') ? 'B' : 'A')],
        ['tampered (first body character)', `wat_${inspA.token[4] === 'x' ? 'y' : 'x'}${inspA.token.slice(5)}`],
        ['truncated', inspA.token.slice(0, 20)],
      ];
      const revoked = await staffToken(app, 'inspector', AREA_A);
      await call('POST', '/api/auth/logout', revoked.token);
      badTokens.push(['revoked by logout', revoked.token]);
      const expired = await staffToken(app, 'inspector', AREA_A);
      const moved = await app.ctx.db
        .collection('api_tokens')
        .updateOne(
          { tokenHash: hashToken(expired.token) },
          { $set: { expiresAt: new Date(Date.now() - 60_000), createdAt: new Date(Date.now() - 400 * 86_400_000) } },
        );
      r.expect(moved.matchedCount === 1, 'could not age the token');
      badTokens.push(['expired', expired.token]);
      let tokenAccepted = 0;
      for (const [what, token] of badTokens) {
        for (const [method, path] of [
          ['GET', '/api/leads'],
          ['GET', `/api/leads/${leadA.id}`],
          ['POST', `/api/leads/${leadA.id}/replies`],
        ] as const) {
          const res = await call(method, path, token, method === 'POST' ? { text: '您好' } : undefined);
          if (res.status === 401) r.add('rejected', 1);
          else {
            tokenAccepted++;
            r.expect(false, `${what} token: ${method} ${path} answered ${res.status}`);
          }
        }
      }
      r.found(
        'staff API with no, malformed, forged, tampered, truncated, revoked or expired tokens',
        `${badTokens.length * 3} requests`,
        `401 for all but ${tokenAccepted}`,
      );

      // Wrong role.
      const roleChecks: [string, string, string, string, unknown][] = [
        ['inspector assigns', inspA.token, 'POST', `/api/leads/${leadA.id}/assign`, { assigneeId: inspA.id }],
        ['inspector merges', inspA.token, 'POST', `/api/leads/${leadA.id}/merge`, { sourceLeadId: leadB.id }],
        ['inspector reads statistics', inspA.token, 'GET', '/api/stats?from=2026-01-01&to=2026-12-31', undefined],
        ['inspector reads call-back tasks', inspA.token, 'GET', '/api/callbacks', undefined],
        ['operator changes a status', op.token, 'POST', `/api/leads/${leadA.id}/status`, { to: 'rejected', rejectReason: 'duplicate' }],
        [
          'operator records a recovery',
          op.token,
          'POST',
          `/api/leads/${leadA.id}/recoveries`,
          { amountYuan: 1, workersPaid: 1, date: '2026-01-01' },
        ],
        ['operator merges', op.token, 'POST', `/api/leads/${leadA.id}/merge`, { sourceLeadId: leadB.id }],
        ['supervisor reads the WeChat login QR code', supA.token, 'GET', '/api/wechat/login', undefined],
      ];
      let roleAccepted = 0;
      for (const [what, token, method, path, body] of roleChecks) {
        const res = await call(method, path, token, body);
        if (res.status === 403 || res.status === 404) r.add('rejected', 1);
        else {
          roleAccepted++;
          r.expect(false, `${what}: ${res.status}`);
        }
      }
      r.found('actions of a role that may not do them', `${roleChecks.length} requests`, `403/404 for all but ${roleAccepted}`);

      // Another area's case, by id: read, update, reply, reveal, messages, merge, split.
      const crossChecks: [string, string, string, string, unknown][] = [];
      for (const [who, token] of [
        ['inspector of A', inspA.token],
        ['supervisor of A', supA.token],
      ] as const) {
        crossChecks.push(
          [`${who} reads B's case`, token, 'GET', `/api/leads/${leadB.id}`, undefined],
          [`${who} reads B's messages`, token, 'GET', `/api/leads/${leadB.id}/messages`, undefined],
          [`${who} reveals B's phones`, token, 'POST', `/api/leads/${leadB.id}/reveal-phone`, undefined],
          [`${who} changes B's status`, token, 'POST', `/api/leads/${leadB.id}/status`, { to: 'rejected', rejectReason: 'duplicate' }],
          [
            `${who} records a recovery on B`,
            token,
            'POST',
            `/api/leads/${leadB.id}/recoveries`,
            { amountYuan: 100, workersPaid: 1, date: '2026-01-01' },
          ],
          [`${who} replies on B`, token, 'POST', `/api/leads/${leadB.id}/replies`, { text: '您好，请提供更多材料。' }],
          [`${who} splits B`, token, 'POST', `/api/leads/${leadB.id}/split`, { complaintId: leadB.complaintIds[0] }],
        );
      }
      crossChecks.push(
        ['supervisor of A assigns B', supA.token, 'POST', `/api/leads/${leadB.id}/assign`, { assigneeId: inspA.id }],
        ['supervisor of A merges B into A', supA.token, 'POST', `/api/leads/${leadA.id}/merge`, { sourceLeadId: leadB.id }],
      );
      let crossReads = 0;
      for (const [what, token, method, path, body] of crossChecks) {
        const res = await call(method, path, token, body);
        if (res.status === 404 || res.status === 403) r.add('rejected', 1);
        else {
          crossReads++;
          r.expect(false, `${what}: ${res.status}`);
        }
      }
      // Lists and searches: nothing of area B appears for area A's staff.
      for (const [who, token] of [
        ['inspector of A', inspA.token],
        ['supervisor of A', supA.token],
      ] as const) {
        for (const q of ['', `?q=${encodeURIComponent('恒兴')}`, `?q=${encodeURIComponent(leadB.caseNumber)}`]) {
          const body = (await (await call('GET', `/api/leads${q}`, token)).json()) as { items: Lead[] };
          const leaked = body.items.filter((l) => l.area !== AREA_A && l.assigneeId === null).length;
          crossReads += leaked;
          r.expect(leaked === 0, `${who}: GET /api/leads${q} listed ${leaked} cases of another area`);
        }
        const cb = await call('GET', '/api/callbacks', token);
        if (cb.ok) {
          const items = ((await cb.json()) as { items: { leadId: string }[] }).items;
          const leaked = items.filter((m) => m.leadId === leadB.id).length;
          crossReads += leaked;
          r.expect(leaked === 0, `${who}: GET /api/callbacks listed ${leaked} call-back tasks of another area's case`);
        }
      }
      r.add('cross_area_reads', crossReads);
      const after = await app.ctx.repos.leads.get(leadB.id);
      r.expect(after?.status === 'new' && after.recoveries.length === 0 && after.complaintIds.length === 1, "area B's case was changed");
      r.found(
        "area A's inspector and supervisor on area B's case by id (read, messages, reveal, status, recovery, reply, split, assign, merge) and in lists and searches",
        `${crossChecks.length} requests, 6 lists, 2 call-back lists`,
        `cross-area reads or writes ${crossReads}; B's case unchanged: ${after?.status === 'new'}`,
      );
      r.expect((await call('GET', `/api/leads/${leadB.id}`, inspB.token)).status === 200, "area B's inspector cannot read B's case");
      r.expect((await call('GET', `/api/leads/${leadB.id}`, admin.token)).status === 200, 'the admin cannot read a case');

      // Assignment across areas: A's supervisor may not hand A's case to B's inspector, with or without
      // transfer, nor may a county-wide supervisor without saying transfer; with it, they may (the control).
      const leadA2 = await caseIn(app, AREA_A, '华辰装饰公司', 1203);
      const county = await staffToken(app, 'supervisor', null);
      let assignedAcross = 0;
      const assignAnswers: number[] = [];
      for (const [what, token, body] of [
        ["supervisor of A assigns A's case to B's inspector", supA.token, { assigneeId: inspB.id }],
        ["supervisor of A transfers A's case to B's inspector", supA.token, { assigneeId: inspB.id, transfer: true }],
        ["county supervisor assigns A's case to B's inspector without transfer", county.token, { assigneeId: inspB.id }],
      ] as const) {
        const res = await call('POST', `/api/leads/${leadA2.id}/assign`, token, body);
        assignAnswers.push(res.status);
        const now = await app.ctx.repos.leads.get(leadA2.id);
        if (res.status >= 400 && res.status < 500 && now?.assigneeId === null && now.area === AREA_A) r.add('rejected', 1);
        else {
          assignedAcross++;
          r.expect(false, `${what}: ${res.status}, the case now ${now?.area} / ${now?.assigneeId} (FAULT)`);
        }
      }
      const transfer = await call('POST', `/api/leads/${leadA2.id}/assign`, county.token, { assigneeId: inspB.id, transfer: true });
      const transferred = await app.ctx.repos.leads.get(leadA2.id);
      r.expect(
        transfer.status === 200 && transferred?.area === AREA_B && transferred.assigneeId === inspB.id,
        `the county supervisor's transfer answered ${transfer.status}, the case in ${transferred?.area}`,
      );
      r.add('cross_area_reads', assignedAcross);
      r.found(
        "a case of A assigned to B's inspector: by A's supervisor (plain and as a transfer), by the county supervisor without transfer; then by the county supervisor as a transfer (the control)",
        '4 requests',
        `refused ${assignAnswers.join('/')} and the case unchanged: ${assignedAcross === 0}; the county supervisor's transfer: ${transfer.status}, the case moved to ${transferred?.area}`,
      );

      // Login brute force: one username, many wrong passwords from one client.
      const victim = await staffToken(app, 'supervisor', null);
      const statuses: number[] = [];
      for (let k = 0; k < LOGIN_ATTEMPTS; k++) {
        const res = await call('POST', '/api/auth/login', null, { username: victim.username, password: `guess-${k}` });
        statuses.push(res.status);
        await res.body?.cancel();
      }
      const limited = statuses.filter((s) => s === 429).length;
      const rightDuring = await call('POST', '/api/auth/login', null, { username: victim.username, password: 'a-long-test-password' });
      const other = await staffToken(app, 'inspector', AREA_A);
      const otherLogin = await call('POST', '/api/auth/login', null, { username: other.username, password: 'a-long-test-password' });
      r.add('rejected', statuses.filter((s) => s === 401 || s === 429).length);
      r.add('login_attempts_limited', limited);
      r.expect(limited >= LOGIN_ATTEMPTS - 10, `only ${limited} of ${LOGIN_ATTEMPTS} wrong passwords in a row were rate limited`);
      r.expect(rightDuring.status === 429, `the right password during the lock-out answered ${rightDuring.status} (an oracle)`);
      r.expect(otherLogin.status === 200, `another user could not sign in during the lock-out (${otherLogin.status})`);
      r.found(
        'login brute force: wrong passwords for one username from one client',
        `${LOGIN_ATTEMPTS} attempts`,
        `401 for the first ${statuses.indexOf(429) === -1 ? LOGIN_ATTEMPTS : statuses.indexOf(429)}, then 429 (${limited}); the right password during the lock-out: ${rightDuring.status}; another user: ${otherLogin.status}`,
      );
    } finally {
      await app.stop();
    }
    return r.result();
  },
};
