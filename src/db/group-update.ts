import type { Model } from 'mongoose';

/**
 * Group commit for updates of one document each, as group-insert is for inserts: updates made in the
 * same turn of the event loop (triage jobs finishing together) go out as one unordered `update`
 * command of many statements, one round trip and one parse in FerretDB instead of one per document.
 * Each caller waits for its own statement and gets its own outcome: when the command fails without
 * saying which statements it refused (FerretDB v1 stops at the first and reports none; MongoDB names
 * each), the batch's statements are sent again one by one. A statement may so be applied twice: its
 * filter must make a second application a no-op (for example by matching the state it leaves).
 */
export interface GroupUpdate {
  /** Applies `update` to the document matching `filter` (at most one), cast by the model's schema. */
  updateOne(filter: Record<string, unknown>, update: Record<string, unknown>): Promise<void>;
}

interface Waiting {
  filter: Record<string, unknown>;
  update: Record<string, unknown>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export function createGroupUpdate<T>(model: Model<T>, opts: { maxBatch?: number } = {}): GroupUpdate {
  const maxBatch = opts.maxBatch ?? 100;
  let queue: Waiting[] = [];
  let active = false;

  const writeBatch = async (batch: Waiting[]) => {
    try {
      await model.bulkWrite(
        batch.map((w) => ({ updateOne: { filter: w.filter, update: w.update } })) as Parameters<Model<T>['bulkWrite']>[0],
        { ordered: false },
      );
      for (const w of batch) w.resolve();
    } catch (err) {
      const list = (err as { writeErrors?: { index?: number; err?: { index?: number } }[] }).writeErrors;
      const failed = new Set((Array.isArray(list) ? list : []).map((we) => we.index ?? we.err?.index).filter((i) => typeof i === 'number'));
      if (failed.size) {
        batch.forEach((w, i) => (failed.has(i) ? w.reject(err) : w.resolve()));
        return;
      }
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // Which statements were applied is unknown: each again on its own, for its own outcome.
      for (const w of batch) {
        await model.updateOne(w.filter as never, w.update as never).then(
          () => w.resolve(),
          (e: unknown) => w.reject(e),
        );
      }
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

  return {
    updateOne(filter, update) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ filter, update, resolve, reject });
        if (active) return;
        active = true;
        // The next turn of the event loop: updates made in this one travel together.
        setImmediate(() => void drain());
      });
    },
  };
}
