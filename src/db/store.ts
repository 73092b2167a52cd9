import { connectDb, pingDb, type Db } from './connection';
import { serverKind, type ServerKind } from './index-plan';
import { createRepositories, ensureIndexes, type Repositories, type RepositoryOptions } from './repositories';
import type { CaseLock } from './repositories/lead-repository';

export type { Db };

export interface Store {
  db: Db;
  kind: ServerKind;
  repos: Repositories;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Connects, creates the indexes, and hands out the repositories as the connected server needs them:
 * on FerretDB v1 every write of a case holds `caseLock` (its findAndModify is not atomic against a
 * concurrent writer); on MongoDB each write's own precondition is enough and no lock is taken.
 */
export async function openStore(
  uri: string,
  serverSelectionTimeoutMS: number,
  opts: { caseLock: CaseLock; onStoreError?: RepositoryOptions['onStoreError'] },
): Promise<Store> {
  const db = await connectDb(uri, serverSelectionTimeoutMS);
  await ensureIndexes(db);
  const kind = await serverKind(db);
  return {
    db,
    kind,
    repos: createRepositories(db, { ...(kind === 'ferretdb' ? { caseLock: opts.caseLock } : {}), onStoreError: opts.onStoreError }),
    ping: () => pingDb(db),
    close: () => db.close(),
  };
}
