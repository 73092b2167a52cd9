import { DelayedError, type Job } from 'bullmq';

/**
 * A sending job whose message must wait for an earlier one to the same contact: back to the delayed
 * set without spending an attempt, checked again after a pause that grows with how long it has waited
 * (a quarter of a second at first, five seconds at most).
 */
export async function waitForTurn(job: Job, token: string | undefined): Promise<never> {
  const waited = Date.now() - job.timestamp;
  await job.moveToDelayed(Date.now() + Math.min(5000, Math.max(250, Math.round(waited / 10))), token);
  throw new DelayedError();
}
