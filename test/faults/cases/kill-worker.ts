import { uniqueName } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import path from 'node:path';
import { AppProcess, FerretServer } from '../support/processes';
import { StoreProbe, triageJobCounts } from '../support/store-probe';
import { appEnv, runId, type FaultCase } from '../support/suite';
import { sendHotline } from '../support/traffic';

/** Case 1: kill -9 the worker process three times while 1,000 complaints flow → lost 0, duplicated 0. */
export const killWorker: FaultCase = {
  issueCase: 1,
  id: 'kill-worker',
  title: 'kill -9 the worker three times while 1,000 complaints flow',
  quick: false,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    const prefix = uniqueName('faults');
    // A FerretDB of its own: the heaviest case does not slow or risk the others' store.
    const ferret = await FerretServer.start(path.join(env.dir, uniqueName('c1-ferret')));
    const base = appEnv({ mongoUri: ferret.uri(uniqueName('wa_faults')), redisUrl: env.redis.url, prefix });
    const api = await AppProcess.start('c1-api', 'api', base);
    let worker = await AppProcess.start('c1-worker-0', 'worker', base);
    const probe = await StoreProbe.open(base.MONGODB_URI!);
    const total = Math.max(40, Math.round(1000 * env.scale));
    const killAt = new Set([0.25, 0.5, 0.75].map((f) => Math.floor(f * total)));
    const inFlightAtKill: number[] = [];
    const t0 = Date.now();
    try {
      const deliveries = await sendHotline(() => api.url, {
        count: total,
        concurrency: 8,
        secret: env.secret,
        runId: runId('c1'),
        retryForMs: 30_000,
        beforeSend: async (i) => {
          if (!killAt.has(i)) return;
          inFlightAtKill.push((await triageJobCounts(env.redis.url, prefix)).active ?? 0);
          await worker.kill('SIGKILL');
          worker = await AppProcess.start(`c1-worker-${inFlightAtKill.length}`, 'worker', base);
        },
      });
      // A killed worker's active jobs come back when their lock expires (BullMQ's stalled-job check, ~30-60 s).
      const sentMs = Date.now() - t0;
      await probe.waitProcessed(deliveries, 120_000);
      const drainedMs = Date.now() - t0;
      const t = await probe.report(r, deliveries, 'kill -9 worker');
      r.expect(inFlightAtKill.length === 3, `the worker was killed ${inFlightAtKill.length} times, not 3`);
      r.found(
        'kill -9 of the worker process while hotline complaints flow (restarted at once)',
        `${t.sent} complaints, 3 kills with ${inFlightAtKill.join('/')} jobs in flight`,
        `acknowledged ${t.acknowledged}, stored and triaged ${t.stored}, lost ${t.lost}, duplicated ${t.duplicated} (sent in ${Math.round(sentMs / 1000)} s, all triaged after ${Math.round(drainedMs / 1000)} s)`,
      );
    } finally {
      await worker.kill('SIGTERM');
      await api.kill('SIGTERM');
      await probe.close();
      await ferret.stop();
    }
    return r.result();
  },
};
