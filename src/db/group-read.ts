import DataLoader from 'dataloader';
import { Types, type Model, type QueryFilter } from 'mongoose';

/**
 * Reads by `_id` that arrive together go out as one `find({_id: {$in: [...]}})`. FerretDB answers
 * each command on its own (its own SQLite statement, its own round trip): 32 triage jobs each reading
 * their complaint cost 32 commands, one `$in` of 32 ids about as much as four. (`$in` on `_id` uses the
 * `_id` index only with the installer's pushdown patch, see tools/ferretdb/README.md.)
 *
 * Nothing is cached: every call reads the store as it is now, like `findById`. Reads issued in the same
 * turn of the event loop are batched (DataLoader, scheduled with setImmediate), so a lone read waits no
 * longer than one turn.
 */
export interface GroupRead<T> {
  /** The lean document with this id, or null (an id that is not an ObjectId is simply not found). */
  get(id: string): Promise<T | null>;
}

export function createGroupRead<T extends { _id: Types.ObjectId }>(model: Model<T>, maxBatch = 100): GroupRead<T> {
  const loader = new DataLoader<string, T | null>(
    async (ids) => {
      const filter: QueryFilter<T> = { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } };
      const docs = await model.find(filter).lean<T[]>();
      const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    },
    { cache: false, maxBatchSize: maxBatch, batchScheduleFn: (run) => setImmediate(run) },
  );
  return {
    get: (id) => (/^[0-9a-f]{24}$/i.test(id) ? loader.load(id) : Promise.resolve(null)),
  };
}
