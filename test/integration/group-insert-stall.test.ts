import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema, type Connection } from 'mongoose';
import { createGroupInsert } from '../../src/db/group-insert';
import { isDbUnavailableError } from '../../src/db/store-errors';
import { startFerretDb } from '../../tools/local-services/local-services';
import { freePort } from '../support/free-port';

/** A FerretDB of its own, frozen with SIGSTOP: the driver's insert then waits on a socket nobody reads. */
describe('group insert when the store stops answering (real FerretDB, frozen)', () => {
  let dir: string;
  let ferret: ChildProcess;
  let conn: Connection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wa-stall-'));
    const port = await freePort();
    ferret = await startFerretDb({ host: '127.0.0.1', port }, dir);
    conn = await mongoose.createConnection(`mongodb://127.0.0.1:${port}/wa_stall`, { bufferCommands: false }).asPromise();
  }, 120_000);
  afterAll(async () => {
    ferret.kill('SIGCONT');
    await conn.close(true);
    ferret.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('when a batch is not answered in time, then its callers fail as "store unavailable" and the inserts after it go through', async () => {
    const Thing = conn.model<{ key: string }>(
      'Thing',
      new Schema<{ key: string }>({ key: { type: String, required: true } }, { collection: 'things' }),
    );
    const group = createGroupInsert(Thing, { timeoutMs: 800 });
    await group.insert({ key: 'before' });
    ferret.kill('SIGSTOP');
    const stalled = await Promise.allSettled([group.insert({ key: 'a' }), group.insert({ key: 'b' })]);
    expect(stalled.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(isDbUnavailableError((stalled[0] as PromiseRejectedResult).reason)).toBe(true);
    ferret.kill('SIGCONT');
    const after = await group.insert({ key: 'after' });
    expect(after.key).toBe('after');
    expect(group.pending()).toBe(0);
    // The writes given up on may land once the store answers again: a retry would find them as duplicates.
    expect((await Thing.find({}).lean()).map((d) => d.key).sort()).toEqual(expect.arrayContaining(['after', 'before']));
  });
});
