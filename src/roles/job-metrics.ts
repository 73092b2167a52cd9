import type { Job } from 'bullmq';
import type { Metrics } from '../infra/metrics';

/** The job fields the latency is read from. */
type FinishedJob = Pick<Job, 'timestamp' | 'finishedOn' | 'opts'>;

/** A BullMQ worker, whatever its jobs carry. */
interface JobEvents {
  name: string;
  on(event: 'completed', listener: (job: FinishedJob) => void): unknown;
  on(event: 'failed', listener: (job: FinishedJob | undefined) => void): unknown;
}

/**
 * Each job of the worker that completes or fails for good: seconds from when it was due (created, plus
 * the delay it was scheduled with) to its end, retries and backoff included. A failed attempt that
 * will be retried has no `finishedOn` yet and is not counted here.
 */
export function observeJobs(worker: JobEvents, metrics: Metrics): void {
  const latency = (job: FinishedJob) => ((job.finishedOn ?? Date.now()) - job.timestamp - (job.opts.delay ?? 0)) / 1000;
  worker.on('completed', (job: FinishedJob) => metrics.jobFinished(worker.name, 'completed', latency(job)));
  worker.on('failed', (job: FinishedJob | undefined) => {
    if (job?.finishedOn) metrics.jobFinished(worker.name, 'failed', latency(job));
  });
}
