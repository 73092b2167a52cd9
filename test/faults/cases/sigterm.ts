import { uniqueName, waitFor } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import path from 'node:path';
import { AppProcess, FerretServer } from '../support/processes';
import { StoreProbe, triageJobCounts } from '../support/store-probe';
import { appEnv, runId, type FaultCase } from '../support/suite';
import { sendHotline } from '../support/traffic';

/** Case 2: SIGTERM the worker and then the API under load → in-flight work finishes, no stalled jobs, nothing lost. */
export const sigterm: FaultCase = {
  issueCase: 2,
  id: 'sigterm',
  title: 'SIGTERM the worker and the API during load',
  quick: false,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    const prefix = uniqueName('faults');
    const ferret = await FerretServer.start(path.join(env.dir, uniqueName('c2-ferret')));
    const base = appEnv({ mongoUri: ferret.uri(uniqueName('wa_faults')), redisUrl: env.redis.url, prefix });
    let api = await AppProcess.start('c2-api-0', 'api', base);
    const worker = await AppProcess.start('c2-worker-0', 'worker', base);
    let replacement: AppProcess | null = null;
    const probe = await StoreProbe.open(base.MONGODB_URI!);
    const total = Math.max(60, Math.round(300 * env.scale));
    const seen: Record<string, number> = {};
    try {
      const deliveries = await sendHotline(() => api.url, {
        count: total,
        concurrency: 8,
        secret: env.secret,
        runId: runId('c2'),
        retryForMs: 60_000,
        beforeSend: async (i) => {
          if (i === Math.floor(total / 3)) {
            seen.activeBefore = (await triageJobCounts(env.redis.url, prefix)).active ?? 0;
            const t0 = Date.now();
            const exit = await worker.kill('SIGTERM');
            seen.workerExitMs = Date.now() - t0;
            seen.workerExitCode = exit.code ?? -1;
            // Nothing else consumes the queue now: an active job here would be one the worker abandoned.
            seen.activeAfter = (await triageJobCounts(env.redis.url, prefix)).active ?? 0;
            seen.workerSaidStopped = worker.logs('stopped').length;
          }
          if (i === Math.floor((2 * total) / 3)) {
            const old = api;
            const t0 = Date.now();
            const exit = await old.kill('SIGTERM');
            seen.apiExitMs = Date.now() - t0;
            seen.apiExitCode = exit.code ?? -1;
            api = await AppProcess.start('c2-api-1', 'api', base);
            replacement = await AppProcess.start('c2-worker-1', 'worker', base);
          }
        },
      });
      await probe.waitProcessed(deliveries, 120_000);
      const t = await probe.report(r, deliveries, 'SIGTERM');
      const stalled = seen.activeAfter ?? -1;
      r.add('stalled_jobs', Math.max(stalled, 0));
      r.expect(seen.workerExitCode === 0, `the worker exited with ${seen.workerExitCode} on SIGTERM`);
      r.expect(seen.apiExitCode === 0, `the API exited with ${seen.apiExitCode} on SIGTERM`);
      r.expect(stalled === 0, `${stalled} jobs were left active (stalled) by the stopped worker`);
      r.expect(seen.workerSaidStopped === 1, 'the worker did not log a clean stop');
      const refusedDuringRestart = deliveries.filter((d) => d.statuses.includes(0)).length;
      r.found(
        'SIGTERM to the worker while jobs run',
        `${seen.activeBefore} jobs in flight`,
        `exit code ${seen.workerExitCode} after ${seen.workerExitMs} ms; jobs left active ${stalled}`,
      );
      r.found(
        'SIGTERM to the API while requests run (restarted)',
        `${t.sent} complaints in total; ${refusedDuringRestart} met a closed port and were retried`,
        `exit code ${seen.apiExitCode} after ${seen.apiExitMs} ms; acknowledged ${t.acknowledged}, stored ${t.stored}, lost ${t.lost}, duplicated ${t.duplicated}`,
      );
      await waitFor(async () => ((await triageJobCounts(env.redis.url, prefix)).active ?? 0) === 0, 10_000, 'no active jobs').catch(
        () => undefined,
      );
    } finally {
      await (replacement as AppProcess | null)?.kill('SIGTERM');
      await worker.kill('SIGTERM');
      await api.kill('SIGTERM');
      await probe.close();
      await ferret.stop();
    }
    return r.result();
  },
};
