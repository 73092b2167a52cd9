import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import { isAppError } from '../src/domain/app-error';
import type { Logger } from '../src/infra/logger';
import { createGather } from './gather';
import { QUEUE_NAMES, type JobPayloads } from './jobs';

export interface TriageWorkerDeps {
  triageComplaint(complaintId: string, opts: { finalAttempt: boolean }): Promise<unknown>;
  log: Logger;
}

/**
 * One processor for the triage-complaint job: adapt the job, call the service, map errors. Jobs that
 * start within `gatherMs` of each other start together (at most half the concurrency at a time), so
 * that their database commands are batched even at a trickle; 0 starts each at once.
 */
export function createTriageWorker(
  connection: RedisClient,
  prefix: string,
  concurrency: number,
  deps: TriageWorkerDeps,
  opts: { gatherMs?: number } = {},
) {
  const gather = createGather({ windowMs: opts.gatherMs ?? 0, max: Math.max(1, Math.floor(concurrency / 2)) });
  const processor = async (job: Job<JobPayloads['triage-complaint']>) => {
    const complaintId = job.data?.complaintId;
    if (typeof complaintId !== 'string' || !/^[0-9a-f]{24}$/i.test(complaintId)) {
      throw new UnrecoverableError('triage-complaint job without a valid complaintId');
    }
    await gather.wait();
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      await deps.triageComplaint(complaintId, { finalAttempt });
    } catch (err) {
      // A request that can never succeed (e.g. the complaint does not exist) is not retried.
      if (isAppError(err) && err.status < 500) throw new UnrecoverableError(`${err.code}: ${err.message}`);
      throw err;
    }
  };

  const worker = new Worker<JobPayloads['triage-complaint']>(QUEUE_NAMES.triage, processor, {
    connection,
    prefix,
    concurrency,
    autorun: false,
  });
  worker.on('failed', (job, err) =>
    deps.log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'triage job failed'),
  );
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'triage worker error'));
  return worker;
}
