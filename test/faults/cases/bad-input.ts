import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { signHotlineBody } from '../../../src/http/hotline-signature';
import { startTestApp, uniqueName, type TestApp } from '../../support/test-app';
import { startWechatHarness } from '../../support/wechat-harness';
import { CaseReport } from '../support/figures';
import { bearer, staffToken } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$ne', 'a.b', '$', '.', 'x\u0000y', ''];

/** JSON values with the shapes the issue lists: hostile keys, nested arrays, NUL, lone surrogates, deep nesting. */
const hostileJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('\u0000', '\u0000\u0000', '\ud800', 'a\udfffb', '<script>', '{"$ne":1}', ''),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid complaint with one field replaced by something hostile, or hostile keys added. */
function mutated(valid: Record<string, unknown>) {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(valid)), hostileJson).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostileJson).map(
      ([k, v]) =>
        // A function, not a string: `$'` or `$&` in the value must not be read as replacement patterns.
        JSON.parse(JSON.stringify({ ...valid }).replace(/^\{/, () => `{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'},`)) as unknown,
    ),
    hostileJson,
  );
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

interface Sent {
  status: number;
  clear: boolean;
}

/** Case 8: bad input on every intake path → 4xx with a clear message, no 5xx, no crash, nothing half-stored, memory stable. */
export const badInput: FaultCase = {
  issueCase: 8,
  id: 'bad-input',
  title: 'bad input: oversized, wrong types, NUL, invalid UTF-8, deep nesting, hostile keys',
  quick: true,
  measures: ['rejected'],
  async run(env) {
    const r = new CaseReport();
    const app: TestApp = await startTestApp({ worker: false });
    const op = await staffToken(app, 'operator', null);
    const admin = await staffToken(app, 'admin', null);
    const answers: Sent[] = [];
    const byStatus: Record<number, number> = {};
    const send = async (path: string, body: Buffer | string, headers: Record<string, string>) => {
      const res = await fetch(`${app.url}${path}`, { method: 'POST', headers, body });
      const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      const clear = res.ok || Boolean(json?.error?.code && json.error.message);
      answers.push({ status: res.status, clear });
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      return res.status;
    };
    // Signs the exact bytes (invalid UTF-8 included) with a fresh timestamp.
    const hotline = (raw: Buffer | string) => {
      const ts = String(Math.floor(Date.now() / 1000));
      const headers = {
        'content-type': 'application/json',
        'x-timestamp': ts,
        'x-signature': signHotlineBody(app.ctx.config.HOTLINE_SECRET, ts, raw),
      };
      return send('/api/hotline/transcripts', raw, headers);
    };
    const staffJson = (path: string, raw: Buffer | string, token = op.token) => send(path, raw, bearer(token, true));
    const validHotline = () => ({
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: '来电人：某某劳务队欠我工资5000元。',
    });
    const validStaff = () => ({
      channel: 'onsite',
      externalId: uniqueName('ext'),
      receivedAt: new Date().toISOString(),
      text: '某某劳务队欠我工资5000元。',
    });
    const fakeLead = '0123456789abcdef01234567';
    const runs = env.quick ? 150 : 400;
    try {
      const campaign = async (numRuns: number) => {
        await fc.assert(
          fc.asyncProperty(mutated(validHotline()), async (v) => {
            const raw = JSON.stringify(v) ?? 'null';
            await hotline(raw + ' '.repeat(Math.floor(Math.random() * 3))); // fresh bytes: never a replay
          }),
          { numRuns },
        );
        await fc.assert(
          fc.asyncProperty(mutated(validStaff()), async (v) => void (await staffJson('/api/complaints', JSON.stringify(v) ?? 'null'))),
          { numRuns },
        );
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom('status', 'assign', 'recoveries', 'replies', 'merge', 'split'),
            hostileJson,
            async (action, v) => void (await staffJson(`/api/leads/${fakeLead}/${action}`, JSON.stringify(v) ?? 'null', admin.token)),
          ),
          { numRuns },
        );
        await fc.assert(
          fc.asyncProperty(
            hostileJson,
            async (v) => void (await send('/api/auth/login', JSON.stringify(v) ?? 'null', { 'content-type': 'application/json' })),
          ),
          {
            numRuns: Math.floor(numRuns / 4),
          },
        );
        // Invalid UTF-8: a valid complaint with raw bytes that are not UTF-8 inside its text.
        await fc.assert(
          fc.asyncProperty(
            fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from([0xc3, ...b.map((x) => x | 0x80), 0xff])),
            async (bad) => {
              const json = JSON.stringify(validHotline()).replace('5000', '\u0001');
              const [head, tail] = json.split('\u0001') as [string, string];
              const raw = Buffer.concat([Buffer.from(head), bad, Buffer.from(tail)]);
              await hotline(raw);
              const s = JSON.stringify(validStaff()).split('5000') as [string, string];
              await staffJson('/api/complaints', Buffer.concat([Buffer.from(s[0]), bad, Buffer.from(s[1])]));
            },
          ),
          { numRuns: Math.floor(numRuns / 4) },
        );
      };
      // Fixed shapes: oversized, deep, wrong content, wrong types.
      const fixed: [string, () => Promise<number>][] = [
        ['hotline body over 512 kB', () => hotline(JSON.stringify({ ...validHotline(), transcript: 'x'.repeat(600_000) }))],
        ['staff body over 256 kB', () => staffJson('/api/complaints', JSON.stringify({ ...validStaff(), text: '欠'.repeat(100_000) }))],
        ['hotline text of 50,001 characters', () => hotline(JSON.stringify({ ...validHotline(), transcript: 'x'.repeat(50_001) }))],
        ['hotline nested 50,000 deep (array)', () => hotline(deep(50_000))],
        ['hotline nested 20,000 deep (object)', () => hotline(deepObject(20_000))],
        ['staff nested 20,000 deep', () => staffJson('/api/complaints', deep(20_000))],
        ['transcript as nested arrays', () => hotline(JSON.stringify({ ...validHotline(), transcript: [[['来电人', '欠薪']]] }))],
        ['transcript only NUL', () => hotline(JSON.stringify({ ...validHotline(), transcript: '\u0000\u0000\u0000' }))],
        ['callId with NUL', () => hotline(JSON.stringify({ ...validHotline(), callId: 'a\u0000b' }))],
        ['not JSON', () => hotline('{"callId":')],
        ['empty body', () => hotline('')],
        ['JSON null', () => hotline('null')],
        [
          'staff: form-encoded with nested operators',
          () =>
            send('/api/complaints', 'channel[$ne]=x&text[$gt]=', {
              ...bearer(op.token),
              'content-type': 'application/x-www-form-urlencoded',
            }),
        ],
        [
          'staff: text/plain',
          () => send('/api/complaints', JSON.stringify(validStaff()), { ...bearer(op.token), 'content-type': 'text/plain' }),
        ],
        [
          'login: __proto__ payload',
          () =>
            send(
              '/api/auth/login',
              '{"__proto__":{"admin":true},"username":"a","password":"b","constructor":{"prototype":{"polluted":1}}}',
              { 'content-type': 'application/json' },
            ),
        ],
      ];
      const fixedResults: string[] = [];
      for (const [what, go] of fixed) {
        const status = await go();
        fixedResults.push(`${what}: ${status}`);
        r.expect(status >= 400 && status < 500, `${what}: answered ${status}`);
      }
      await campaign(runs);
      // Memory: the same campaign again; the heap after it must be close to the heap before.
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const rssBefore = process.memoryUsage().rss;
      await campaign(runs);
      gc();
      const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
      r.expect(heapGrowthMb < 20, `the heap grew ${heapGrowthMb.toFixed(1)} MB over a second campaign`);

      // The WeChat intake path, where each message is read by the real bot.
      const harness = await startWechatHarness(app);
      let botReplies = 0;
      const botInputs = fc.sample(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom('\u0000', '\ud800', '确认\u0000', 'x'.repeat(5000), '{"$where":"1"}'),
        ),
        env.quick ? 15 : 40,
      );
      try {
        const before = harness.session.said.length;
        const ids = botInputs.map((text, k) => {
          const w = harness.worker(`测试${k}`);
          harness.session.send(w.id, `测试${k}`, text.length ? text : ' ');
          return w.id;
        });
        await harness.session.quiet(before, { quietMs: 2000, maxMs: 20_000, minNew: Math.ceil(botInputs.length / 2) });
        botReplies = new Set(
          harness.session.said
            .slice(before)
            .map((m) => m.to)
            .filter((to) => ids.includes(to)),
        ).size;
      } finally {
        await harness.stop();
      }
      const alive = (await fetch(`${app.url}/healthz`)).status === 200;

      const fiveXx = answers.filter((a) => a.status >= 500).length;
      const unclear = answers.filter((a) => a.status >= 400 && !a.clear).length;
      const accepted = answers.filter((a) => a.status >= 200 && a.status < 300).length;
      r.add('rejected', answers.filter((a) => a.status >= 400 && a.status < 500).length);
      r.add('five_xx', fiveXx);
      r.expect(fiveXx === 0, `${fiveXx} answers were 5xx`);
      r.expect(unclear === 0, `${unclear} refusals had no {error:{code,message}}`);
      const polluted = ({} as Record<string, unknown>).admin !== undefined || ({} as Record<string, unknown>).polluted !== undefined;
      r.expect(!polluted, 'Object.prototype was polluted');
      // Nothing half-stored: every stored complaint is whole and clean.
      const stored = await app.ctx.db.collection('complaints').find({}).toArray();
      const dirty = stored.filter(
        (c) =>
          typeof c.text !== 'string' ||
          !c.text.trim() ||
          /\\u0000|\ufffd/.test(JSON.stringify(c)) ||
          Object.keys(c).some((k) => /[.$]/.test(k)),
      );
      r.expect(
        dirty.length === 0,
        `${dirty.length} stored complaints are not clean (NUL, U+FFFD, empty, hostile keys) (FAULT): ${dirty
          .slice(0, 5)
          .map((c) => `${String(c.channel)} ${String(c.dedupKey).replace(/-[^-]+$/, '-…')} ${JSON.stringify(String(c.text).slice(0, 20))}`)
          .join('; ')}`,
      );
      // The bot keeps every message it answers (a complaint or not): only the HTTP paths answer 2xx.
      const storedByHttp = stored.filter((c) => c.channel !== 'wechat').length;
      r.expect(storedByHttp <= accepted, `${storedByHttp} complaints stored by HTTP but only ${accepted} accepted`);
      r.expect(alive, 'the app stopped answering');
      r.found(
        'fixed hostile bodies (oversized, 50,000-deep nesting, nested arrays, NUL, not JSON, form-encoded operators, prototype keys)',
        `${fixed.length} requests`,
        fixedResults.join('; '),
      );
      r.found(
        'fast-check: hostile JSON (keys with . and $, __proto__, NUL, lone surrogates, nested arrays, wrong types) and invalid UTF-8 into the hotline, staff complaints, every case action and sign-in',
        `${answers.length - fixed.length} requests in 2 campaigns`,
        `statuses ${Object.entries(byStatus)
          .map(([s, n]) => `${n}×${s}`)
          .join(
            ', ',
          )}; 5xx ${fiveXx}; unclear refusals ${unclear}; stored ${stored.length} (all clean: ${dirty.length === 0}); prototype polluted: ${polluted}`,
      );
      r.found(
        'memory over the second campaign',
        `${runs * 4} requests`,
        `heap ${heapGrowthMb >= 0 ? '+' : ''}${heapGrowthMb.toFixed(1)} MB, RSS ${rssGrowthMb >= 0 ? '+' : ''}${rssGrowthMb.toFixed(1)} MB`,
      );
      r.found(
        'hostile text to the real WeChat bot (binary, NUL, lone surrogates, 5,000 characters)',
        `${botInputs.length} messages`,
        `the bot answered ${botReplies}; the app alive: ${alive}`,
      );
      r.add('max_heap_growth_mb', Math.round(heapGrowthMb * 10) / 10);
    } finally {
      await app.stop();
    }
    return r.result();
  },
};
