import type { Document, Model } from 'mongoose';

/**
 * Group commit for inserts. FerretDB's SQLite backend commits (and syncs) once per insert command,
 * whatever the number of documents in it: one `insertMany` of fifty documents costs about what one
 * `insertOne` does. Callers insert one document each and wait for it as before; documents that
 * arrive while a batch is being written go out together in the next one. Nothing waits for a timer:
 * a lone insert is sent at once (on the next turn of the event loop), so a quiet system sees no
 * extra latency, and a busy one writes in batches as large as its concurrency.
 *
 * Each caller gets its own outcome: a duplicate key rejects only that document's promise (with the
 * server's error, code 11000), a failed batch rejects every document in it.
 */
export interface GroupInsert {
  /**
   * Validates the document with its model (defaults, casts, timestamps) and writes it. Resolves,
   * once it is stored, with the document as written (`_id` included).
   */
  insert(doc: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Documents waiting for or inside a batch (for tests and health figures). */
  pending(): number;
}

interface Waiting {
  raw: Record<string, unknown>;
  resolve: (raw: Record<string, unknown>) => void;
  reject: (err: unknown) => void;
}

/** A write error as the driver reports it, turned into an Error that callers can test like any other (`code`). */
function writeErrorToError(we: { code?: number; errmsg?: string; message?: string }): Error & { code?: number } {
  const err = new Error(we.errmsg ?? we.message ?? 'insert failed') as Error & { code?: number };
  err.name = 'MongoServerError';
  if (typeof we.code === 'number') err.code = we.code;
  return err;
}

type Outcome = { ok: true } | { ok: false; err: unknown };

function settle(w: Waiting, o: Outcome) {
  if (o.ok) w.resolve(w.raw);
  else w.reject(o.err);
}

/**
 * What a failed batch means for each of its documents. Only a per-document failure (a duplicate key)
 * where the server accounts for every document lets the others count as stored; anything else (the
 * driver also reports a lost connection as a bulk write error, with no write errors) fails them all,
 * with the underlying error so that "database unavailable" is recognised as such.
 */
function outcomes(n: number, err: unknown): [number, Outcome][] {
  const e = err as { writeErrors?: unknown; result?: { insertedCount?: number }; errorResponse?: unknown };
  const list = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
  const failed = new Map<number, Error>();
  for (const we of list as { index?: number; code?: number; errmsg?: string; err?: { index?: number; code?: number; errmsg?: string } }[]) {
    const inner = we.err ?? we;
    const index = we.index ?? inner.index;
    if (typeof index === 'number') failed.set(index, writeErrorToError(inner));
  }
  const inserted = e.result?.insertedCount;
  const accounted = failed.size > 0 && typeof inserted === 'number' && inserted + failed.size === n;
  const cause = e.errorResponse instanceof Error ? e.errorResponse : err;
  return Array.from({ length: n }, (_, i): [number, Outcome] => {
    if (!accounted) return [i, { ok: false, err: cause }];
    const f = failed.get(i);
    return [i, f ? { ok: false, err: f } : { ok: true }];
  });
}

/**
 * A batch the store did not answer in time. Its callers fail as when the store is down (and retry);
 * the batches behind it go on, so that one write the driver never settles cannot stall every insert.
 */
export class StoreWriteTimeout extends Error {
  override name = 'StoreWriteTimeout';
}

export function createGroupInsert<T>(model: Model<T>, opts: { maxBatch?: number; timeoutMs?: number } = {}): GroupInsert {
  // FerretDB v1 inserts in chunks of 100 inside one transaction; larger batches gain nothing.
  const maxBatch = opts.maxBatch ?? 100;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  let queue: Waiting[] = [];
  let writing = 0;
  let active = false;

  const writeBatch = async (batch: Waiting[]) => {
    writing += batch.length;
    let timer: NodeJS.Timeout | undefined;
    const write = model.collection.insertMany(
      batch.map((w) => w.raw),
      { ordered: false },
    );
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreWriteTimeout(`the store did not answer an insert in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([write, late]);
      for (const w of batch) w.resolve(w.raw);
    } catch (err) {
      // A write given up on may still land: callers retry, and a retry finds it as a duplicate key.
      write.catch(() => undefined);
      for (const [w, outcome] of outcomes(batch.length, err)) settle(batch[w]!, outcome);
    } finally {
      clearTimeout(timer);
      writing -= batch.length;
    }
  };

  const drain = async () => {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      await writeBatch(batch);
    }
    active = false;
  };

  const kick = () => {
    if (active) return;
    active = true;
    // The next turn of the event loop: calls made in this one travel together.
    setImmediate(() => void drain());
  };

  return {
    async insert(input) {
      const doc = new model(input) as unknown as Document & { initializeTimestamps?: () => unknown };
      await doc.validate();
      doc.initializeTimestamps?.();
      const raw = doc.toBSON() as Record<string, unknown>;
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        queue.push({ raw, resolve, reject });
        kick();
      });
    },
    pending: () => queue.length + writing,
  };
}
