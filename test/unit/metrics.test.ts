import { translatingErrors, type StoreErrorKind } from '../../src/db/store-errors';
import { AppError } from '../../src/domain/app-error';
import { createMetrics } from '../../src/infra/metrics';

/** The label values of every sample of `name`. */
async function labelsOf(metrics: ReturnType<typeof createMetrics>, name: string): Promise<Record<string, string>[]> {
  const { body } = await metrics.scrape();
  return body
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .map((l) => Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])));
}

describe('the metrics seam (src/infra/metrics.ts)', () => {
  it('when a label value is not one the code chose, then it is counted as other', async () => {
    const m = createMetrics({ role: 'api', processMetrics: false });
    m.complaintAccepted('13900001111');
    m.complaintAccepted('hotline');
    m.complaintTriaged('张三的投诉');
    m.outboundMessage('wechat_oa', 'delivered');
    m.outboundMessage('wxid_abc123', 'failed');
    m.storeError('Complaints 13900001111', 'other');
    m.redisError('producer');
    m.jobFinished('triage', 'completed', -1);
    expect(await labelsOf(m, 'wa_complaints_accepted_total')).toEqual([
      { channel: 'other', role: 'api' },
      { channel: 'hotline', role: 'api' },
    ]);
    expect(await labelsOf(m, 'wa_complaints_triaged_total')).toEqual([{ disposition: 'other', role: 'api' }]);
    expect(await labelsOf(m, 'wa_outbound_messages_total')).toEqual([
      { channel: 'wechat_oa', state: 'delivered', role: 'api' },
      { channel: 'other', state: 'failed', role: 'api' },
    ]);
    expect(await labelsOf(m, 'wa_store_errors_total')).toEqual([{ repository: 'other', kind: 'other', role: 'api' }]);
    expect((await m.scrape()).body).toContain('wa_job_latency_seconds_sum{role="api",queue="triage",outcome="completed"} 0');
  });

  it('when a route looks like a URL, or there are more routes than an app has, then it is counted as other', async () => {
    const m = createMetrics({ role: 'api', processMetrics: false });
    m.httpRequest('/api/leads/:id', 'GET', 200, 0.01);
    m.httpRequest('/api/leads/65f0c0ffee0000000000abcd', 'GET', 200, 0.01);
    m.httpRequest('/wechat/13900001111', 'POST', 200, 0.01);
    m.httpRequest('/中文', 'GET', 404, 0.01);
    m.httpRequest('unmatched', 'PROPFIND', 404, 0.01);
    for (let i = 0; i < 250; i++) m.httpRequest(`/r${i}`, 'GET', 200, 0.01);
    const routes = new Set(
      (await labelsOf(m, 'wa_http_request_duration_seconds_count')).map((l) => `${l.route} ${l.method} ${l.status_class}`),
    );
    expect(routes).toContain('/api/leads/:id GET 2xx');
    expect(routes).toContain('other GET 2xx');
    expect(routes).toContain('other GET 4xx');
    expect(routes).toContain('other POST 2xx');
    expect(routes).toContain('unmatched other 4xx');
    expect(routes.size).toBeLessThanOrEqual(206);
  });

  it('when no queues are watched, then the depths are left out, and the process metrics only when asked for', async () => {
    const quiet = createMetrics({ role: 'worker', processMetrics: false });
    expect((await quiet.scrape()).body).not.toContain('process_cpu');
    expect((await quiet.scrape()).body).not.toContain('wa_queue_depth{');
    const full = createMetrics({ role: 'worker', processMetrics: true });
    full.readQueuesWith(async () => [
      { name: 'triage', counts: { waiting: 2, prioritized: 1, active: 3, delayed: 0, failed: 4, completed: 9 } },
    ]);
    const { body, contentType } = await full.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('process_cpu_user_seconds_total{role="worker"}');
    expect(body).toContain('wa_queue_depth{queue="triage",state="waiting",role="worker"} 3');
    expect(body).toContain('wa_queue_depth{queue="triage",state="failed",role="worker"} 4');
    expect(body).not.toContain('state="completed"');
    expect(body).toContain('wa_queue_depth_up{role="worker"} 1');
  });
});

describe('store errors as the repositories report them (src/db/store-errors.ts)', () => {
  it('when a repository call fails, then the store’s errors are reported by kind, and the app’s own refusals are not', async () => {
    const kinds: StoreErrorKind[] = [];
    const named = (name: string) => Object.assign(new Error(name), { name });
    const repo = translatingErrors(
      {
        taken: async () => Promise.reject(Object.assign(new Error('E11000 duplicate key'), { code: 11000 })),
        down: async () => Promise.reject(named('MongoServerSelectionError')),
        odd: () => {
          throw named('CastError');
        },
        refused: async () => Promise.reject(new AppError('not_found', 'no such case', { status: 404 })),
        fine: async () => 1,
      },
      (kind) => kinds.push(kind),
    );
    await expect(repo.taken()).rejects.toMatchObject({ code: 'duplicate' });
    await expect(repo.down()).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(() => repo.odd()).toThrow('CastError');
    await expect(repo.refused()).rejects.toMatchObject({ code: 'not_found' });
    await expect(repo.fine()).resolves.toBe(1);
    expect(kinds).toEqual(['duplicate', 'unavailable', 'other']);
  });
});
