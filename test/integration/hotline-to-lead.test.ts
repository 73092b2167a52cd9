import { createStaffUser } from '../../src/services/staff-accounts';
import { parseServerTiming } from '../../src/http/server-timing';
import type { Lead } from '../../src/domain/lead';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const wageCall = (callId: string) => ({
  callId,
  receivedAt: new Date().toISOString(),
  callerPhone: '139 0000 4821',
  operator: '坐席07',
  transcript: [
    { speaker: 'agent', text: '您好，根治欠薪热线，请讲。' },
    { speaker: 'caller', text: '我在漳江街道的锦绣华庭项目做木工，湖南恒远建设有限公司欠我们8个人工资一共12万，拖了半年了。' },
    { speaker: 'agent', text: '您的联系电话是？' },
    { speaker: 'caller', text: '13900004821' },
  ],
});

describe('hotline transcript → lead, through the real HTTP API, Redis and FerretDB', () => {
  let app: TestApp;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    app = await startTestApp();
    ({ token } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'zhou.supervisor', password: 'a-long-test-password', role: 'supervisor', area: null },
    ));
  });
  afterAll(() => app.stop());

  const readLeadOf = async (complaintId: string): Promise<Lead | null> => {
    const res = await fetch(`${app.url}/api/leads?pageSize=100`, { headers: auth() });
    const body = (await res.json()) as { items: Lead[] };
    return body.items.find((l) => l.complaintIds.includes(complaintId)) ?? null;
  };

  it('when a signed wage-arrears transcript is posted, then a lead with a case number is readable within one second', async () => {
    const started = Date.now();
    const res = await postTranscript(app.url, wageCall(uniqueName('call')));
    expect(res.status).toBe(202);
    // Where intake's time went: the Redis note, the store write and the enqueue, each measured.
    const steps = parseServerTiming(res.headers.get('server-timing'));
    expect(Object.keys(steps ?? {})).toEqual(['note', 'store', 'queue']);
    expect(steps!.store).toBeGreaterThan(0);
    expect(steps!.queue).toBeGreaterThan(0);
    const { complaintId } = (await res.json()) as { complaintId: string };
    const lead = await waitFor(() => readLeadOf(complaintId), 5000, 'the lead');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lead.caseNumber).toMatch(/^WA\d{8}-\d{4}$/);
    expect(lead).toMatchObject({
      category: 'wage_arrears',
      status: 'new',
      channel: 'hotline',
      phone: '139****4821', // masked until revealed
      amountYuan: 120000,
      workerCount: 8,
      urgency: 'high',
    });
    expect(lead.employer).toContain('恒远建设');

    const one = await fetch(`${app.url}/api/leads/${lead.id}`, { headers: auth() });
    expect(one.status).toBe(200);
    expect(((await one.json()) as Lead).timeline[0]?.type).toBe('created');

    const reveal = await fetch(`${app.url}/api/leads/${lead.id}/reveal-phone`, { method: 'POST', headers: auth() });
    expect(await reveal.json()).toMatchObject({ phone: '13900004821', complainants: [{ phone: '13900004821', channel: 'hotline' }] });
    const audited = (await (await fetch(`${app.url}/api/leads/${lead.id}`, { headers: auth() })).json()) as Lead;
    expect(audited.timeline.some((e) => e.type === 'phone_viewed')).toBe(true);
  });

  it('when the same callId arrives again, then it answers 200 with the same complaint id and queues nothing new', async () => {
    const call = wageCall(uniqueName('call'));
    const signedAt = Math.floor(Date.now() / 1000);
    const first = await postTranscript(app.url, call, { timestamp: signedAt });
    const { complaintId } = (await first.json()) as { complaintId: string };
    await waitFor(() => readLeadOf(complaintId), 5000, 'the lead');
    // Triaged, not only its lead written: a repeat of a complaint still being triaged makes sure its job
    // is queued (an add with the same job id, a no-op), and the test is about one that is done.
    await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.state === 'triaged', 5000, 'the triaged state');
    // A job may still be moving from active to completed: the total is what must not grow.
    const total = async () =>
      Object.values(await app.ctx.triageQueue.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).reduce(
        (a, b) => a + b,
        0,
      );
    const countsBefore = await total();

    // The feed's retry signs afresh; the byte-identical request again is a replay and refused.
    const again = await postTranscript(app.url, call, { timestamp: signedAt - 1 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ complaintId, duplicate: true });
    expect(parseServerTiming(again.headers.get('server-timing'))?.queue).toBe(0); // nothing was queued
    const replay = await postTranscript(app.url, call, { timestamp: signedAt });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('replayed_request');
    expect(await total()).toBe(countsBefore);
    const leads = await app.ctx.repos.leads.list({ q: undefined, page: 1, pageSize: 100 });
    expect(leads.items.filter((l) => l.complaintIds.includes(complaintId))).toHaveLength(1);
  });

  it('when the transcript is plain text and not about wages, then the complaint is triaged and no lead is opened', async () => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: '坐席：您好。\n来电人：我想问一下劳动仲裁要准备什么材料？',
    });
    expect(res.status).toBe(202);
    const { complaintId } = (await res.json()) as { complaintId: string };
    const c = await waitFor(async () => {
      const got = await app.ctx.repos.complaints.get(complaintId);
      return got?.state === 'triaged' ? got : null;
    });
    expect(c.triage?.category).toBe('consultation');
    expect(c.leadId).toBeNull();
  });

  it('when the signature is forged or the timestamp is stale, then 401 and nothing is stored', async () => {
    const call = wageCall(uniqueName('call'));
    const forged = await postTranscript(app.url, call, { secret: 'not-the-secret-not-the-secret-000' });
    expect(forged.status).toBe(401);
    const replayed = await postTranscript(app.url, call, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('stale_timestamp');
    const tampered = await fetch(`${app.url}/api/hotline/transcripts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-signature': 'sha256=' + '0'.repeat(64),
      },
      body: JSON.stringify(call),
    });
    expect(tampered.status).toBe(401);
    const states = await app.ctx.repos.complaints.countByState();
    const total = Object.values(states).reduce((a, b) => a + b, 0);
    const again = await postTranscript(app.url, call);
    expect(again.status).toBe(202); // the callId was never stored by the refused requests
    expect(Object.values(await app.ctx.repos.complaints.countByState()).reduce((a, b) => a + b, 0)).toBe(total + 1);
  });

  it('when the body is signed but invalid, then 400 names the field', async () => {
    const res = await postTranscript(app.url, { callId: 'ok-1', receivedAt: 'yesterday', transcript: 'x' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('receivedAt');
    const nul = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: '\u0000\u0000',
    });
    expect(nul.status).toBe(400);
  });

  it('when staff read leads without a valid token, then 401; with filters, then only matching leads; operator objects are refused', async () => {
    expect((await fetch(`${app.url}/api/leads`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/leads`, { headers: { authorization: 'Bearer wat_forgedforgedforgedforged' } })).status).toBe(401);

    const hit = await fetch(`${app.url}/api/leads?q=${encodeURIComponent('恒远')}&status=new&category=wage_arrears`, { headers: auth() });
    const hits = (await hit.json()) as { items: Lead[]; total: number };
    expect(hits.total).toBeGreaterThanOrEqual(1);
    expect(hits.items.every((l) => (l.employer ?? '').includes('恒远'))).toBe(true);

    const miss = await fetch(`${app.url}/api/leads?q=${encodeURIComponent('.*')}`, { headers: auth() });
    expect(((await miss.json()) as { total: number }).total).toBe(0); // a regex is matched literally

    expect((await fetch(`${app.url}/api/leads?status[$ne]=closed`, { headers: auth() })).status).toBe(400);
    expect((await fetch(`${app.url}/api/leads?status=closed&status=new`, { headers: auth() })).status).toBe(400);
    expect((await fetch(`${app.url}/api/leads/not-an-id`, { headers: auth() })).status).toBe(400);
    expect((await fetch(`${app.url}/api/leads/0123456789abcdef01234567`, { headers: auth() })).status).toBe(404);
  });

  it('when /healthz and /readyz are asked, then both report the real services as up', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { mongodb: 'ok', redis: 'ok' } });
  });
});
