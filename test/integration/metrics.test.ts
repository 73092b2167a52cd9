import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startMetricsRole, type MetricsRole } from '../../src/roles/metrics-role';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startFerretDb } from '../../tools/local-services/local-services';
import { startFakeOpenAi } from '../support/fake-openai';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';
import { freePort } from '../support/free-port';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

const TOKEN = 'metrics-test-token-5b0d7c1e9a3f4b2d8c6e';

/** One sample of the exposition: its name, labels and value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(body: string): Sample[] {
  return body
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

/** The sum of the samples named `name` whose labels include `labels`; null when there is none. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | null {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return found.length ? found.reduce((sum, s) => sum + s.value, 0) : null;
}

async function scrape(metrics: MetricsRole): Promise<{ body: string; samples: Sample[] }> {
  const res = await fetch(metrics.url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const body = await res.text();
  return { body, samples: parse(body) };
}

/** Scrapes until `probe` finds what it waits for in the samples. */
const scrapeUntil = (metrics: MetricsRole, probe: (s: Sample[]) => boolean, what: string) =>
  waitFor(
    async () => {
      const s = await scrape(metrics);
      return probe(s.samples) ? s : null;
    },
    15_000,
    what,
  );

describe('the /metrics endpoint: what the bench sees, operations see too', () => {
  let app: TestApp;
  let metrics: MetricsRole;
  let fake: FakeSmsGateway;

  beforeAll(async () => {
    fake = await startFakeSmsGateway();
    app = await startTestApp({
      config: testConfig({
        METRICS_PORT: '0',
        METRICS_TOKEN: TOKEN,
        SMS_GATEWAY_URL: fake.url,
        SMS_API_KEY: 'sms-test-key-0001',
        SMS_TIMEOUT_MS: '400',
        SMS_ATTEMPTS: '2',
      }),
    });
    metrics = await startMetricsRole(app.ctx);
  });
  afterAll(async () => {
    await metrics?.stop();
    await app?.stop();
    await fake?.close();
  });

  /** A hotline call that becomes a case; its case-number notice goes by SMS. */
  async function hotlineCase(phone: string, employer: string) {
    const call = {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: phone,
      transcript: `来电人：我叫柳青山，在漳江街道${employer}做工，老板欠我们4个人工资共3万2千元，一直拖着不给。`,
    };
    const res = await postTranscript(app.url, call);
    expect(res.status).toBe(202);
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    return { call, complaintId, lead };
  }

  it('when a hotline complaint is accepted and triaged, then its counters and histograms move, and no personal data is in the scrape', async () => {
    const phone = '13900007701';
    const { call, complaintId, lead } = await hotlineCase(phone, '鑫磊钢构厂');

    const { body, samples } = await scrapeUntil(
      metrics,
      (s) =>
        valueOf(s, 'wa_outbound_messages_total', { channel: 'sms', state: 'delivered' }) === 1 &&
        (valueOf(s, 'wa_job_latency_seconds_count', { queue: 'triage', outcome: 'completed' }) ?? 0) >= 1 &&
        // The SMS job marks its message delivered before the job itself completes.
        (valueOf(s, 'wa_job_latency_seconds_count', { queue: 'sms', outcome: 'completed' }) ?? 0) >= 1,
      'the delivered case notice and the finished triage and SMS jobs',
    );
    expect(valueOf(samples, 'wa_complaints_accepted_total', { channel: 'hotline' })).toBe(1);
    expect(valueOf(samples, 'wa_complaints_triaged_total', { disposition: 'lead' })).toBe(1);
    expect(valueOf(samples, 'wa_triage_engine_total', { engine: 'rules' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'wa_triage_failures_total')).toBeNull();
    expect(valueOf(samples, 'wa_llm_failures_total')).toBe(0);
    const hotline = { route: '/api/hotline/transcripts', method: 'POST', status_class: '2xx' };
    expect(valueOf(samples, 'wa_http_request_duration_seconds_count', hotline)).toBe(1);
    expect(valueOf(samples, 'wa_http_request_duration_seconds_bucket', { ...hotline, le: '+Inf' })).toBe(1);
    expect(valueOf(samples, 'wa_job_latency_seconds_sum', { queue: 'triage', outcome: 'completed' })).toBeGreaterThan(0);
    expect(valueOf(samples, 'wa_job_latency_seconds_count', { queue: 'sms', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    // Depths are read at the scrape, for every queue and each of the four states.
    expect(valueOf(samples, 'wa_queue_depth_up')).toBe(1);
    for (const queue of ['triage', 'outbound', 'deadlines', 'platform', 'sms'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(valueOf(samples, 'wa_queue_depth', { queue, state })).toEqual(expect.any(Number));
    // The case's deadline reminders wait in the deadlines queue.
    expect(valueOf(samples, 'wa_queue_depth', { queue: 'deadlines', state: 'delayed' })).toBeGreaterThanOrEqual(1);
    // Node's process metrics, and the role on every series.
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_eventloop_lag_seconds')).toEqual(expect.any(Number));
    expect(samples.every((s) => s.labels.role === 'all')).toBe(true);

    // No phone number (in any written form), name, text or id.
    for (const secret of [
      phone,
      phone.slice(-8),
      '139 0000 7701',
      '柳青山',
      '鑫磊钢构厂',
      '漳江街道',
      '3万2千',
      call.callId,
      complaintId,
      lead.id,
      lead.caseNumber,
    ])
      expect(body).not.toContain(secret);
    // Only the values the code chose are label values: words and route punctuation, no number or id.
    for (const s of samples)
      for (const v of Object.values(s.labels)) {
        expect(v).toMatch(/^[A-Za-z0-9_/:.+-]*$/);
        expect(v).not.toMatch(/\d{5}|[0-9a-f]{24}/);
      }
  });

  it('when a text cannot be sent, then it is counted as turned into a call-back task', async () => {
    const phone = '13900007702';
    fake.answers.set(phone, ['refuse']);
    await hotlineCase(phone, '顺达物流园');
    const { samples } = await scrapeUntil(
      metrics,
      (s) =>
        valueOf(s, 'wa_outbound_messages_total', { channel: 'sms', state: 'callback' }) === 1 &&
        (valueOf(s, 'wa_job_latency_seconds_count', { queue: 'sms', outcome: 'failed' }) ?? 0) >= 1,
      'the call-back task and the failed SMS job',
    );
    expect(valueOf(samples, 'wa_complaints_accepted_total', { channel: 'hotline' })).toBe(2);
    expect(valueOf(samples, 'wa_job_latency_seconds_count', { queue: 'sms', outcome: 'failed' })).toBeGreaterThanOrEqual(1);
  });

  it('when staff read a case, then the request is counted under its route template, never its URL', async () => {
    const { lead } = await hotlineCase('13900007703', '恒远建材厂');
    const { token } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('sup'), password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${app.url}/api/leads/${lead.id}`, { headers: auth })).status).toBe(200);
    // Refused inside the route (an error the error handler answers), and in another spelling of the mount path.
    expect((await fetch(`${app.url}/api/leads/${'0'.repeat(24)}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${app.url}/API/Leads/${lead.id}`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${app.url}/no/such/page/${lead.caseNumber}`)).status).toBe(404);

    const { body, samples } = await scrape(metrics);
    const byRoute = { route: '/api/leads/:id', method: 'GET' };
    expect(valueOf(samples, 'wa_http_request_duration_seconds_count', { ...byRoute, status_class: '2xx' })).toBe(2);
    expect(valueOf(samples, 'wa_http_request_duration_seconds_count', { ...byRoute, status_class: '4xx' })).toBe(1);
    expect(valueOf(samples, 'wa_http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(body).not.toContain(lead.id);
    expect(body).not.toContain(lead.caseNumber);
    expect(body).not.toContain('/no/such');
    expect(body).not.toContain('route="/API/');
  });

  it('when a scrape comes without the token, or to the API port, then nothing is given', async () => {
    expect((await fetch(metrics.url)).status).toBe(401);
    expect((await fetch(metrics.url, { headers: { authorization: 'Bearer not-the-token-at-all-0000000000000' } })).status).toBe(401);
    expect((await fetch(metrics.url, { headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` } })).status).toBe(
      401,
    );
    const refused = await fetch(metrics.url);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await refused.text()).not.toContain('wa_');
    expect((await fetch(metrics.url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
    expect((await fetch(metrics.url.replace('/metrics', '/'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    // The API's own port has no /metrics: the endpoint is on its own listener, loopback by default.
    const api = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.status).toBe(404);
    expect(await api.text()).not.toContain('wa_');
    expect(new URL(metrics.url).hostname).toBe('127.0.0.1');
  });
});

describe('the /metrics endpoint with LLM-assisted triage', () => {
  it('when the LLM answers, then its engine is counted; when it fails, then the failure is counted and the rules are used', async () => {
    const fake = await startFakeOpenAi();
    fake.answer = {
      category: 'wage_arrears',
      employer: '鑫旺劳务队',
      project: '光明小区',
      location: '热市镇',
      amount_yuan: 48000,
      worker_count: 6,
      phone: null,
      sector: 'construction',
      urgency: 'normal',
    };
    const app = await startTestApp({
      config: testConfig({
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_API_KEY: 'test-key',
        OPENAI_MODEL: 'fake-model',
        OPENAI_MAX_RETRIES: '0',
        METRICS_PORT: '0',
      }),
    });
    const metrics = await startMetricsRole(app.ctx);
    const triaged = async (text: string) => {
      const call = { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: `来电人：${text}` };
      const { complaintId } = (await (await postTranscript(app.url, call)).json()) as { complaintId: string };
      await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.state === 'triaged', 10_000, 'the triage');
    };
    // Without METRICS_TOKEN the endpoint is on loopback and asks for none.
    const samples = async () => parse(await (await fetch(metrics.url)).text());
    try {
      fake.mode = 'good';
      await triaged('鑫旺劳务队的包工头拖欠我们6个人工资4万8，在热市镇光明小区工地。');
      expect(valueOf(await samples(), 'wa_triage_engine_total', { engine: 'llm' })).toBe(1);
      expect(valueOf(await samples(), 'wa_llm_failures_total')).toBe(0);
      fake.mode = '500';
      await triaged('宏达五金厂老板欠我三个月工资9000元，在漳江街道。');
      const after = await samples();
      expect(valueOf(after, 'wa_llm_failures_total')).toBe(1);
      expect(valueOf(after, 'wa_triage_engine_total', { engine: 'rules' })).toBe(1);
      expect(valueOf(after, 'wa_triage_engine_total', { engine: 'llm' })).toBe(1);
    } finally {
      await metrics.stop();
      await app.stop();
      await fake.close();
    }
  });
});

describe('the /metrics endpoint when triage fails', () => {
  it('when every attempt fails, then each failure is counted, the last as final, and the complaint as triage_failed', async () => {
    const app = await startTestApp({
      config: testConfig({ METRICS_PORT: '0', TRIAGE_ATTEMPTS: '2' }),
      triage: async () => {
        throw new Error('the engine broke');
      },
    });
    const metrics = await startMetricsRole(app.ctx);
    try {
      const call = { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: '来电人：恒丰劳务队欠我工资5000元。' };
      const { complaintId } = (await (await postTranscript(app.url, call)).json()) as { complaintId: string };
      await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.state === 'triage_failed', 10_000, 'the failure');
      const samples = await waitFor(async () => {
        const got = parse(await (await fetch(metrics.url)).text());
        return valueOf(got, 'wa_job_latency_seconds_count', { queue: 'triage', outcome: 'failed' }) === 1 ? got : null;
      });
      expect(valueOf(samples, 'wa_triage_failures_total', { final: 'false' })).toBe(1);
      expect(valueOf(samples, 'wa_triage_failures_total', { final: 'true' })).toBe(1);
      expect(valueOf(samples, 'wa_complaints_triaged_total', { disposition: 'triage_failed' })).toBe(1);
      expect(valueOf(samples, 'wa_queue_depth', { queue: 'triage', state: 'failed' })).toBe(1);
    } finally {
      await metrics.stop();
      await app.stop();
    }
  });
});

describe('the /metrics endpoint when a backing service is down', () => {
  it('when Redis does not answer, then its connection errors are counted, and the scrape still answers without queue depths', async () => {
    const deadPort = await freePort();
    const app = await startTestApp({
      config: testConfig({ REDIS_URL: `redis://127.0.0.1:${deadPort}`, METRICS_PORT: '0', METRICS_TOKEN: TOKEN }),
      worker: false,
    });
    const metrics = await startMetricsRole(app.ctx);
    try {
      const { samples } = await scrapeUntil(
        metrics,
        (s) =>
          (valueOf(s, 'wa_redis_errors_total', { connection: 'producer' }) ?? 0) >= 1 &&
          (valueOf(s, 'wa_redis_errors_total', { connection: 'app' }) ?? 0) >= 1,
        'Redis errors',
      );
      expect(valueOf(samples, 'wa_queue_depth')).toBeNull();
      expect(valueOf(samples, 'wa_queue_depth_up')).toBe(0);
    } finally {
      await metrics.stop();
      await app.stop();
    }
  });

  it('when MongoDB (a FerretDB of its own) is stopped, then the store errors are counted by repository and kind', async () => {
    const port = await freePort();
    const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', uniqueName('fdb'));
    let ferret: ChildProcess | null = await startFerretDb({ host: '127.0.0.1', port }, dir);
    let app: TestApp | null = null;
    let metrics: MetricsRole | null = null;
    try {
      app = await startTestApp({
        config: testConfig({
          MONGODB_URI: `mongodb://127.0.0.1:${port}/${uniqueName('wa_down')}`,
          MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1000',
          METRICS_PORT: '0',
          METRICS_TOKEN: TOKEN,
        }),
        worker: false,
      });
      metrics = await startMetricsRole(app.ctx);
      await new Promise<void>((resolve) => {
        ferret!.once('exit', () => resolve());
        ferret!.kill('SIGKILL');
      });
      ferret = null;
      const call = { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: '来电人：恒丰劳务队欠我工资5000元。' };
      expect((await postTranscript(app.url, call)).status).toBe(503);
      const { samples } = await scrape(metrics);
      expect(valueOf(samples, 'wa_store_errors_total', { repository: 'complaints', kind: 'unavailable' })).toBeGreaterThanOrEqual(1);
      expect(valueOf(samples, 'wa_complaints_accepted_total')).toBeNull();
      const refused = { route: '/api/hotline/transcripts', method: 'POST', status_class: '5xx' };
      expect(valueOf(samples, 'wa_http_request_duration_seconds_count', refused)).toBe(1);
    } finally {
      await metrics?.stop();
      await app?.stop();
      ferret?.kill('SIGKILL');
    }
  });
});
