import type { Queue } from 'bullmq';

export interface QueueHealth {
  name: string;
  counts: Record<string, number>;
}

/** Jobs per state in each queue, for the admins' queue-health table. */
export function queueHealth(queues: readonly { queue: Queue }[]): Promise<QueueHealth[]> {
  return Promise.all(
    queues.map(async ({ queue }) => ({
      name: queue.name,
      counts: await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'),
    })),
  );
}
