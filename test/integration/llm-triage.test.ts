import IORedis from 'ioredis';
import OpenAI from 'openai';
import { createRedisCache } from '../../src/redis/redis-cache';
import { createLlmTriage } from '../../src/triage/llm/llm-triage';
import { triageByRules } from '../../src/triage/rule-triage';
import type { TriageEngine } from '../../src/domain/triage-result';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor } from '../support/test-app';

const TEXT =
  '我叫吴建军，身份证430725198803031234，在热市镇的光明小区工地做钢筋，鑫旺劳务队的包工头拖欠我们6个人工资4万8，我电话139 0000 5512，老板电话13900007788。';
const GOOD = {
  category: 'wage_arrears',
  employer: '鑫旺劳务队',
  project: '光明小区',
  location: '热市镇',
  amount_yuan: 48000,
  worker_count: 6,
  phone: '[电话1]',
  sector: 'construction',
  urgency: 'normal',
};

describe('LLM-assisted triage against a local fake OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  let redis: IORedis;
  let engine: (opts?: { timeoutMs?: number; maxRetries?: number }) => TriageEngine;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    redis = new IORedis(process.env.TEST_REDIS_URL ?? '');
    engine = (opts = {}) =>
      createLlmTriage({
        client: new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL }),
        model: 'fake-model',
        timeoutMs: opts.timeoutMs ?? 2000,
        maxRetries: opts.maxRetries ?? 2,
        cache: createRedisCache(redis, uniqueName('llmcache'), 60),
      });
  });
  afterAll(async () => {
    await fake.close();
    redis.disconnect();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.answer = GOOD;
  });

  it('when the model answers well, then its fields are used, the phone placeholder maps back, and no phone or ID number left the process', async () => {
    fake.mode = 'good';
    const r = await engine()({ channel: 'wechat', text: TEXT });
    expect(r).toMatchObject({ ...GOOD, phone: '13900005512', engine: 'llm', llmError: null });
    expect(r.sources.employer).toBe('llm');
    const sent = JSON.stringify(fake.requests);
    expect(sent).not.toMatch(/13900005512|139 0000 5512|13900007788|430725198803031234/);
    expect(sent).toContain('[电话1]');
    expect(sent).toContain('规则引擎初步结果'); // the rule result goes along as a hint
  });

  it('when the model wraps its JSON in a code fence, then it is still read', async () => {
    fake.mode = 'fenced';
    expect((await engine()({ channel: 'wechat', text: TEXT })).engine).toBe('llm');
  });

  it.each([
    ['malformed', 'not JSON'],
    ['wrong-schema', 'schema'],
  ] as const)('when the model answers %s, then the rule result stands after one call', async (mode, why) => {
    fake.mode = mode;
    const r = await engine()({ channel: 'wechat', text: TEXT });
    expect(r.engine).toBe('rules');
    expect(r.llmError).toContain(why);
    expect(r).toMatchObject(triageByRules({ channel: 'wechat', text: TEXT }));
    expect(Object.values(r.sources).every((s) => s === 'rules')).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it.each(['429', '500'] as const)(
    'when the endpoint keeps answering %s, then calls stop at 1 + maxRetries and the rules answer',
    async (mode) => {
      fake.mode = mode;
      const r = await engine({ maxRetries: 2 })({ channel: 'wechat', text: TEXT });
      expect(r.engine).toBe('rules');
      expect(fake.requests).toHaveLength(3);
    },
  );

  it('when the endpoint fails once and then answers, then the retry succeeds', async () => {
    fake.mode = '500-then-good';
    const r = await engine({ maxRetries: 2 })({ channel: 'wechat', text: TEXT });
    expect(r.engine).toBe('llm');
    expect(fake.requests).toHaveLength(2);
  });

  it('when the endpoint hangs, then each call is cut at the timeout and the rules answer', async () => {
    fake.mode = 'hang';
    const started = Date.now();
    const r = await engine({ timeoutMs: 300, maxRetries: 1 })({ channel: 'wechat', text: TEXT });
    expect(r.engine).toBe('rules');
    expect(r.llmError).toBeTruthy();
    expect(fake.requests.length).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('when the same text comes twice, then the second answer comes from the cache without a call', async () => {
    fake.mode = 'good';
    const e = engine();
    const text = `${TEXT}（补充${uniqueName('x')}）`;
    const a = await e({ channel: 'wechat', text });
    const b = await e({ channel: 'wechat', text });
    expect(b).toEqual(a);
    expect(fake.requests).toHaveLength(1);
  });

  it('when OPENAI_BASE_URL is configured, then the worker triages with the LLM and records the engine of each field', async () => {
    fake.mode = 'good';
    const app = await startTestApp({
      config: testConfig({ OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'fake-model' }),
    });
    try {
      const res = await postTranscript(app.url, {
        callId: uniqueName('call'),
        receivedAt: new Date().toISOString(),
        transcript: `来电人：${TEXT}`,
      });
      const { complaintId } = (await res.json()) as { complaintId: string };
      const c = await waitFor(async () => {
        const got = await app.ctx.repos.complaints.get(complaintId);
        return got?.state === 'triaged' ? got : null;
      });
      expect(c.triage).toMatchObject({
        engine: 'llm',
        employer: '鑫旺劳务队',
        phone: '13900005512',
        sources: { employer: 'llm', amount_yuan: 'llm' },
      });
      const lead = await app.ctx.repos.leads.get(c.leadId ?? '');
      expect(lead).toMatchObject({ employer: '鑫旺劳务队', amountYuan: 48000 });
    } finally {
      await app.stop();
    }
  });
});
