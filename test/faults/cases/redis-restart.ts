import path from 'node:path';
import { uniqueName, waitFor } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { AppProcess, FerretServer, RedisServer } from '../support/processes';
import { StoreProbe, triageJobCounts } from '../support/store-probe';
import { appEnv, runId, type FaultCase, type SuiteEnv } from '../support/suite';
import { sendHotline } from '../support/traffic';

/** Redis with AOF restarted mid-stream: the same worker and API processes carry on by themselves. */
async function withAof(env: SuiteEnv, r: CaseReport): Promise<void> {
  const redis = await RedisServer.start(path.join(env.dir, uniqueName('c3-aof')), { persistent: true });
  const ferret = await FerretServer.start(path.join(env.dir, uniqueName('c3a-ferret')));
  const base = appEnv({ mongoUri: ferret.uri(uniqueName('wa_faults')), redisUrl: redis.url, prefix: uniqueName('faults') });
  const api = await AppProcess.start('c3a-api', 'api', base);
  const worker = await AppProcess.start('c3a-worker', 'worker', base);
  const probe = await StoreProbe.open(base.MONGODB_URI!);
  const total = Math.max(60, Math.round(300 * env.scale));
  let downMs = 0;
  try {
    const deliveries = await sendHotline(() => api.url, {
      count: total,
      concurrency: 8,
      secret: env.secret,
      runId: runId('c3a'),
      retryForMs: 60_000,
      beforeSend: async (i) => {
        if (i !== Math.floor(total / 2)) return;
        const t0 = Date.now();
        await redis.stop('SIGTERM');
        await new Promise((res) => setTimeout(res, 2000));
        await redis.start();
        downMs = Date.now() - t0;
      },
    });
    await probe.waitProcessed(deliveries, 120_000);
    const t = await probe.report(r, deliveries, 'Redis (AOF) restart');
    const alive = [api, worker].every((p) => p.child.exitCode === null && p.child.signalCode === null);
    r.expect(alive, 'an API or worker process died when Redis restarted');
    const refused = deliveries.filter((d) => d.statuses.includes(503)).length;
    r.found(
      'redis-server (AOF, fsync always) restarted mid-stream; API and worker not restarted',
      `${t.sent} complaints, Redis away ${downMs} ms`,
      `${refused} got 503 while it was away and were retried; acknowledged ${t.acknowledged}, stored ${t.stored}, lost ${t.lost}, duplicated ${t.duplicated}; processes kept running: ${alive}`,
    );
  } finally {
    await worker.kill('SIGTERM');
    await api.kill('SIGTERM');
    await redis.stop();
    await probe.close();
    await ferret.stop();
  }
}

/** Redis without persistence restarted with a backlog queued: every job is gone, the sweeper re-queues each stored complaint. */
async function withoutPersistence(env: SuiteEnv, r: CaseReport): Promise<void> {
  const redis = await RedisServer.start(path.join(env.dir, uniqueName('c3-mem')), { persistent: false });
  const prefix = uniqueName('faults');
  const ferret = await FerretServer.start(path.join(env.dir, uniqueName('c3b-ferret')));
  const base = appEnv({
    mongoUri: ferret.uri(uniqueName('wa_faults')),
    redisUrl: redis.url,
    prefix,
    extra: { SWEEP_INTERVAL_MS: '2000', SWEEP_GRACE_MS: '1000' },
  });
  const api = await AppProcess.start('c3b-api', 'api', base);
  let worker: AppProcess | null = null;
  const probe = await StoreProbe.open(base.MONGODB_URI!);
  const total = Math.max(40, Math.round(200 * env.scale));
  try {
    // No worker yet: the complaints wait in the queue when Redis loses everything.
    const deliveries = await sendHotline(() => api.url, { count: total, concurrency: 8, secret: env.secret, runId: runId('c3b') });
    const queued = (await triageJobCounts(redis.url, prefix)).waiting ?? 0;
    await redis.stop('SIGTERM');
    await redis.start();
    const after = await triageJobCounts(redis.url, prefix);
    r.expect((after.waiting ?? 0) === 0, 'Redis kept jobs although it had no persistence');
    await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 200, 15_000, 'the API to see Redis again');
    worker = await AppProcess.start('c3b-worker', 'worker', base);
    await probe.waitProcessed(deliveries, 90_000);
    const t = await probe.report(r, deliveries, 'Redis (no persistence) restart');
    const recovered = worker.logs('sweeper re-queued unprocessed complaints').reduce((a, l) => a + Number(l.requeued ?? 0), 0);
    r.add('sweeper_recovered', recovered);
    // Each stored complaint at least once; a job that then failed an attempt and was retried by a later sweep counts again.
    r.expect(recovered >= t.acknowledged, `the sweeper recovered ${recovered} of ${t.acknowledged} stored complaints`);
    r.found(
      'redis-server without persistence restarted with a backlog (all jobs gone)',
      `${t.acknowledged} complaints stored, ${queued} jobs waiting, 0 after the restart`,
      `the sweeper re-queued ${recovered}; stored and triaged ${t.stored}, lost ${t.lost}, duplicated ${t.duplicated}`,
    );
  } finally {
    await worker?.kill('SIGTERM');
    await api.kill('SIGTERM');
    await redis.stop();
    await probe.close();
    await ferret.stop();
  }
}

/** Case 3. */
export const redisRestart: FaultCase = {
  issueCase: 3,
  id: 'redis-restart',
  title: 'Redis restarted, with AOF and without persistence',
  quick: false,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    await withAof(env, r);
    await withoutPersistence(env, r);
    return r.result();
  },
};
