import type { Connection, IndexDefinition, IndexOptions, Model, mongo } from 'mongoose';

/**
 * Which of a model's declared indexes a server gets.
 *
 * MongoDB gets all of them: the queue, dashboard and de-duplication queries use them.
 *
 * FerretDB v1's SQLite backend answers every query but one by `_id` by reading the whole collection
 * (it hands only `_id` to SQLite), so an ordinary secondary index there is never read; it is only
 * written, on every insert and every update of the document (each one is an expression index over
 * the stored JSON), which slows every write. So on FerretDB only unique indexes are created (they
 * enforce idempotent intake and case numbers), and declared ordinary ones found there are dropped.
 * Indexes the application did not declare are never touched.
 */
export type ServerKind = 'mongodb' | 'ferretdb';

export interface IndexPlan {
  create: [IndexDefinition, IndexOptions][];
  /** Declared ordinary indexes this server should not keep, by key pattern. */
  drop: IndexDefinition[];
}

const isUnique = (options: IndexOptions) => options.unique === true || (Array.isArray(options.unique) && options.unique[0] === true);

export function planIndexes(declared: [IndexDefinition, IndexOptions][], server: ServerKind): IndexPlan {
  if (server === 'mongodb') return { create: declared, drop: [] };
  return {
    create: declared.filter(([, options]) => isUnique(options)),
    drop: declared.filter(([, options]) => !isUnique(options)).map(([fields]) => fields),
  };
}

/** FerretDB says so in `buildInfo` (`ferretdbVersion`); MongoDB does not have the field. */
export async function serverKind(db: Connection): Promise<ServerKind> {
  const info = await db.db!.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string' ? 'ferretdb' : 'mongodb';
}

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => kb[i] === k && Number(a[k]) === Number(b[k]));
};

/** Creates the model's indexes this server should have, and drops the declared ones it should not. */
export async function applyIndexPlan(model: Model<unknown>, server: ServerKind): Promise<void> {
  const plan = planIndexes(model.schema.indexes(), server);
  // The collection first: listing the indexes of one that does not exist yet fails.
  await model.createCollection().catch((err: { code?: number }) => {
    if (err.code !== 48) throw err; // NamespaceExists
  });
  for (const [fields, options] of plan.create)
    await model.collection.createIndex(fields as Record<string, 1 | -1>, options as mongo.CreateIndexesOptions);
  if (plan.drop.length === 0) return;
  const existing = await model.collection.indexes();
  for (const fields of plan.drop) {
    const found = existing.find((ix) => !ix.unique && ix.name !== '_id_' && sameKeys(ix.key, fields as Record<string, unknown>));
    if (found?.name) await model.collection.dropIndex(found.name);
  }
}
