import path from 'node:path';
import { uniqueName, waitFor } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { AppProcess, RedisServer } from '../support/processes';
import { StoreProbe } from '../support/store-probe';
import { appEnv, runId, type FaultCase } from '../support/suite';
import { percentile, sendHotline } from '../support/traffic';

/** Case 4: Redis down → intake answers 503 at once, no hung request, nothing stored; back to 202 when it returns. */
export const redisDown: FaultCase = {
  issueCase: 4,
  id: 'redis-down',
  title: 'Redis down: producers fail fast',
  quick: true,
  measures: ['sent', 'acknowledged', 'stored', 'lost', 'duplicated'],
  async run(env) {
    const r = new CaseReport();
    const redis = await RedisServer.start(path.join(env.dir, uniqueName('c4')), { persistent: true });
    const base = appEnv({ mongoUri: env.ferret.uri(uniqueName('wa_faults')), redisUrl: redis.url, prefix: uniqueName('faults') });
    const api = await AppProcess.start('c4-api', 'api', base);
    const probe = await StoreProbe.open(base.MONGODB_URI!);
    const id = runId('c4');
    try {
      // Warm the process up (first requests load modules) so the figures are about Redis being down.
      const warm = await sendHotline(() => api.url, { count: 3, from: 90, concurrency: 1, secret: env.secret, runId: id });
      r.expect(
        warm.every((d) => d.complaintId),
        'the warm-up complaints were not accepted',
      );
      const warmIds = warm.length;
      await redis.stop('SIGKILL');
      const ready = await fetch(`${api.url}/readyz`);
      const down = await sendHotline(() => api.url, { count: 50, concurrency: 50, secret: env.secret, runId: id, timeoutMs: 10_000 });
      const latencies = down.flatMap((d) => d.latencies);
      const statuses = down.map((d) => d.statuses[0]);
      const hung = statuses.filter((s) => s === -1).length;
      const not503 = statuses.filter((s) => s !== 503).length;
      const storedWhileDown = (await probe.tally(down)).acknowledged;
      r.add('hung_requests', hung);
      r.expect(ready.status === 503, `/readyz answered ${ready.status} with Redis down`);
      r.expect(not503 === 0, `${not503} of 50 requests did not get 503 (${[...new Set(statuses)].join(',')})`);
      r.expect(percentile(latencies, 99) < 1000, `p99 of the 503s was ${percentile(latencies, 99)} ms`);
      r.expect(storedWhileDown === 0, `${storedWhileDown} complaints were acknowledged with Redis down`);
      const stored = (await probe.db.collection('complaints').countDocuments({})) - warmIds;
      r.expect(stored === 0, `${stored} complaints were stored although refused`);

      await redis.start();
      await waitFor(async () => (await fetch(`${api.url}/readyz`)).status === 200, 15_000, 'the API to see Redis again');
      const back = await sendHotline(() => api.url, { count: 20, from: 50, concurrency: 8, secret: env.secret, runId: id });
      const t = await probe.tally(back);
      r.add('sent', 50 + t.sent);
      r.add('acknowledged', t.acknowledged);
      r.add('stored', t.acknowledged); // stored: checked below
      r.expect(t.acknowledged === 20, `${t.acknowledged} of 20 were acknowledged after Redis came back`);
      r.expect(
        (await probe.db.collection('complaints').countDocuments({})) === warmIds + t.acknowledged,
        'the store does not hold exactly the acknowledged complaints',
      );
      r.found(
        'POST hotline transcripts while Redis is down (50 at once)',
        '50 requests',
        `all 503 queue_unavailable: ${not503 === 0}; p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms; hung ${hung}; stored 0: ${stored === 0}; /readyz ${ready.status}`,
      );
      r.found('the same after Redis is back', '20 requests', `${t.acknowledged} acknowledged and stored`);
    } finally {
      await api.kill('SIGTERM');
      await redis.stop();
      await probe.close();
    }
    return r.result();
  },
};
