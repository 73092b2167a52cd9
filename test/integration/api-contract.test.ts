import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { oas31 } from 'zod-openapi';
import type { StaffRole } from '../../src/domain/staff';
import { aesKeyFrom, encryptMessage, signature } from '../../src/http/wechat-platform/platform-crypto';
import { createStaffUser } from '../../src/services/staff-accounts';
import { platformUser, type PlatformAccount } from '../support/platform-client-sim';
import { WECOM } from '../support/platform-vectors';
import { postTranscript, signedHeaders, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

const OA: PlatformAccount = { path: '/wechat/oa', token: 'oaContractToken', aesKey: null, receiverId: 'gh_fake0000001' };
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const PASSWORD = 'a-long-test-password';
const DOC_ID = 'https://contract.test/openapi.json';
const NO_SUCH_ID = '0123456789abcdef01234567';

type Method = 'get' | 'post';
interface Actor {
  id: string;
  username: string;
  token: string;
}

/** A JSON pointer into the document (RFC 6901, then URI-encoded for a $ref). */
const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/**
 * Every operation of the document the app serves is called with valid requests and a few invalid ones;
 * each answer's status must be one the document lists for that operation, and its body must match the
 * schema the document gives for that status (ajv on the document itself).
 */
describe('the API answers as its OpenAPI document says', () => {
  let app: TestApp;
  let doc: oas31.OpenAPIObject;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  /** "METHOD /path" → the statuses it answered. */
  const exercised = new Map<string, Set<number>>();
  const staff: Record<string, Actor> = {};
  let leadA: string;
  let leadB: string;
  let complaintB: string;

  /** Checks one answer against the document and returns its JSON body (or text); `text` when the body was read already. */
  async function check(method: Method, path: string, res: Response, text?: string): Promise<unknown> {
    const op = (doc.paths?.[path] as Record<string, oas31.OperationObject | undefined> | undefined)?.[method];
    if (!op) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
    const key = `${method.toUpperCase()} ${path}`;
    exercised.set(key, (exercised.get(key) ?? new Set()).add(res.status));
    const raw = text ?? (await res.text());
    const documented = op.responses?.[String(res.status)] as oas31.ResponseObject | undefined;
    expect({ key, status: res.status, documented: Boolean(documented), body: documented ? undefined : raw }).toEqual({
      key,
      status: res.status,
      documented: true,
      body: undefined,
    });
    for (const [name, header] of Object.entries(documented!.headers ?? {})) {
      if ((header as oas31.HeaderObject).required)
        expect({ key, name, present: res.headers.has(name) }).toEqual({ key, name, present: true });
    }
    const media = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = documented!.content ?? {};
    if (!Object.keys(content).length) {
      expect({ key, status: res.status, body: raw }).toEqual({ key, status: res.status, body: '' });
      return undefined;
    }
    expect({ key, status: res.status, media, documented: media in content }).toEqual({ key, status: res.status, media, documented: true });
    if (media !== 'application/json') return raw;
    const body: unknown = JSON.parse(raw);
    const ref = `${DOC_ID}#/${pointer('paths', path, method, 'responses', String(res.status), 'content', 'application/json', 'schema')}`;
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      validators.set(ref, validate);
    }
    validate(body);
    expect({ key, status: res.status, errors: validate.errors ?? null, body: validate.errors ? body : null }).toEqual({
      key,
      status: res.status,
      errors: null,
      body: null,
    });
    return body;
  }

  /** Calls one operation by its documented path; `as` signs it with a staff token. */
  async function call(
    method: Method,
    path: string,
    opts: { as?: Actor; params?: Record<string, string>; query?: string; json?: unknown; body?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => opts.params?.[name] ?? '') + (opts.query ? `?${opts.query}` : '');
    const res = await fetch(`${app.url}${url}`, {
      method: method.toUpperCase(),
      headers: {
        ...(opts.as ? { authorization: `Bearer ${opts.as.token}` } : {}),
        ...(opts.json !== undefined || opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.json !== undefined ? JSON.stringify(opts.json) : opts.body,
    });
    return { status: res.status, body: await check(method, path, res) };
  }

  async function hotlineCall(text: string, callerPhone: string): Promise<{ complaintId: string; leadId: string }> {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone,
      transcript: [{ speaker: 'caller', text }],
    });
    expect(res.status).toBe(202);
    const { complaintId } = (await check('post', '/api/hotline/transcripts', res)) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    return { complaintId, leadId };
  }

  beforeAll(async () => {
    app = await startTestApp({
      config: testConfig({
        LOGIN_MAX_FAILURES: '2',
        PLATFORM_REPLY_WAIT_MS: '1500',
        WECHAT_OA_TOKEN: OA.token,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
      }),
    });
    const res = await fetch(`${app.url}/api/docs`);
    doc = (await res.json()) as oas31.OpenAPIObject;
    ajv.addSchema({ ...doc, $id: DOC_ID });
    await check('get', '/api/docs', await fetch(`${app.url}/api/docs`));

    const make = async (username: string, role: StaffRole, area: string | null) => {
      const { user, token } = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
      staff[username] = { id: user.id, username, token };
    };
    await make('admin', 'admin', null);
    await make('sup', 'supervisor', null);
    await make('op', 'operator', null);
    await make('insp', 'inspector', '漳江街道');
    await make('roaming', 'inspector', null);

    ({ leadId: leadA } = await hotlineCall(
      '我在漳江街道滨湖小区工地做泥工，兴旺建筑劳务有限公司欠我们12个人工资共24万元，电话13900008801。',
      '13900008801',
    ));
    ({ leadId: leadB, complaintId: complaintB } = await hotlineCall(
      '漳江街道金辉饭店欠我两个月工资6000块，电话13900008802。',
      '13900008802',
    ));
  });
  afterAll(() => app.stop());

  it('when the probes are asked, then they answer as documented', async () => {
    expect((await call('get', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await call('get', '/readyz')).body).toMatchObject({ checks: { mongodb: expect.any(String), redis: 'ok' } });
  });

  it('when the hotline feed delivers, repeats, replays, forges or oversizes a transcript, then each answer is documented', async () => {
    const payload = { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: '来电人：咨询劳动合同问题。' };
    const body = JSON.stringify(payload);
    const post = async (headers: Record<string, string>, b: string = body) =>
      (await check(
        'post',
        '/api/hotline/transcripts',
        await fetch(`${app.url}/api/hotline/transcripts`, { method: 'POST', headers, body: b }),
      ))!;
    const now = Math.floor(Date.now() / 1000);
    const signed = signedHeaders(body, { timestamp: now });
    expect(await post(signed)).toMatchObject({ duplicate: false });
    expect(await post(signed)).toMatchObject({ error: { code: 'replayed_request' } });
    expect(await post(signedHeaders(body, { timestamp: now - 1 }))).toMatchObject({ duplicate: true });
    expect(await post({ ...signed, 'x-signature': `sha256=${'0'.repeat(64)}` })).toMatchObject({ error: { code: 'bad_signature' } });
    expect(await post(signedHeaders('{"callId":', { timestamp: now }), '{"callId":')).toMatchObject({ error: { code: 'invalid_json' } });
    const huge = JSON.stringify({ ...payload, transcript: 'x'.repeat(600_000) });
    expect(await post(signedHeaders(huge), huge)).toMatchObject({ error: { code: 'body_too_large' } });
  });

  it('when staff sign in and out, then login, its refusals and logout answer as documented', async () => {
    const ok = await call('post', '/api/auth/login', { json: { username: 'op', password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect((await call('post', '/api/auth/login', { json: { username: 'op' } })).status).toBe(400);
    expect((await call('post', '/api/auth/login', { body: JSON.stringify({ username: 'op', password: 'x'.repeat(5000) }) })).status).toBe(
      413,
    );
    expect((await call('post', '/api/auth/login', { json: { username: 'nobody', password: 'wrong' } })).status).toBe(401);
    expect((await call('post', '/api/auth/login', { json: { username: 'nobody', password: 'wrong' } })).status).toBe(401);
    expect((await call('post', '/api/auth/login', { json: { username: 'nobody', password: 'wrong' } })).status).toBe(429);
    const token = (ok.body as { token: string }).token;
    expect((await call('post', '/api/auth/logout', { as: { id: '', username: 'op', token } })).status).toBe(204);
    expect((await call('post', '/api/auth/logout', { body: '{not json' })).status).toBe(400);
  });

  it('when staff enter complaints, then new, repeated, invalid, anonymous and forbidden entries answer as documented', async () => {
    const entry = {
      channel: 'onsite',
      externalId: uniqueName('visit'),
      receivedAt: new Date().toISOString(),
      text: '现场投诉：工资被拖欠。',
    };
    expect((await call('post', '/api/complaints', { as: staff.sup, json: entry })).status).toBe(202);
    expect((await call('post', '/api/complaints', { as: staff.sup, json: entry })).status).toBe(200);
    expect((await call('post', '/api/complaints', { as: staff.sup, json: { ...entry, channel: 'fax' } })).status).toBe(400);
    expect((await call('post', '/api/complaints', { json: entry })).status).toBe(401);
    expect((await call('post', '/api/complaints', { as: staff.roaming, json: entry })).status).toBe(403);
  });

  it('when staff read cases, then the list, the detail and the reveal answer as documented, phones masked where they should be', async () => {
    const list = await call('get', '/api/leads', { as: staff.sup, query: 'status=new&pageSize=50' });
    expect((list.body as { items: { id: string }[] }).items.map((l) => l.id)).toEqual(expect.arrayContaining([leadA, leadB]));
    expect((await call('get', '/api/leads', { as: staff.sup, query: 'status%5B%24ne%5D=closed' })).status).toBe(400);
    expect((await call('get', '/api/leads')).status).toBe(401);
    expect((await call('get', '/api/leads/{id}', { as: staff.insp, params: { id: leadA } })).body).toMatchObject({ phone: '139****8801' });
    expect((await call('get', '/api/leads/{id}', { as: staff.sup, params: { id: 'not-an-id' } })).status).toBe(400);
    expect((await call('get', '/api/leads/{id}', { as: staff.sup, params: { id: NO_SUCH_ID } })).status).toBe(404);
    const revealed = await call('post', '/api/leads/{id}/reveal-phone', { as: staff.sup, params: { id: leadA } });
    expect(revealed.body).toMatchObject({ phone: '13900008801' });
  });

  it('when a supervisor merges and splits cases, then each answer is documented', async () => {
    expect(
      (await call('post', '/api/leads/{id}/merge', { as: staff.insp, params: { id: leadA }, json: { sourceLeadId: leadB } })).status,
    ).toBe(403);
    expect(
      (await call('post', '/api/leads/{id}/merge', { as: staff.sup, params: { id: leadA }, json: { sourceLeadId: leadA } })).status,
    ).toBe(400);
    const merged = await call('post', '/api/leads/{id}/merge', { as: staff.sup, params: { id: leadA }, json: { sourceLeadId: leadB } });
    expect(merged.body).toMatchObject({ complaintIds: expect.arrayContaining([complaintB]) });
    const lead = await app.ctx.repos.leads.get(leadA);
    const origin = lead!.originComplaintId;
    expect(
      (await call('post', '/api/leads/{id}/split', { as: staff.sup, params: { id: leadA }, json: { complaintId: origin } })).status,
    ).toBe(409);
    const split = await call('post', '/api/leads/{id}/split', { as: staff.sup, params: { id: leadA }, json: { complaintId: complaintB } });
    expect(split.status).toBe(201);
  });

  it('when a supervisor dismisses a possible duplicate, then the answer and its refusals are documented', async () => {
    const path = '/api/leads/{id}/duplicates/{otherId}/dismiss';
    expect((await call('post', path, { as: staff.insp, params: { id: leadA, otherId: leadB } })).status).toBe(403);
    expect((await call('post', path, { as: staff.sup, params: { id: leadA, otherId: 'x' } })).status).toBe(400);
    expect((await call('post', path, { as: staff.sup, params: { id: leadA, otherId: NO_SUCH_ID } })).status).toBe(404);
    const dismissed = await call('post', path, { as: staff.sup, params: { id: leadA, otherId: leadB } });
    expect(dismissed).toMatchObject({ status: 200, body: { possibleDuplicates: [], dismissedDuplicates: [leadB] } });
  });

  it('when a case is assigned, worked, replied to and paid, then each answer is documented', async () => {
    const id = { id: leadA };
    expect((await call('post', '/api/leads/{id}/assign', { as: staff.op, params: id, json: { assigneeId: staff.insp!.id } })).status).toBe(
      403,
    );
    expect((await call('post', '/api/leads/{id}/assign', { as: staff.sup, params: id, json: { assigneeId: staff.op!.id } })).status).toBe(
      400,
    );
    expect((await call('post', '/api/leads/{id}/assign', { as: staff.sup, params: id, json: { assigneeId: staff.insp!.id } })).status).toBe(
      200,
    );
    expect((await call('post', '/api/leads/{id}/status', { as: staff.insp, params: id, json: { to: 'investigating' } })).status).toBe(200);
    const skip = await call('post', '/api/leads/{id}/status', {
      as: staff.insp,
      params: id,
      json: { to: 'closed', outcomeCode: 'paid_in_full' },
    });
    expect(skip.status).toBe(409);
    const paid = { amountYuan: 240000, workersPaid: 12, date: '2026-11-20', note: '全部到位' };
    expect((await call('post', '/api/leads/{id}/recoveries', { as: staff.insp, params: id, json: paid })).status).toBe(201);
    expect(
      (await call('post', '/api/leads/{id}/replies', { as: staff.insp, params: id, json: { text: '已联系用人单位，请保持电话畅通。' } }))
        .status,
    ).toBe(201);
    expect(
      (await call('post', '/api/leads/{id}/replies', { as: staff.insp, params: id, body: JSON.stringify({ text: 'x'.repeat(70_000) }) }))
        .status,
    ).toBe(413);
    const messages = await call('get', '/api/leads/{id}/messages', { as: staff.insp, params: id });
    expect((messages.body as { messages: unknown[] }).messages.length).toBeGreaterThanOrEqual(2);
  });

  it('when operators work call-back tasks, then the list, completion and their refusals answer as documented', async () => {
    const task = await waitFor(
      async () => (await app.ctx.repos.outbound.listByState('callback_open')).find((m) => m.leadId === leadA),
      10_000,
      'a call-back task',
    );
    const list = await call('get', '/api/callbacks', { as: staff.op });
    expect((list.body as { items: { id: string; phone: string | null }[] }).items).toContainEqual(
      expect.objectContaining({ id: task.id, phone: '139****8801' }),
    );
    expect((await call('get', '/api/callbacks', { as: staff.insp })).status).toBe(403);
    const done = { as: staff.op, params: { id: task.id }, json: { note: '已电话回访' } };
    expect((await call('post', '/api/callbacks/{id}/done', done)).status).toBe(200);
    expect((await call('post', '/api/callbacks/{id}/done', done)).status).toBe(409);
    expect((await call('post', '/api/callbacks/{id}/done', { as: staff.op, params: { id: NO_SUCH_ID } })).status).toBe(404);
    expect((await call('post', '/api/callbacks/{id}/done', { as: staff.op, params: { id: 'x' } })).status).toBe(400);

    // A second task of the case (a reply to the hotline caller): calls recorded one by one.
    expect(
      (
        await call('post', '/api/leads/{id}/replies', {
          as: staff.insp,
          params: { id: leadA },
          json: { text: '您好，请明天上午到监察大队领取材料。' },
        })
      ).status,
    ).toBe(201);
    const reply = await waitFor(
      async () => (await app.ctx.repos.outbound.listByState('callback_open')).find((m) => m.leadId === leadA && m.kind === 'staff_reply'),
      10_000,
      'the reply as a call-back task',
    );
    const outcome = (json: unknown, as = staff.op, id = reply.id) =>
      call('post', '/api/callbacks/{id}/outcome', { as, params: { id }, json });
    const noAnswer = await outcome({ outcome: 'no_answer', note: '无人接听' });
    expect(noAnswer.status).toBe(200);
    expect(noAnswer.body).toMatchObject({ state: 'callback_open', attempts: 1, lastOutcome: 'no_answer', unreachable: false });
    expect((await outcome({ outcome: 'reached', attempts: 0 })).status).toBe(409);
    expect((await outcome({ outcome: 'says_not_paid', attempts: 1 })).status).toBe(200);
    expect((await outcome({ outcome: 'reached' })).status).toBe(409);
    expect((await outcome({ outcome: 'called' })).status).toBe(400);
    expect((await outcome({ outcome: 'reached' }, staff.insp)).status).toBe(403);
    expect((await outcome({ outcome: 'reached' }, staff.op, NO_SUCH_ID)).status).toBe(404);
    const big = await call('post', '/api/callbacks/{id}/outcome', {
      as: staff.op,
      params: { id: reply.id },
      body: JSON.stringify({ outcome: 'reached', note: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
  });

  it('when staff read their notices, then the list, the unread filter and marking read answer as documented', async () => {
    const list = await call('get', '/api/notifications', { as: staff.insp, query: 'unread=true' });
    const items = (list.body as { items: { id: string; kind: string; leadId: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'assigned', leadId: leadA }));
    const id = { id: items[0]!.id };
    expect((await call('post', '/api/notifications/{id}/read', { as: staff.insp, params: id })).status).toBe(200);
    expect((await call('post', '/api/notifications/{id}/read', { as: staff.sup, params: id })).status).toBe(404);
    expect((await call('post', '/api/notifications/{id}/read', { as: staff.insp, params: { id: 'x' } })).status).toBe(400);
    expect((await call('get', '/api/notifications', { as: staff.insp, query: 'page=0' })).status).toBe(400);
    expect((await call('get', '/api/notifications')).status).toBe(401);
    expect((await call('post', '/api/notifications/read-all', { as: staff.insp })).body).toMatchObject({ marked: expect.any(Number) });
    expect((await call('get', '/api/notifications', { as: staff.op })).body).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('when supervisors ask for statistics and the annual report, then the figures and refusals answer as documented', async () => {
    const year = new Date().getFullYear();
    expect((await call('get', '/api/stats', { as: staff.sup, query: `from=${year}-01-01&to=${year}-12-31` })).status).toBe(200);
    const period = `from=${year}-01-01&to=${year}-12-31`;
    const township = `area=${encodeURIComponent('漳江街道')}`;
    expect((await call('get', '/api/stats', { as: staff.sup, query: `${period}&${township}` })).status).toBe(200);
    expect((await call('get', '/api/stats', { as: staff.sup, query: `${period}&area=nowhere` })).status).toBe(400);
    expect((await call('get', '/api/stats/report', { as: staff.sup, query: `year=${year}&${township}` })).status).toBe(200);
    expect((await call('get', '/api/stats', { as: staff.sup, query: `from=${year}-12-31&to=${year}-01-01` })).status).toBe(400);
    expect((await call('get', '/api/stats', { as: staff.insp, query: `from=${year}-01-01&to=${year}-12-31` })).status).toBe(403);
    expect((await call('get', '/api/stats/report', { as: staff.admin, query: `year=${year}` })).status).toBe(200);
    expect((await call('get', '/api/stats/report', { as: staff.admin, query: 'year=twenty' })).status).toBe(400);
  });

  it('when staff work the review queue, then listing, reading, confirming, overturning and their refusals answer as documented', async () => {
    const inReview = async (text: string) => {
      const res = await postTranscript(app.url, { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: text });
      const { complaintId } = (await check('post', '/api/hotline/transcripts', res)) as { complaintId: string };
      await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.review, 10_000, 'the disposition');
      return complaintId;
    };
    const consultation = await inReview('来电人：请问劳动仲裁怎么申请？要准备些什么材料？');
    const vague = await inReview('来电人：老板欠我工资，一直不给。');
    const list = await call('get', '/api/reviews', { as: staff.op, query: 'state=pending&pageSize=50' });
    expect((list.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(expect.arrayContaining([consultation, vague]));
    expect((await call('get', '/api/reviews', { as: staff.sup, query: 'state=nope' })).status).toBe(400);
    expect((await call('get', '/api/reviews', { as: staff.insp })).status).toBe(403);
    expect((await call('get', '/api/reviews')).status).toBe(401);
    expect((await call('get', '/api/reviews/{id}', { as: staff.sup, params: { id: consultation } })).body).toMatchObject({
      disposition: { code: 'consultation_answered' },
    });
    expect((await call('get', '/api/reviews/{id}', { as: staff.sup, params: { id: NO_SUCH_ID } })).status).toBe(404);
    expect((await call('get', '/api/reviews/{id}', { as: staff.sup, params: { id: 'x' } })).status).toBe(400);
    expect((await call('get', '/api/reviews/{id}', { as: staff.insp, params: { id: consultation } })).status).toBe(403);
    const confirm = { as: staff.sup, params: { id: consultation }, json: { reason: '政策咨询，已答复' } };
    expect((await call('post', '/api/reviews/{id}/confirm', { ...confirm, as: staff.op })).status).toBe(403);
    expect((await call('post', '/api/reviews/{id}/confirm', confirm)).body).toMatchObject({ review: { state: 'confirmed' } });
    expect((await call('post', '/api/reviews/{id}/confirm', confirm)).status).toBe(409);
    expect((await call('post', '/api/reviews/{id}/confirm', { ...confirm, json: {} })).status).toBe(400);
    expect((await call('post', '/api/reviews/{id}/confirm', { ...confirm, params: { id: NO_SUCH_ID } })).status).toBe(404);
    expect(
      (
        await call('post', '/api/reviews/{id}/confirm', {
          ...confirm,
          json: undefined,
          body: JSON.stringify({ reason: 'x'.repeat(20_000) }),
        })
      ).status,
    ).toBe(413);
    const overturn = {
      as: staff.sup,
      params: { id: vague },
      json: {
        reason: '回访核实：宏发建材厂欠薪',
        fields: { employer: '宏发建材厂', area: '漳江街道', amount_yuan: 5000, worker_count: 1 },
      },
    };
    expect((await call('post', '/api/reviews/{id}/overturn', { ...overturn, json: { reason: '缺字段', fields: {} } })).status).toBe(400);
    expect((await call('post', '/api/reviews/{id}/overturn', { ...overturn, as: staff.op })).status).toBe(403);
    expect((await call('post', '/api/reviews/{id}/overturn', { ...overturn, params: { id: NO_SUCH_ID } })).status).toBe(404);
    const made = await call('post', '/api/reviews/{id}/overturn', overturn);
    expect(made).toMatchObject({ status: 201, body: { opened: true } });
    expect((await call('post', '/api/reviews/{id}/overturn', overturn)).status).toBe(409);
    expect(
      (
        await call('post', '/api/reviews/{id}/overturn', {
          ...overturn,
          json: undefined,
          body: JSON.stringify({ reason: 'x'.repeat(20_000), fields: {} }),
        })
      ).status,
    ).toBe(413);
  });

  it('when the WeChat login is asked for, then admins get it and others are refused, as documented', async () => {
    expect((await call('get', '/api/wechat/login', { as: staff.admin })).status).toBe(200);
    expect((await call('get', '/api/wechat/login', { as: staff.sup })).status).toBe(403);
  });

  it('when cases are exported and a complainant is erased, then the files, the erasure and their refusals answer as documented', async () => {
    const year = new Date().getFullYear();
    const period = `from=${year}-01-01&to=${year}-12-31`;
    expect((await call('get', '/api/exports/cases', { as: staff.sup, query: `${period}&format=csv` })).body).toContain('案件编号');
    expect((await call('get', '/api/exports/cases', { as: staff.admin, query: `${period}&format=xlsx` })).status).toBe(200);
    expect((await call('get', '/api/exports/cases', { as: staff.insp, query: period })).status).toBe(403);
    expect((await call('get', '/api/exports/cases', { as: staff.sup, query: `${period}&area=x` })).status).toBe(400);
    expect((await call('get', '/api/exports/cases', { query: period })).status).toBe(401);

    const [complainantId] = (await app.ctx.repos.leads.get(leadB))!.complainantIds;
    const erase = (as: Actor | undefined, id: string, json: unknown = { reason: '投诉人来电要求删除个人信息' }) =>
      call('post', '/api/complainants/{id}/erase', { as, params: { id }, json });
    expect((await erase(staff.sup, complainantId!)).status).toBe(403);
    expect((await erase(staff.admin, 'x')).status).toBe(400);
    expect((await erase(staff.admin, complainantId!, {})).status).toBe(400);
    expect((await erase(undefined, complainantId!)).status).toBe(401);
    expect((await erase(staff.admin, NO_SUCH_ID)).status).toBe(404);
    const erased = await erase(staff.admin, complainantId!);
    expect(erased).toMatchObject({ status: 200, body: { complaints: 1 } });
    expect((await erase(staff.admin, (erased.body as { complainantId: string }).complainantId)).status).toBe(409);
    const big = await call('post', '/api/complainants/{id}/erase', {
      as: staff.admin,
      params: { id: complainantId! },
      body: JSON.stringify({ reason: 'x'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
  });

  it('when the platforms verify their callbacks and deliver messages, then the answers are the documented ones', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const verify = new URLSearchParams({ signature: signature(OA.token, ts, '42'), timestamp: ts, nonce: '42', echostr: '8812345' });
    expect((await call('get', '/wechat/oa', { query: verify.toString() })).body).toBe('8812345');
    const forged = new URLSearchParams({ ...Object.fromEntries(verify), signature: signature('wrong', ts, '42') });
    expect((await call('get', '/wechat/oa', { query: forged.toString() })).status).toBe(403);
    expect((await call('get', '/wechat/oa', { query: `timestamp=${ts}&nonce=42` })).status).toBe(400);

    const oaUser = platformUser(app.url, OA, `o${uniqueName('oa')}`);
    const answered = await oaUser.post(textMessage('你好'));
    await check('post', '/wechat/oa', answered.res, answered.text);
    expect(answered.res.status).toBe(200);
    const garbled = await oaUser.post(textMessage('你好'), { tamper: () => '<xml><ToUserName>' });
    await check('post', '/wechat/oa', garbled.res, garbled.text);
    expect(garbled.res.status).toBe(400);
    const oversized = await oaUser.post(textMessage('x'.repeat(70_000)));
    await check('post', '/wechat/oa', oversized.res, oversized.text);
    expect(oversized.res.status).toBe(413);

    const echostr = encryptMessage(aesKeyFrom(WECOM.key), '5511234567', WECOM.corpId);
    const echo = new URLSearchParams({ msg_signature: signature(WECOM.token, ts, '7', echostr), timestamp: ts, nonce: '7', echostr });
    expect((await call('get', '/wechat/wecom', { query: echo.toString() })).body).toBe('5511234567');
    echo.delete('msg_signature');
    expect((await call('get', '/wechat/wecom', { query: echo.toString() })).status).toBe(403);
    const wecomUser = platformUser(app.url, WECOM_ACCOUNT, uniqueName('wc'));
    const delivered = await wecomUser.post(textMessage('你好'));
    await check('post', '/wechat/wecom', delivered.res, delivered.text);
    expect(delivered.res.status).toBe(200);
  });

  it('then every operation of the document was called, and every answer was one it documents', () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const).filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.filter((o) => !exercised.has(o))).toEqual([]);
  });
});

function textMessage(content: string): Record<string, string | number> {
  return {
    FromUserName: 'contract-user',
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'text',
    Content: content,
    MsgId: String(Date.now()),
  };
}
