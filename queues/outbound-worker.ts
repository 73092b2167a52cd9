import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import type { Logger } from '../src/infra/logger';
import { QUEUE_NAMES, type JobPayloads } from './jobs';
import { waitForTurn } from './wait-turn';

export interface OutboundWorkerDeps {
  /** 'wait' while an earlier message to the same contact is pending. */
  deliver(messageId: string, opts: { finalAttempt: boolean }): Promise<'done' | 'wait'>;
  log: Logger;
}

/** Runs in the bot process only: it holds the WeChat session the messages go out through. */
export function createOutboundWorker(connection: RedisClient, prefix: string, deps: OutboundWorkerDeps) {
  const worker = new Worker<JobPayloads['deliver-message']>(
    QUEUE_NAMES.outbound,
    async (job: Job<JobPayloads['deliver-message']>, token?: string) => {
      const messageId = job.data?.messageId;
      if (typeof messageId !== 'string' || !/^[0-9a-f]{24}$/i.test(messageId))
        throw new UnrecoverableError('deliver-message job without a valid messageId');
      const sent = await deps.deliver(messageId, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      if (sent === 'wait') await waitForTurn(job, token);
    },
    // WeChat throttles accounts that send fast: at most 10 messages a second leave this process.
    { connection, prefix, concurrency: 4, autorun: false, limiter: { max: 10, duration: 1000 } },
  );
  worker.on('failed', (job, err) => deps.log.warn({ jobId: job?.id, err: err.message }, 'message delivery failed'));
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'outbound worker error'));
  return worker;
}
