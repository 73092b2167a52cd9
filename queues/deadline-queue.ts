import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Lead } from '../src/domain/lead';
import type { Logger } from '../src/infra/logger';
import { deadlineJobId, QUEUE_NAMES, type JobPayloads } from './jobs';

type Check = JobPayloads['check-deadline'];

export function createDeadlineProducer(connection: Redis, prefix: string, remindHours: number) {
  const queue = new Queue<Check, void, 'check-deadline'>(QUEUE_NAMES.deadlines, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 14 * 86_400 },
    },
  });
  queue.on('error', () => undefined);
  return {
    queue,
    /** Delayed jobs: a reminder `remindHours` before each deadline and an escalation at it. */
    async schedule(lead: Lead): Promise<void> {
      if (!lead.deadlines) return;
      const now = Date.now();
      const at: Record<Check['step'], Date> = {
        accept: lead.deadlines.acceptBy,
        contact: lead.deadlines.contactBy,
        close: lead.deadlines.closeBy,
      };
      const jobs = (Object.keys(at) as Check['step'][]).flatMap((step) =>
        (['remind', 'escalate'] as const).map((phase) => {
          const data: Check = { leadId: lead.id, step, phase };
          const when = at[step].getTime() - (phase === 'remind' ? remindHours * 3_600_000 : 0);
          return { name: 'check-deadline' as const, data, opts: { jobId: deadlineJobId(data), delay: Math.max(0, when - now) } };
        }),
      );
      await queue.addBulk(jobs);
    },
    close: () => queue.close(),
  };
}

export type DeadlineProducer = ReturnType<typeof createDeadlineProducer>;

export function createDeadlineWorker(connection: Redis, prefix: string, deps: { checkDeadline(c: Check): Promise<unknown>; log: Logger }) {
  const worker = new Worker<Check>(
    QUEUE_NAMES.deadlines,
    async (job: Job<Check>) => {
      const d = job.data;
      if (!d || !/^[0-9a-f]{24}$/i.test(d.leadId)) throw new UnrecoverableError('check-deadline job without a valid leadId');
      await deps.checkDeadline(d);
    },
    { connection, prefix, concurrency: 4, autorun: false },
  );
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'deadline worker error'));
  return worker;
}
