import { Queue, Worker } from 'bullmq';
import express from 'express';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import { verifyHotlineSignature } from '../src/http/hotline-signature';

/**
 * One process of the bench's bare chain (see bare-chain.ts): the steps the ceilings measure, each
 * once per complaint and nothing else. `api`: an express endpoint that checks the hotline signature,
 * parses the body, inserts one document and enqueues one job. `worker`: a BullMQ worker that inserts
 * one document per job. Inserts that arrive together go out as one `insertMany`, as the app's own do.
 * No validation beyond the signature, no triage, no de-duplication, no case work: the most a
 * pipeline built of these parts could carry on this machine. Prints `ready [url]` when it can take work.
 *
 * Environment: MONGODB_URI, REDIS_URL, QUEUE_PREFIX, HOTLINE_SECRET (api).
 */
const QUEUE = 'bare-chain';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/**
 * `insert(doc)` resolves once the document is stored. As in the app's group insert (src/db/group-insert.ts),
 * one `insertMany` is in flight at a time and the documents that arrive meanwhile go out together in the next;
 * unlike it, the documents are plain objects written as they are, with no mongoose model to build and
 * validate them (that is part of the work the bare chain leaves out).
 */
function groupedInserts(collection: mongoose.mongo.Collection) {
  let queue: { doc: Record<string, unknown>; done: (err?: Error) => void }[] = [];
  let active = false;
  const drain = async () => {
    while (queue.length) {
      const batch = queue.slice(0, 100);
      queue = queue.slice(batch.length);
      const err = await collection
        .insertMany(
          batch.map((w) => w.doc),
          { ordered: false },
        )
        .then(
          () => undefined,
          (e: unknown) => (e instanceof Error ? e : new Error('insert failed')),
        );
      for (const w of batch) w.done(err);
    }
    active = false;
  };
  return (doc: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ doc, done: (err) => (err ? reject(err) : resolve()) });
      if (!active) {
        active = true;
        setImmediate(() => void drain());
      }
    });
}

async function main(role: string): Promise<void> {
  const db = await mongoose.createConnection(env('MONGODB_URI'), { maxPoolSize: 20 }).asPromise();
  const connection = new IORedis(env('REDIS_URL'), { maxRetriesPerRequest: null });
  const prefix = env('QUEUE_PREFIX');
  const stops: (() => Promise<unknown>)[] = [];

  if (role === 'api') {
    const secret = env('HOTLINE_SECRET');
    const insert = groupedInserts(db.db!.collection('complaints'));
    const queue = new Queue(QUEUE, { connection, prefix });
    const app = express();
    app.disable('x-powered-by');
    app.post('/api/hotline/transcripts', express.raw({ type: 'application/json', limit: '256kb' }), (req, res, next) => {
      (async () => {
        verifyHotlineSignature({
          secret,
          timestamp: req.get('x-timestamp'),
          signature: req.get('x-signature'),
          rawBody: req.body as Buffer,
          maxSkewSeconds: 300,
        });
        const call = JSON.parse((req.body as Buffer).toString('utf8')) as { callId: string; transcript: { text: string }[] };
        const _id = new mongoose.Types.ObjectId();
        await insert({ _id, dedupKey: call.callId, text: call.transcript.map((t) => t.text).join('\n'), receivedAt: new Date() });
        await queue.add('complaint', { complaintId: _id.toHexString() }, { jobId: _id.toHexString(), removeOnComplete: true });
        res.status(202).json({ complaintId: _id.toHexString() });
      })().catch(next);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    server.keepAliveTimeout = 30_000;
    stops.push(
      () => new Promise((resolve) => server.close(resolve)),
      () => queue.close(),
    );
    const addr = server.address();
    console.log(`ready http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
  } else if (role === 'worker') {
    const insert = groupedInserts(db.db!.collection('leads'));
    const worker = new Worker(
      QUEUE,
      async (job) => {
        const { complaintId } = job.data as { complaintId: string };
        await insert({ _id: new mongoose.Types.ObjectId(complaintId), createdAt: new Date() });
      },
      { connection, prefix, concurrency: Number(process.env.TRIAGE_CONCURRENCY ?? 64) },
    );
    await worker.waitUntilReady();
    stops.push(() => worker.close());
    console.log('ready');
  } else {
    throw new Error(`unknown role ${role}: api or worker`);
  }

  process.once('SIGTERM', () => {
    void Promise.allSettled(stops.map((s) => s()))
      .then(() => Promise.allSettled([db.close(), connection.quit()]))
      .finally(() => process.exit(0));
  });
}

main(process.argv[2] ?? '').catch((err: unknown) => {
  console.error(`bare-role: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
