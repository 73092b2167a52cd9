import type { AppContext } from '../composition/context';
import { createWorkerConnection } from '../redis/connection';
import { createTriageWorker } from '../../queues/triage-worker';
import { createDeadlineWorker } from '../../queues/deadline-queue';
import { createPlatformWorker } from '../../queues/platform-queue';
import { createSmsWorker } from '../../queues/sms-queue';
import type { RunningRole } from './api-role';
import { observeJobs } from './job-metrics';
import { deadlineWorkerPort } from '../composition/cases';
import { platformWorkerPort } from '../composition/platform';
import { smsDeliveryPort } from '../composition/outbound';
import { sweepPort, triageWorkerPort } from '../composition/triage';
import { retentionPort } from '../composition/privacy';

/** The triage worker and the sweeper that re-queues stored complaints nothing is working on. */
export async function startWorkerRole(ctx: AppContext): Promise<RunningRole> {
  const { config } = ctx;
  const sweeps = sweepPort(ctx);
  const retention = retentionPort(ctx);
  const log = ctx.log.child({ module: 'worker' });
  const connection = createWorkerConnection(config.redis);
  connection.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  connection.on('error', () => ctx.metrics.redisError('worker'));
  const worker = createTriageWorker(
    connection,
    ctx.keys.queues,
    config.TRIAGE_CONCURRENCY,
    { ...triageWorkerPort(ctx), log },
    { gatherMs: config.TRIAGE_GATHER_MS },
  );
  void worker.run().catch((err: unknown) => log.error({ err }, 'triage worker stopped'));
  await worker.waitUntilReady();
  const deadlines = createDeadlineWorker(connection, ctx.keys.queues, { ...deadlineWorkerPort(ctx), log });
  void deadlines.run().catch((err: unknown) => log.error({ err }, 'deadline worker stopped'));
  await deadlines.waitUntilReady();
  // Official Account / WeCom messages: the intake conversation, and sending through the platform API.
  const platform = createPlatformWorker(connection, ctx.keys.queues, { ...platformWorkerPort(ctx), log });
  void platform.run().catch((err: unknown) => log.error({ err }, 'platform worker stopped'));
  await platform.waitUntilReady();
  // Text messages, when an SMS gateway is configured.
  const deliverSms = smsDeliveryPort(ctx);
  const sms = deliverSms ? createSmsWorker(connection, ctx.keys.queues, { deliver: deliverSms, log }) : null;
  if (sms) {
    void sms.run().catch((err: unknown) => log.error({ err }, 'SMS worker stopped'));
    await sms.waitUntilReady();
  }
  for (const w of [worker, deadlines, platform, sms]) if (w) observeJobs(w, ctx.metrics);

  let sweeping: Promise<void> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeps
      .sweepUnprocessed({ graceMs: config.SWEEP_GRACE_MS })
      .then(async (r) => {
        if (r.requeued > 0) log.warn(r, 'sweeper re-queued unprocessed complaints');
        const inbound = await sweeps.sweepInbound(config.SWEEP_GRACE_MS);
        if (inbound > 0) log.warn({ inbound }, 'sweeper re-queued unhandled platform messages');
        const outbound = await sweeps.sweepOutbound(config.SWEEP_GRACE_MS);
        if (outbound > 0) log.info({ outbound }, 'sweeper put undelivered messages on their way again');
        // Personal data past its period (docs/security.md#privacy-pipl): once a day, whichever worker claims it.
        if (await retention.claim()) {
          const done = await retention.apply().catch(async (err: unknown) => {
            await retention.release().catch(() => undefined);
            throw err;
          });
          log.info({ retention: done }, 'retention: personal data past its period erased or anonymised');
        }
      })
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'sweep failed; will retry'));
  };
  sweep();
  const timer = setInterval(() => {
    void sweeping.then(sweep);
  }, config.SWEEP_INTERVAL_MS);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
      await Promise.all([worker.close(), deadlines.close(), platform.close(), sms?.close()]); // each waits for its in-flight jobs
      connection.disconnect();
    },
  };
}
