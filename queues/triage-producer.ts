import { Queue } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import { retriedJobs } from './job-options';
import { QUEUE_NAMES, triageJobId, type JobPayloads } from './jobs';

export interface TriageQueueOptions {
  prefix: string;
  attempts: number;
}

export type EnsureQueuedResult = 'added' | 'retried' | 'pending';

export function createTriageProducer(connection: RedisClient, opts: TriageQueueOptions) {
  const queue = new Queue<JobPayloads['triage-complaint'], void, 'triage-complaint'>(QUEUE_NAMES.triage, {
    connection,
    prefix: opts.prefix,
    defaultJobOptions: retriedJobs(opts.attempts, 1000),
  });
  // Errors also surface on each call; this keeps an idle disconnect from crashing the process.
  queue.on('error', () => undefined);

  return {
    queue,
    isReady: () => connection.status === 'ready',

    async enqueue(complaintId: string): Promise<void> {
      await queue.add('triage-complaint', { complaintId }, { jobId: triageJobId(complaintId) });
    },

    /** Makes sure an unprocessed complaint has a live job: adds one, retries a failed one, or leaves a pending one. */
    async ensureQueued(complaintId: string): Promise<EnsureQueuedResult> {
      const job = await queue.getJob(triageJobId(complaintId));
      if (!job) {
        await this.enqueue(complaintId);
        return 'added';
      }
      const state = await job.getState();
      if (state === 'failed') {
        await job.retry('failed');
        return 'retried';
      }
      if (state === 'completed' || state === 'unknown') {
        await job.remove().catch(() => undefined);
        await this.enqueue(complaintId);
        return 'added';
      }
      return 'pending';
    },

    close: () => queue.close(),
  };
}

export type TriageProducer = ReturnType<typeof createTriageProducer>;
