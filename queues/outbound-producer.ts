import { Queue } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import { retriedJobs } from './job-options';
import { deliverJobId, QUEUE_NAMES, type JobPayloads } from './jobs';

export function createOutboundProducer(connection: RedisClient, prefix: string) {
  const queue = new Queue<JobPayloads['deliver-message'], void, 'deliver-message'>(QUEUE_NAMES.outbound, {
    connection,
    prefix,
    defaultJobOptions: retriedJobs(10, 2000),
  });
  queue.on('error', () => undefined);
  return {
    queue,
    enqueue: async (messageId: string) => {
      await queue.add('deliver-message', { messageId }, { jobId: deliverJobId(messageId) });
    },
    close: () => queue.close(),
  };
}

export type OutboundProducer = ReturnType<typeof createOutboundProducer>;
