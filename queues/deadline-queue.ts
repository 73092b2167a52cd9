import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../src/redis/connection';
import type { Lead } from '../src/domain/lead';
import type { Logger } from '../src/infra/logger';
import { deadlineJobId, QUEUE_NAMES, type JobPayloads } from './jobs';

type Check = JobPayloads['check-deadline'];

const STEPS = ['accept', 'contact', 'close'] as const;
const PHASES = ['remind', 'escalate', 'second_escalation'] as const;

/** When each check of a step falls due, from its deadline; null: that check is not made. */
export interface CheckTimes {
  remindHours: number;
  /** The second escalation, to the heads, after the deadline (see secondEscalationAt); null: none. */
  secondEscalationAt: (due: Date) => Date | null;
}

/** A case's checks in the order they fall due (ties: accept, contact, close; remind, escalate, second escalation). */
function checksInOrder(lead: Lead, times: CheckTimes): { data: Check; at: number }[] {
  const d = lead.deadlines;
  if (!d) return [];
  const due: Record<Check['step'], Date> = { accept: d.acceptBy, contact: d.contactBy, close: d.closeBy };
  const at = (step: Check['step'], phase: Check['phase']): number | null => {
    const t = new Date(due[step]);
    if (phase === 'remind') return t.getTime() - times.remindHours * 3_600_000;
    if (phase === 'escalate') return t.getTime();
    return times.secondEscalationAt(t)?.getTime() ?? null;
  };
  return STEPS.flatMap((step, s) =>
    PHASES.map((phase, p) => ({ data: { leadId: lead.id, step, phase }, at: at(step, phase), rank: s * PHASES.length + p })),
  )
    .filter((c): c is { data: Check; at: number; rank: number } => c.at !== null)
    .sort((a, b) => a.at - b.at || a.rank - b.rank)
    .map(({ data, at }) => ({ data, at }));
}

export function createDeadlineProducer(
  connection: RedisClient,
  prefix: string,
  remindHours: number,
  secondEscalationAt?: CheckTimes['secondEscalationAt'],
) {
  const times: CheckTimes = { remindHours, secondEscalationAt: secondEscalationAt ?? (() => null) };
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
  // Due exactly at `at`: BullMQ counts the delay from the job's timestamp, which it would otherwise
  // take a moment later than the delay was computed (an escalation 1 ms after its deadline).
  const add = (c: { data: Check; at: number }) => {
    const now = Date.now();
    return queue.add('check-deadline', c.data, { jobId: deadlineJobId(c.data), delay: Math.max(0, c.at - now), timestamp: now });
  };
  return {
    queue,
    /**
     * A case's reminders (`remindHours` before each deadline), escalations (at it) and second
     * escalations (working days later) run as a chain: one delayed job waits at a time, and each, once
     * run, queues the next (see scheduleAfter). Queued all at once, every case kept its checks as
     * delayed jobs in Redis for weeks, and every new case cost one job insert per check.
     */
    async schedule(lead: Lead): Promise<void> {
      const first = checksInOrder(lead, times)[0];
      if (first) await add(first);
    },
    /** Queues the check that falls due after `done`, from the case's deadlines as they are now. */
    async scheduleAfter(lead: Lead, done: Check): Promise<void> {
      const list = checksInOrder(lead, times);
      const i = list.findIndex((c) => c.data.step === done.step && c.data.phase === done.phase);
      const next = list[i + 1];
      if (i >= 0 && next) await add(next);
    },
    close: () => queue.close(),
  };
}

export type DeadlineProducer = ReturnType<typeof createDeadlineProducer>;

export interface DeadlineWorkerDeps {
  checkDeadline(c: Check): Promise<unknown>;
  /** Queues the case's next check (the chain, see schedule); retried with the job if Redis fails. */
  scheduleNext(c: Check): Promise<void>;
  log: Logger;
}

export function createDeadlineWorker(connection: RedisClient, prefix: string, deps: DeadlineWorkerDeps) {
  const worker = new Worker<Check>(
    QUEUE_NAMES.deadlines,
    async (job: Job<Check>) => {
      const d = job.data;
      if (!d || !/^[0-9a-f]{24}$/i.test(d.leadId)) throw new UnrecoverableError('check-deadline job without a valid leadId');
      await deps.checkDeadline(d);
      await deps.scheduleNext(d);
    },
    { connection, prefix, concurrency: 4, autorun: false },
  );
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'deadline worker error'));
  return worker;
}
