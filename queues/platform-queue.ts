import { Queue, QueueEvents, UnrecoverableError, Worker, type Job } from 'bullmq';
import { duplicateConnection, type RedisClient } from '../src/redis/connection';
import { retriedJobs } from './job-options';
import { waitForTurn } from './wait-turn';
import type { Logger } from '../src/infra/logger';
import { QUEUE_NAMES, type JobPayloads, type PlatformJobName } from './jobs';

type PlatformPayload = JobPayloads[PlatformJobName];

export const handleJobId = (inboundId: string) => `handle-${inboundId}`;
const repliesJobId = (inboundId: string) => `replies-${inboundId}`;
const deliverJobId = (messageId: string) => `deliver-${messageId}`;
const staffNoticeJobId = (notificationId: string) => `staff-notice-${notificationId}`;

/** The Official Account / WeCom queue: inbound messages to handle and messages to send through the platform API. */
export function createPlatformProducer(connection: RedisClient, prefix: string) {
  const queue = new Queue<PlatformPayload, unknown, PlatformJobName>(QUEUE_NAMES.platform, {
    connection,
    prefix,
    defaultJobOptions: retriedJobs(8, 1000),
  });
  queue.on('error', () => undefined);
  let events: QueueEvents | null = null;
  let eventsConnection: RedisClient | null = null;
  return {
    queue,
    isReady: () => connection.status === 'ready',
    handle: async (inboundId: string) => {
      await queue.add('handle-platform-message', { inboundId }, { jobId: handleJobId(inboundId) });
    },
    /** For the sweeper: a message without a live job gets one again (a failed job is retried). */
    async ensureHandled(inboundId: string): Promise<void> {
      const job = await queue.getJob(handleJobId(inboundId));
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed') return void (await job!.retry('failed'));
      if (state === 'completed' || state === 'unknown') await job!.remove().catch(() => undefined);
      if (state === 'missing' || state === 'completed' || state === 'unknown') {
        await queue.add('handle-platform-message', { inboundId }, { jobId: handleJobId(inboundId) });
      }
    },
    sendRepliesLater: async (inboundId: string, delayMs: number) => {
      await queue.add('send-platform-replies', { inboundId }, { jobId: repliesJobId(inboundId), delay: Math.max(0, delayMs) });
    },
    enqueue: async (messageId: string) => {
      await queue.add('deliver-platform-message', { messageId }, { jobId: deliverJobId(messageId) });
    },
    sendStaffNotice: async (notificationId: string) => {
      await queue.add('send-staff-notice', { notificationId }, { jobId: staffNoticeJobId(notificationId) });
    },
    /** Resolves true when the message's handling job completed within `ms` (listens on the queue's event stream). */
    async waitHandled(inboundId: string, ms: number): Promise<boolean> {
      if (!events) {
        eventsConnection = duplicateConnection(connection, { maxRetriesPerRequest: null, enableOfflineQueue: true });
        eventsConnection.on('error', () => undefined);
        events = new QueueEvents(QUEUE_NAMES.platform, { connection: eventsConnection, prefix });
        events.on('error', () => undefined);
      }
      const job = await queue.getJob(handleJobId(inboundId));
      if (!job) return false;
      await events.waitUntilReady();
      return job.waitUntilFinished(events, ms).then(
        () => true,
        () => false,
      );
    },
    async close() {
      await events?.close().catch(() => undefined);
      eventsConnection?.disconnect();
      await queue.close();
    },
  };
}

export type PlatformProducer = ReturnType<typeof createPlatformProducer>;

export interface PlatformWorkerDeps {
  handle(inboundId: string): Promise<unknown>;
  /** The two sending jobs answer 'wait' while an earlier message to the same contact is pending. */
  sendReplies(inboundId: string, opts: { finalAttempt: boolean }): Promise<number | 'wait'>;
  deliver(messageId: string, opts: { finalAttempt: boolean }): Promise<'done' | 'wait'>;
  sendStaffNotice(notificationId: string, opts: { finalAttempt: boolean }): Promise<unknown>;
  log: Logger;
}

const ID = /^[0-9a-f]{24}$/i;

export function createPlatformWorker(connection: RedisClient, prefix: string, deps: PlatformWorkerDeps) {
  const worker = new Worker<PlatformPayload, unknown, PlatformJobName>(
    QUEUE_NAMES.platform,
    async (job: Job<PlatformPayload, unknown, PlatformJobName>, token?: string) => {
      const d = job.data;
      const id = 'inboundId' in d ? d.inboundId : 'messageId' in d ? d.messageId : 'notificationId' in d ? d.notificationId : undefined;
      if (typeof id !== 'string' || !ID.test(id)) throw new UnrecoverableError(`${job.name} job without a valid id`);
      if (job.name === 'handle-platform-message') return deps.handle(id);
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (job.name === 'send-platform-replies' || job.name === 'deliver-platform-message') {
        const sent =
          job.name === 'send-platform-replies' ? await deps.sendReplies(id, { finalAttempt }) : await deps.deliver(id, { finalAttempt });
        return sent === 'wait' ? waitForTurn(job, token) : sent;
      }
      if (job.name === 'send-staff-notice')
        return deps.sendStaffNotice(id, { finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
      throw new UnrecoverableError(`unknown job ${String(job.name)}`);
    },
    { connection, prefix, concurrency: 8, autorun: false },
  );
  worker.on('failed', (job, err) => deps.log.warn({ jobId: job?.id, err: err.message }, 'platform job failed'));
  worker.on('error', (err) => deps.log.error({ err: err.message }, 'platform worker error'));
  return worker;
}
