import type { DefaultJobOptions } from 'bullmq';

/** Jobs retried with exponential backoff; finished ones kept an hour, failed ones two weeks (for the ops page). */
export function retriedJobs(attempts: number, firstDelayMs: number): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: firstDelayMs },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}
