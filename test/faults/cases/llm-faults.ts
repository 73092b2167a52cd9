import { startTestApp, testConfig, uniqueName } from '../../support/test-app';
import { startFakeOpenAi, type FakeMode } from '../../support/fake-openai';
import { CaseReport } from '../support/figures';
import { StoreProbe } from '../support/store-probe';
import type { FaultCase } from '../support/suite';
import { percentile, sendHotline } from '../support/traffic';

const MAX_RETRIES = 2;
const MODES: FakeMode[] = process.env.FAULTS_DEBUG ? ['good', 'hang'] : ['good', 'hang', '500', 'malformed', 'wrong-schema'];

/** Case 6: the LLM hangs, fails or talks garbage → intake latency unaffected, bounded calls, leads from the rules. */
export const llmFaults: FaultCase = {
  issueCase: 6,
  id: 'llm-faults',
  title: 'LLM endpoint hanging, failing or answering garbage',
  quick: false,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    const fake = await startFakeOpenAi();
    fake.answer = {
      category: 'wage_arrears',
      employer: '鑫旺劳务队',
      project: null,
      location: '热市镇',
      amount_yuan: 48000,
      worker_count: 1,
      phone: '[电话1]',
      sector: 'construction',
      urgency: 'normal',
    };
    const config = testConfig({
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'fake-key',
      OPENAI_TIMEOUT_MS: '1000',
      OPENAI_MAX_RETRIES: String(MAX_RETRIES),
      LOG_LEVEL: process.env.FAULTS_DEBUG ? 'warn' : 'silent',
    });
    const app = await startTestApp({ config });
    const probe = await StoreProbe.open(config.MONGODB_URI);
    const n = Math.max(8, Math.round(16 * env.scale));
    let from = 6000;
    const baseline: number[] = [];
    try {
      for (const mode of MODES) {
        fake.mode = mode;
        const before = fake.requests.length;
        const deliveries = await sendHotline(() => app.url, {
          count: n,
          from,
          concurrency: 4,
          secret: env.secret,
          runId: uniqueName(`c6-${mode}`),
        });
        from += n;
        const latencies = deliveries.flatMap((d) => d.latencies);
        if (mode === 'good') baseline.push(...latencies);
        await probe.waitProcessed(deliveries, 60_000);
        const t = await probe.report(r, deliveries, `LLM ${mode}`);
        const ids = deliveries.flatMap((d) => (d.complaintId ? [d.complaintId] : []));
        const complaints = await Promise.all(ids.map((id) => app.ctx.repos.complaints.get(id)));
        const withLead = complaints.filter((c) => c?.leadId).length;
        const byRules = complaints.filter((c) => c?.triage?.engine === 'rules' && c.triage.llmError).length;
        // Calls per complaint: the requests carrying that complaint's (masked) text.
        const perText = new Map<string, number>();
        for (const q of fake.requests.slice(before)) {
          const user = q.messages.find((m) => m.role === 'user')?.content ?? '';
          perText.set(user, (perText.get(user) ?? 0) + 1);
        }
        const maxCalls = Math.max(0, ...perText.values());
        r.max('max_llm_calls_per_complaint', maxCalls);
        r.expect(maxCalls <= 1 + MAX_RETRIES, `${mode}: up to ${maxCalls} LLM calls for one complaint`);
        r.expect(withLead === t.acknowledged, `${mode}: ${t.acknowledged - withLead} complaints got no case`);
        if (mode !== 'good')
          r.expect(
            byRules === t.acknowledged,
            `${mode}: ${t.acknowledged - byRules} complaints were not triaged by the rules with the LLM error noted`,
          );
        const p99 = percentile(latencies, 99);
        if (mode !== 'good')
          r.expect(
            p99 < Math.max(500, 3 * percentile(baseline, 99)),
            `${mode}: intake p99 ${p99} ms against ${percentile(baseline, 99)} ms with a good LLM`,
          );
        r.found(
          `LLM ${mode === 'good' ? 'answering well (baseline)' : mode === 'hang' ? 'hanging (timeout 1 s)' : mode === '500' ? 'answering 500' : mode === 'malformed' ? 'answering malformed JSON' : 'answering JSON off the schema'}`,
          `${t.sent} complaints`,
          `intake p50 ${percentile(latencies, 50)} ms, p99 ${p99} ms; at most ${maxCalls} calls per complaint (bound ${1 + MAX_RETRIES}); ${withLead} cases opened${mode === 'good' ? '' : `, ${byRules} by the rules with the LLM error recorded`}; lost ${t.lost}`,
        );
      }
    } finally {
      await probe.close();
      await app.stop();
      await fake.close();
    }
    return r.result();
  },
};
