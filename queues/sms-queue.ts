import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import { isAppError } from '../src/domain/app-error';
import type { Logger } from '../src/infra/logger';
import { retriedJobs } from './job-options';
import { QUEUE_NAMES, type JobPayloads } from './jobs';
import { waitForTurn } from './wait-turn';

type SmsPayload = JobPayloads['send-sms'];

/** Text messages to complainants with a phone and no chat channel (only when an SMS gateway is configured). */
export function createSmsProducer(connection: RedisClient, prefix: string, attempts: number) {
  const queue = new Queue<SmsPayload, unknown, 'send-sms'>(QUEUE_NAMES.sms, {
    connection,
    prefix,
    defaultJobOptions: retriedJobs(attempts, 2000),
  });
  queue.on('error', () => undefined);
  return {
    queue,
    enqueue: async (messageId: string) => {
      await queue.add('send-sms', { messageId }, { jobId: `sms-${messageId}` });
    },
    close: () => queue.close(),
  };
}

export type SmsProducer = ReturnType<typeof createSmsProducer>;

export interface SmsWorkerDeps {
  /** 'wait' while an earlier text to the same number is pending. */
  deliver(messageId: string, opts: { finalAttempt: boolean }): Promise<'done' | 'wait'>;
  log: Logger;
}

export function createSmsWorker(connection: RedisClient, prefix: string, deps: SmsWorkerDeps) {
  const worker = new Worker<SmsPayload, unknown, 'send-sms'>(
    QUEUE_NAMES.sms,
    async (job: Job<SmsPayload, unknown, 'send-sms'>, token?: string) => {
      const messageId = job.data?.messageId;
      if (typeof messageId !== 'string' || !/^[0-9a-f]{24}$/i.test(messageId))
        throw new UnrecoverableError('send-sms job without a valid messageId');
      try {
        const sent = await deps.deliver(messageId, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
        if (sent === 'wait') await waitForTurn(job, token);
      } catch (err) {
        // Refused by the gateway (or no such message): the service has made it a call-back task; no retry.
        if (isAppError(err) && err.status < 500) throw new UnrecoverableError(`${err.code}: ${err.message}`);
        throw err;
      }
    },
    { connection, prefix, concurrency: 4, autorun: false },
  );
  worker.on('failed', (job, err) => deps.log.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message }, 'SMS job failed'));
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'SMS worker error'));
  return worker;
}
