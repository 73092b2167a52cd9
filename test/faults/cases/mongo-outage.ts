import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { uniqueName } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { AppProcess, FerretServer } from '../support/processes';
import { StoreProbe } from '../support/store-probe';
import { appEnv, runId, type FaultCase } from '../support/suite';
import { percentile, sendHotline } from '../support/traffic';

const OUTAGE_MS = 30_000;

/** Case 5: FerretDB stopped for 30 s mid-stream → nothing acknowledged unstored; jobs retry and complete after. */
export const mongoOutage: FaultCase = {
  issueCase: 5,
  id: 'mongo-outage',
  title: 'MongoDB (FerretDB) stopped for 30 s mid-stream',
  quick: false,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    const ferret = await FerretServer.start(path.join(env.dir, uniqueName('c5')));
    const base = appEnv({ mongoUri: ferret.uri(uniqueName('wa_faults')), redisUrl: env.redis.url, prefix: uniqueName('faults') });
    const api = await AppProcess.start('c5-api', 'api', base);
    const worker = await AppProcess.start('c5-worker', 'worker', base);
    const total = Math.max(60, Math.round(250 * env.scale));
    let outage: Promise<void> = Promise.resolve();
    let outageStart = 0;
    let outageEnd = 0;
    try {
      const deliveries = await sendHotline(() => api.url, {
        count: total,
        concurrency: 4,
        secret: env.secret,
        runId: runId('c5'),
        retryForMs: OUTAGE_MS + 60_000,
        timeoutMs: 15_000,
        beforeSend: async (i) => {
          await delay(150); // ~25 a second: the flow spans the outage
          if (i !== Math.floor(total / 5)) return;
          outage = (async () => {
            outageStart = Date.now();
            await ferret.stop('SIGKILL');
            await delay(OUTAGE_MS);
            await ferret.start();
            outageEnd = Date.now();
          })();
        },
      });
      await outage;
      const probe = await StoreProbe.open(base.MONGODB_URI!);
      try {
        await probe.waitProcessed(deliveries, 180_000);
        const t = await probe.report(r, deliveries, 'FerretDB outage');
        const during = deliveries.flatMap((d) => d.statuses.map((s, k) => ({ s, ms: d.latencies[k]! })));
        const refused = during.filter((x) => x.s === 503);
        const hung = during.filter((x) => x.s === -1).length;
        r.add('hung_requests', hung);
        r.expect(refused.length > 0, 'no request met the outage (the flow did not span it)');
        r.expect(hung === 0, `${hung} requests hung during the outage`);
        const retriedJobs = worker.logs('triage job failed').length;
        r.found(
          'FerretDB killed for 30 s while complaints flow (API and worker keep running)',
          `${t.sent} complaints, outage ${Math.round((outageEnd - outageStart) / 1000)} s`,
          `${refused.length} answers were 503 (p99 ${percentile(
            refused.map((x) => x.ms),
            99,
          )} ms) and retried by the sender; ${retriedJobs} job attempts failed and were retried; acknowledged ${t.acknowledged}, stored and triaged ${t.stored}, lost ${t.lost}, duplicated ${t.duplicated}`,
        );
      } finally {
        await probe.close();
      }
    } finally {
      await outage.catch(() => undefined);
      await worker.kill('SIGTERM');
      await api.kill('SIGTERM');
      await ferret.stop();
    }
    return r.result();
  },
};
