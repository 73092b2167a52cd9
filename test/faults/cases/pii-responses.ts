import { Writable } from 'node:stream';
import { startMockWechatSession } from '../../../bots/mock-session';
import { mockSessionPort } from '../../../src/composition/intake';
import { createAppContext } from '../../../src/composition/context';
import { createLogger } from '../../../src/infra/logger';
import { startApiRole } from '../../../src/roles/api-role';
import { startWorkerRole } from '../../../src/roles/worker-role';
import { startFakeOpenAi } from '../../support/fake-openai';
import { testConfig, type TestApp } from '../../support/test-app';
import { consoleGet, consolePost, crawlConsole, hiddenInputs, inPool } from '../support/console-crawl';
import { CaseReport } from '../support/figures';
import { findPlanted, idForms, phoneForms } from '../support/number-forms';
import {
  callOperation,
  idsFromList,
  loadApiDocument,
  readRequests,
  sampleOf,
  type ApiAnswer,
  type DocOperation,
} from '../support/openapi-walk';
import { ACTION_ORDER, actionRecipes, idKindOf, storeIds } from '../support/pii-recipes';
import { seedBenches, seedEveryChannel, type SeedDeps } from '../support/pii-seeding';
import { PHONE_FORMS, PlantedRegistry, complaintWithNumbers, groupLeaks, type PlantedHit } from '../support/planted';
import { AREA_A, staffActors } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

const REVEAL = 'POST /api/leads/{id}/reveal-phone';
/** Staff operations called outside the action recipes: in the seeding, or last (sign-out revokes the token). */
const SEPARATE = ['POST /api/complaints', 'POST /api/auth/login', 'POST /api/auth/logout'];
const ROLES = [
  { who: 'admin', role: 'admin', area: null },
  { who: 'county supervisor', role: 'supervisor', area: null },
  { who: 'supervisor of A', role: 'supervisor', area: AREA_A },
  { who: 'inspector of A', role: 'inspector', area: AREA_A },
  { who: 'operator', role: 'operator', area: null },
] as const;

type Leak = { surface: string; hit: PlantedHit };

/**
 * Case 16: fictional phone and ID numbers, written in every form people write and say them, go in on
 * every channel and in every note staff write; then every operation of the OpenAPI document, as every
 * role, and every console page they reach, are searched for a whole number in any form. Only the
 * audited reveal may show one. The case's logs and the text sent to the LLM are searched the same way.
 */
export const piiResponses: FaultCase = {
  issueCase: 16,
  id: 'pii-responses',
  title: 'phone and ID numbers in any written form: none whole in staff answers, console pages, logs or LLM text',
  quick: true,
  measures: ['pii_leaks'],
  async run() {
    const r = new CaseReport();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const fake = await startFakeOpenAi();
    fake.answer = {
      category: 'wage_arrears',
      employer: '某劳务队',
      project: null,
      location: AREA_A,
      amount_yuan: 5000,
      worker_count: 1,
      phone: '[电话1]',
      sector: 'construction',
      urgency: 'normal',
    };
    const config = testConfig({
      LOG_LEVEL: 'trace',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'fake-key',
      OPENAI_TIMEOUT_MS: '2000',
      OPENAI_MAX_RETRIES: '0',
    });
    const log = createLogger('trace', {}, sink);
    const ctx = await createAppContext(config, log);
    const api = await startApiRole(ctx);
    const worker = await startWorkerRole(ctx);
    const session = await startMockWechatSession({
      redisUrl: config.REDIS_URL,
      queuePrefix: config.QUEUE_PREFIX,
      log: log.child({ module: 'wechat-bot' }),
      ...mockSessionPort(ctx),
    });
    const app: TestApp = { ctx, url: api.url, stop: async () => undefined };
    const planted = new PlantedRegistry(1600);
    const statuses = new Map<string, number[]>();
    const apiLeaks: Leak[] = [];
    let revealHits = 0;
    let answers = 0;
    const scan = (_who: string, a: ApiAnswer) => {
      answers++;
      statuses.set(a.key, [...(statuses.get(a.key) ?? []), a.status]);
      const hits = planted.find(a.text);
      if (a.key === REVEAL) revealHits += hits.length;
      else for (const hit of hits) apiLeaks.push({ surface: `${a.key.split(' ')[0]} ${a.url.split('?')[0]}`, hit });
    };
    try {
      // The finder reads back every form it plants (else a leak in that form would go unseen).
      const self = { phones: new Set(['13877771234']), ids: new Set(['43072319900101123X']) };
      const unread = [
        ...Object.entries(phoneForms('13877771234')).filter(([, t]) => findPlanted(`电话${t}。`, self).length !== 1),
        ...Object.entries(idForms('43072319900101123X')).filter(([, t]) => findPlanted(`身份证${t}。`, self).length !== 1),
      ].map(([f]) => f);
      r.expect(unread.length === 0, `the finder does not read back the forms ${unread.join(', ')}`);

      const doc = await loadApiDocument(app.url);
      const opOf = new Map(doc.operations.map((o) => [o.key, o]));
      const actors = await staffActors(app, [...ROLES]);
      const inspector = actors.find((a) => a.role === 'inspector')!;
      const seed: SeedDeps = { app, session, fake, planted, actors, opOf, scan };
      const benches = await seedBenches(seed);
      const channelLeads = await seedEveryChannel(seed);

      // Every action as every role on its bench, in an order that leaves each possible; then the
      // operations no recipe knows, with bodies sampled from their schema; then sign-in and sign-out.
      const recipes = actionRecipes({ ctx, planted, inspectorId: inspector.id });
      for (const key of ACTION_ORDER) r.expect(opOf.has(key), `a recipe for ${key}, which the document no longer has`);
      const unknownActions = doc.operations.filter(
        (o) => o.method !== 'get' && o.security === 'staff' && !ACTION_ORDER.includes(o.key) && !SEPARATE.includes(o.key),
      );
      for (const a of actors) {
        const bench = benches.get(a.who)!;
        for (const key of ACTION_ORDER.filter((k) => opOf.has(k)))
          for (const req of await recipes[key]!(a, bench)) scan(a.who, await callOperation(app.url, opOf.get(key)!, a.token, req));
        const wCase = (await ctx.repos.leads.get(bench.wLead))!;
        const task = (await ctx.repos.outbound.listForLead(bench.wLead)).find((m) => m.state === 'callback_open');
        const idOf = { lead: bench.wLead, complaint: bench.vague, callback: task?.id, complainant: wCase.complainantIds[0] };
        const named = (prop: string): unknown =>
          ({ assigneeId: inspector.id, sourceLeadId: bench.dLead, complaintId: bench.dComplaint, leadId: bench.wLead })[prop];
        for (const op of unknownActions) {
          const kind = idKindOf(op.path);
          const id = kind ? idOf[kind] : (await idsFromList(app.url, doc, op, a.token))[0];
          if (op.params.some((p) => p.in === 'path' && p.name === 'id') && !id) continue;
          const params = { ...(id ? { id } : {}), otherId: bench.dLead };
          scan(a.who, await callOperation(app.url, op, a.token, { params, body: op.body ? sampleOf(doc, op.body, named) : undefined }));
        }
        const login = await callOperation(app.url, opOf.get('POST /api/auth/login')!, null, {
          body: { username: a.username, password: 'a-long-test-password' },
        });
        scan(a.who, login);
        scan(
          a.who,
          await callOperation(app.url, opOf.get('POST /api/auth/logout')!, (JSON.parse(login.text) as { token?: string }).token ?? null),
        );
      }

      // Every read as every role, each known query parameter, each path parameter with ids of its kind:
      // all of them for the admin; for the others the cases the actions wrote on and one per channel.
      const ids = await storeIds(ctx);
      // Channel leads come four per channel: hotline, staff entry, WeChat.
      const someLeads = [...new Set([...[...benches.values()].map((b) => b.wLead), ...[0, 4, 8].map((k) => channelLeads[k]!)])];
      const year = String(new Date().getFullYear());
      const query: Record<string, string[]> = {
        from: [`${year}-01-01`],
        to: [`${year}-12-31`],
        year: [year],
        format: ['csv', 'xlsx'],
      };
      const always = { state: 'all', pageSize: '100' };
      const fillFor = (who: string) => ({
        query,
        always,
        path: (op: DocOperation, name: string) => {
          if (name === 'otherId') return ids.lead.slice(0, 1);
          const kind = name === 'id' ? idKindOf(op.path) : undefined;
          return kind === 'lead' && who !== 'admin' ? someLeads : kind ? ids[kind] : undefined;
        },
      });
      const notStaff: string[] = [];
      const uncovered: string[] = [];
      for (const op of doc.operations.filter((o) => o.method === 'get')) {
        for (const a of op.security === 'staff' ? actors : [null]) {
          const { requests, missing } = readRequests(op, fillFor(a?.who ?? 'anyone'));
          if (missing.length) {
            (op.security === 'staff' ? uncovered : notStaff).push(op.security === 'staff' ? `${op.key} (${missing.join(', ')})` : op.key);
            break;
          }
          for (const answer of await inPool(requests, 4, (req) => callOperation(app.url, op, a?.token ?? null, req)))
            scan(a?.who ?? '', answer);
        }
      }
      notStaff.push(
        ...doc.operations.filter((o) => o.method !== 'get' && o.security === 'none' && !SEPARATE.includes(o.key)).map((o) => o.key),
      );
      r.expect(uncovered.length === 0, `read operations the probe cannot fill: ${uncovered.join('; ')}`);

      // Every console page each role reaches from its navigation (every case and review by URL for the
      // admin), after a complaint entered at the desk (登记投诉) and two caller lookups (来电查询).
      let pages = 0;
      let signedIn = 0;
      const consoleLeaks: Leak[] = [];
      const admin = benches.get('admin')!;
      const caseNumber = (await ctx.repos.leads.get(admin.wLead))!.caseNumber;
      for (const a of actors) {
        const desk = await consoleGet(app.url, a.token, '/console/intake');
        const filed: string[] = [];
        if (desk.status === 200) {
          const people = [0, 1, 2].map(() => planted.take(`${a.who}'s desk entry`));
          const res = await consolePost(app.url, a.token, '/console/intake/submit', {
            ...hiddenInputs(desk),
            channel: 'phone',
            receivedAt: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16),
            callerName: people[0]!.name,
            callerPhone: phoneForms(people[0]!.phone)['spaced']!,
            text: complaintWithNumbers(AREA_A, planted.serial(), people),
            category: 'wage_arrears',
            urgency: 'normal',
          });
          r.expect(res.status === 303, `${a.who}: the desk entry answered ${res.status}`);
          if (res.location) filed.push(res.location);
        }
        const start = [
          '/console',
          ...(a.who === 'admin'
            ? [...ids.lead.map((id) => `/console/cases/${id}`), ...ids.complaint.map((id) => `/console/reviews/${id}`)]
            : []),
          ...someLeads.map((id) => `/console/cases/${id}`),
          ...filed,
          `/console/lookup?q=${encodeURIComponent(caseNumber)}`,
          `/console/lookup?q=${encodeURIComponent(phoneForms(admin.callerPhone)['spaced']!)}`,
        ];
        for (const page of await crawlConsole(app.url, a.token, [...new Set(start)], {
          maxPages: 300,
          variantsOf: { '/console/dashboard': 0 },
        })) {
          pages++;
          if (page.status === 200) signedIn++;
          for (const hit of planted.find(page.body))
            // The lookup page shows the number the operator typed: that one is theirs.
            if (!(page.url.startsWith('/console/lookup') && hit.number === `phone ${admin.callerPhone}`))
              consoleLeaks.push({ surface: `console ${page.url.split('?')[0]}`, hit });
        }
      }

      const noTwoHundred = doc.operations
        .filter((o) => o.security === 'staff' && !(statuses.get(o.key) ?? []).some((s) => s >= 200 && s < 300))
        .map((o) => `${o.key} (${[...new Set(statuses.get(o.key) ?? [])].join('/') || 'not called'})`);
      r.expect(noTwoHundred.length === 0, `documented staff operations no role got a 2xx from: ${noTwoHundred.join('; ')}`);
      r.expect(revealHits > 0, 'the audited reveal showed no planted number: the search is blind to API answers');
      r.expect(signedIn > pages / 2, `only ${signedIn} of ${pages} console pages answered 200: the crawl was not signed in`);
      const inLogs: Leak[] = lines.flatMap((l) => planted.find(l).map((hit) => ({ surface: 'log', hit })));
      const inLlm: Leak[] = fake.requests.flatMap((q) =>
        planted.find(JSON.stringify(q.messages)).map((hit) => ({ surface: 'LLM request', hit })),
      );
      r.add('pii_leaks', apiLeaks.length + consoleLeaks.length + inLogs.length + inLlm.length);
      r.add('staff_answers_searched', answers + pages);
      for (const [what, found] of [
        ['API answers', apiLeaks],
        ['console pages', consoleLeaks],
        ['logs', inLogs],
        ['text sent to the LLM', inLlm],
      ] as const)
        r.expect(found.length === 0, `${found.length} whole numbers in ${what} (FAULT): ${groupLeaks(found).join('; ')}`);
      const idFormNames = Object.keys(idForms('43072319900101000X'));
      r.found(
        `fictional phone numbers in ${PHONE_FORMS.length} written forms (${PHONE_FORMS.join('; ')}) and ID numbers in ${idFormNames.length} (${idFormNames.join('; ')}) through hotline turns, staff entry on 4 channels, the console desk, WeChat conversations, staff replies and every note of every action; every operation of GET /api/docs as ${ROLES.map((x) => x.who).join(', ')}; every console page each reaches`,
        `${planted.phones.size} phones and ${planted.ids.size} ID numbers; ${answers} API answers over ${doc.operations.length} documented operations (${unknownActions.length} without a recipe, called with sampled bodies); ${pages} console pages (${signedIn} answered 200); ${lines.length} log lines; ${fake.requests.length} LLM requests`,
        `whole numbers outside reveal-phone: API answers ${apiLeaks.length}, console pages ${consoleLeaks.length}, logs ${inLogs.length}, LLM text ${inLlm.length}; reveal-phone showed ${revealHits} (the search sees them); not staff answers: ${notStaff.join(', ') || 'none'}`,
      );
    } finally {
      await session.stop();
      await worker.stop();
      await api.stop();
      for (const q of [ctx.triageQueue.queue, ctx.outboundQueue.queue, ctx.deadlineQueue.queue, ctx.platformQueue.queue])
        await q.obliterate({ force: true }).catch(() => undefined);
      await ctx.db.dropDatabase().catch(() => undefined);
      await ctx.close();
      await fake.close();
    }
    return r.result();
  },
};
