import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';
import { QUEUE_NAMES } from '../../queues/jobs';
import { createTriageWorker } from '../../queues/triage-worker';
import { createLogger } from '../../src/infra/logger';
import { uniqueName } from '../support/test-app';

/** The triage worker on real Redis and BullMQ: jobs that trickle in start together when gathering is on. */
describe('triage worker gathering', () => {
  const connection = new IORedis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length) await connection.del(...keys);
    }
    await connection.quit();
  });

  /** Adds five jobs 15 ms apart and records when the worker started each. */
  async function startTimes(gatherMs: number): Promise<number[]> {
    const prefix = uniqueName('watest-gather');
    prefixes.push(prefix);
    const started: number[] = [];
    const worker = createTriageWorker(
      connection,
      prefix,
      16,
      {
        triageComplaint: async () => {
          started.push(performance.now());
        },
        log: createLogger('silent'),
      },
      { gatherMs },
    );
    void worker.run();
    await worker.waitUntilReady();
    const queue = new Queue(QUEUE_NAMES.triage, { connection, prefix });
    try {
      for (let i = 0; i < 5; i++) {
        await queue.add('triage-complaint', { complaintId: (i + 1).toString(16).padStart(24, '0') });
        await delay(15);
      }
      for (let t = 0; started.length < 5 && t < 100; t++) await delay(50);
      return started;
    } finally {
      await worker.close();
      await queue.close();
    }
  }

  // The window is wide enough that five adds fit in it even on a loaded machine (each add is a Redis round trip).
  it('when jobs arrive 15 ms apart and the window is 1.5 s, then they all start within a few ms of each other', async () => {
    const started = await startTimes(1500);
    expect(started).toHaveLength(5);
    expect(Math.max(...started) - Math.min(...started)).toBeLessThan(50);
  });

  it('when gathering is off, then each job starts as it arrives', async () => {
    const started = await startTimes(0);
    expect(started).toHaveLength(5);
    expect(Math.max(...started) - Math.min(...started)).toBeGreaterThan(40);
  });
});
