import fc from 'fast-check';
import type { Lead } from '../../../src/domain/lead';
import { startTestApp } from '../../support/test-app';
import { consoleGet, consolePost, hiddenInputs } from '../support/console-crawl';
import { CaseReport } from '../support/figures';
import { AREA_A, AREA_B, bearer, caseIn, staffToken } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

const OPERATORS = ['[$ne]=x', '[$regex]=.*', '[$where]=1', '[$nor][0][a]=1', '[$gt]=', '[$exists]=true', '[]=a'];
const OPERATOR_VALUES = ['{"$ne":null}', '{"$where":"sleep(100)"}', '{"$regex":".*"}', '{"$nor":[{"a":1}]}'];
/** Keys every object has: looked up in a plain table, each finds something. */
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const OPERATOR_OBJECTS: unknown[] = [{ $ne: null }, { $where: '1' }, { $regex: '.*' }, { $nor: [{ a: 1 }] }, { $gt: '' }, [{ $ne: null }]];

/** Case 9: query operators in every filter, id and body field → 400, or a literal match only. */
export const operatorInjection: FaultCase = {
  issueCase: 9,
  id: 'operator-injection',
  title: 'query-operator injection in every filter and id; prototype keys as codes',
  quick: true,
  measures: ['rejected'],
  async run(env) {
    const r = new CaseReport();
    const app = await startTestApp();
    const outcomes = { tried: 0, refused: 0, literal: 0, leaked: 0 };
    const get = (path: string, token: string) => fetch(`${app.url}${path}`, { headers: bearer(token) });
    const post = (path: string, token: string | null, body: unknown) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: token ? bearer(token, true) : { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = async (what: string, res: Response, alsoOk: number[] = []) => {
      outcomes.tried++;
      await res.body?.cancel();
      if (res.status === 400 || alsoOk.includes(res.status)) {
        outcomes.refused++;
        r.add('rejected', 1);
      } else {
        outcomes.leaked++;
        r.expect(false, `${what}: answered ${res.status}`);
      }
    };
    try {
      const leads = [
        await caseIn(app, AREA_A, '鼎泰建筑公司', 901),
        await caseIn(app, AREA_A, '恒兴纸箱厂', 902),
        await caseIn(app, AREA_B, '金穗米厂', 903),
      ];
      const admin = await staffToken(app, 'admin', null);
      const inspA = await staffToken(app, 'inspector', AREA_A);
      const all = ((await (await get('/api/leads?pageSize=100', admin.token)).json()) as { items: Lead[] }).items;
      r.expect(all.length === leads.length, `admin sees ${all.length} cases, not ${leads.length}`);

      for (const p of ['status', 'category', 'q', 'overdue', 'page', 'pageSize']) {
        for (const op of OPERATORS) await refused(`GET /api/leads?${p}${op}`, await get(`/api/leads?${p}${op}`, admin.token));
        for (const v of OPERATOR_VALUES)
          if (p !== 'q') await refused(`GET /api/leads?${p}=${v}`, await get(`/api/leads?${p}=${encodeURIComponent(v)}`, admin.token));
      }
      for (const p of ['from', 'to', 'year'])
        for (const op of OPERATORS)
          await refused(`GET /api/stats?${p}${op}`, await get(`/api/stats?from=2026-01-01&to=2026-12-31&${p}${op}`, admin.token));

      // q is free text: whatever it holds, the answer is exactly the literal (case-insensitive) matches.
      const literal = (q: string) => {
        const needle = q.trim().toLowerCase();
        return all.filter((l) => [l.caseNumber, l.employer, l.project, l.location].some((f) => (f ?? '').toLowerCase().includes(needle)))
          .length;
      };
      const qs = [
        ...OPERATOR_VALUES,
        '.*',
        '^',
        '$where',
        '[a-z]+',
        '\\',
        '鼎泰.*',
        '(?=a)',
        '|',
        ...fc.sample(fc.string({ minLength: 1, maxLength: 12 }), env.quick ? 60 : 200),
      ];
      for (const q of qs) {
        if (!q.trim()) continue;
        outcomes.tried++;
        const res = await get(`/api/leads?pageSize=100&q=${encodeURIComponent(q)}`, admin.token);
        if (res.status === 400) {
          outcomes.refused++;
          r.add('rejected', 1);
          continue;
        }
        const total = ((await res.json()) as { total: number }).total;
        if (res.status === 200 && total === literal(q)) outcomes.literal++;
        else {
          outcomes.leaked++;
          r.expect(false, `q=${JSON.stringify(q)}: ${res.status} with ${total} results, the literal match has ${literal(q)}`);
        }
      }
      // An inspector's scope holds whatever q says.
      for (const q of ['.*', '金穗', '{"$ne":null}']) {
        const items = ((await (await get(`/api/leads?q=${encodeURIComponent(q)}`, inspA.token)).json()) as { items: Lead[] }).items;
        const leaked = items.filter((l) => l.area !== AREA_A).length;
        outcomes.tried++;
        if (leaked) {
          outcomes.leaked++;
          r.expect(false, `inspector with q=${q} saw ${leaked} cases of another area`);
        } else outcomes.literal++;
      }

      // Ids in the path and in bodies.
      const target = leads[0]!.id;
      for (const id of ['{"$ne":null}', '$where', '[$ne]', "' || '1'=='1", '0123456789abcdef0123456z', 'a'.repeat(25), '%00']) {
        const enc = encodeURIComponent(id);
        await refused(`GET /api/leads/${id}`, await get(`/api/leads/${enc}`, admin.token));
        await refused(`POST /api/callbacks/${id}/done`, await post(`/api/callbacks/${enc}/done`, admin.token, {}));
      }
      await refused(
        'GET /api/leads/<id>?x[$ne]=1 (unknown parameter is ignored on reads by id)',
        await get(`/api/leads/${target}?id[$ne]=1`, admin.token),
        [200],
      );
      for (const o of OPERATOR_OBJECTS) {
        await refused('assign assigneeId', await post(`/api/leads/${target}/assign`, admin.token, { assigneeId: o }));
        await refused('merge sourceLeadId', await post(`/api/leads/${target}/merge`, admin.token, { sourceLeadId: o }));
        await refused('split complaintId', await post(`/api/leads/${target}/split`, admin.token, { complaintId: o }));
        await refused(
          'replies complainantIds',
          await post(`/api/leads/${target}/replies`, admin.token, { text: '您好', complainantIds: [o] }),
        );
        await refused('status to', await post(`/api/leads/${target}/status`, admin.token, { to: o }));
        await refused('login username', await post('/api/auth/login', null, { username: o, password: 'x' }));
        await refused('login password', await post('/api/auth/login', null, { username: admin.username, password: o }));
        await refused('hotline callId (unsigned)', await post('/api/hotline/transcripts', null, { callId: o }), [401]);
      }
      // Prototype keys where a code is looked up in a table: an outcome code, a transfer target, a reason,
      // a call outcome, a township, a disposition code. Each must be refused and change nothing.
      const closing = await caseIn(app, AREA_A, '宏远物流公司', 904);
      const rejected = await post(`/api/leads/${closing.id}/status`, admin.token, { to: 'rejected', rejectReason: 'duplicate' });
      r.expect(rejected.status === 200, `rejecting the case to close answered ${rejected.status}`);
      const caseForm = await consoleGet(app.url, admin.token, `/console/cases/${closing.id}`);
      for (const k of PROTOTYPE_KEYS) {
        await refused(
          `close with outcomeCode ${k}`,
          await post(`/api/leads/${closing.id}/status`, admin.token, { to: 'closed', outcomeCode: k }),
        );
        const form = await consolePost(app.url, admin.token, `/console/cases/${closing.id}/status`, {
          ...hiddenInputs(caseForm),
          to: 'closed',
          outcomeCode: k,
        });
        outcomes.tried++;
        if (form.location?.includes('ok=')) {
          outcomes.leaked++;
          r.expect(false, `the console's status form closed a case with outcomeCode ${k} (FAULT)`);
        } else outcomes.refused++;
        for (const [what, path, body] of [
          ['transferTarget', `/api/leads/${closing.id}/status`, { to: 'transferred', transferTarget: k }],
          ['rejectReason', `/api/leads/${target}/status`, { to: 'rejected', rejectReason: k }],
          ['status to', `/api/leads/${target}/status`, { to: k }],
        ] as const)
          await refused(`${what} ${k}`, await post(path, admin.token, body));
        for (const path of [
          `/api/stats?from=2026-01-01&to=2026-12-31&area=${k}`,
          `/api/stats/report?year=2026&area=${k}`,
          `/api/reviews?code=${k}`,
          `/api/reviews?channel=${k}`,
          `/api/leads?status=${k}`,
          `/api/leads?category=${k}`,
        ])
          await refused(`GET ${path}`, await get(path, admin.token));
      }
      const stillOpen = await app.ctx.repos.leads.get(closing.id);
      r.expect(
        stillOpen?.status === 'rejected' && stillOpen.outcomeCode === null,
        `a prototype key closed the case: ${stillOpen?.outcomeCode}`,
      );
      // The control: the same form with a real code closes the case (so its refusals above were the code's).
      const closed = await consolePost(app.url, admin.token, `/console/cases/${closing.id}/status`, {
        ...hiddenInputs(caseForm),
        to: 'closed',
        outcomeCode: 'withdrawn',
      });
      const closedCase = await app.ctx.repos.leads.get(closing.id);
      r.expect(
        Boolean(closed.location?.includes('ok=')) && closedCase?.status === 'closed',
        `closing with a real outcome code by the console's form answered ${closed.status} ${closed.location}`,
      );
      r.found(
        `prototype keys (${PROTOTYPE_KEYS.join(', ')}) as an outcome code (API and the console's form), transfer target, reject reason, status, township, disposition code, channel, category`,
        `${PROTOTYPE_KEYS.length * 11} requests`,
        `the case closed by one: ${stillOpen?.status !== 'rejected'}; closed by the form with a real code afterwards: ${closedCase?.status === 'closed'}`,
      );

      const after = await app.ctx.repos.leads.get(target);
      r.expect(after?.status === 'new' && after.complaintIds.length === 1, 'the target case was changed by an injection');
      r.found(
        'query operators ($ne, $regex, $where, $nor, $gt, $exists, arrays) in every list and statistics parameter, every id in paths and bodies, and sign-in',
        `${outcomes.tried} requests (${qs.length} free-text q values, fast-check)`,
        `refused with 400 (or 401/404) ${outcomes.refused}; literal matches only ${outcomes.literal}; operator honoured ${outcomes.leaked}`,
      );
      r.add('injections_honoured', outcomes.leaked);
    } finally {
      await app.stop();
    }
    return r.result();
  },
};
