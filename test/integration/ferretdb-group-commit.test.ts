import mongoose, { type Connection } from 'mongoose';
import { uniqueName } from '../support/test-app';

/**
 * The installer's group-commit patch (tools/ferretdb/go/group_commit.go) writes concurrent transactions
 * of one database together. These cases fire many writes at once over many connections, so that
 * groups form, and check that every writer still gets exactly its own outcome (real FerretDB).
 */
describe('FerretDB group commit: concurrent writers keep their own outcomes', () => {
  let conn: Connection;
  type Doc = { _id: string; key?: string; n: number; state?: string };
  const docs = () => conn.db!.collection<Doc>('group_commit');

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_groupcommit')}`, { maxPoolSize: 32 })
      .asPromise();
    await docs().createIndex({ key: 1 }, { unique: true, sparse: true });
    await docs().insertMany(Array.from({ length: 120 }, (_, n) => ({ _id: `old-${n}`, n, state: 'received' })));
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when inserts and updates arrive together and some inserts clash, then only those fail and everything else is written once', async () => {
    const inserts = Array.from({ length: 150 }, (_, n) => {
      // Every tenth insert clashes: on _id with a stored document, or on the unique key with another new one.
      if (n % 10 === 3) return { _id: `old-${n % 120}`, n };
      if (n % 10 === 7) return { _id: `new-${n}`, key: 'shared-key', n };
      return { _id: `new-${n}`, n };
    });
    const outcomes = await Promise.all([
      ...inserts.map((d) =>
        docs()
          .insertOne(d)
          .then(
            () => 'ok',
            (err: { code?: number }) => `error ${err.code}`,
          ),
      ),
      ...Array.from({ length: 120 }, (_, n) =>
        docs()
          .updateOne({ _id: `old-${n}`, state: 'received' }, { $set: { state: 'triaged' }, $inc: { n: 1000 } })
          .then((r) => `modified ${r.modifiedCount}`),
      ),
    ]);
    const insertOutcomes = outcomes.slice(0, 150);
    const updateOutcomes = outcomes.slice(150);

    // _id clashes: 15 fail. Key clashes: one of the 15 wins the key, 14 fail.
    expect(insertOutcomes.filter((o) => o === 'error 11000')).toHaveLength(15 + 14);
    expect(insertOutcomes.filter((o) => o === 'ok')).toHaveLength(150 - 29);
    expect(updateOutcomes.every((o) => o === 'modified 1')).toBe(true);

    expect(await docs().countDocuments({ _id: { $regex: /^new-/ } })).toBe(150 - 29);
    expect(await docs().countDocuments({ key: 'shared-key' })).toBe(1);
    // Each update applied exactly once, even when its group was rolled back and run again.
    const old = await docs()
      .find({ _id: { $regex: /^old-/ } })
      .toArray();
    expect(old).toHaveLength(120);
    expect(old.every((d) => d.state === 'triaged' && d.n === Number(d._id.slice(4)) + 1000)).toBe(true);
  });

  it('when hundreds of documents are changed at once, then each change is stored and readable right after its answer', async () => {
    const ids = Array.from({ length: 300 }, (_, n) => `burst-${n}`);
    await Promise.all(
      ids.map(async (_id, n) => {
        await docs().insertOne({ _id, n });
        // Read-your-write on another pooled connection: the answer came after the commit.
        expect(await docs().findOne({ _id })).toMatchObject({ n });
        await docs().updateOne({ _id }, { $set: { state: 'done' } });
        expect(await docs().findOne({ _id })).toMatchObject({ n, state: 'done' });
      }),
    );
    expect(await docs().countDocuments({ _id: { $regex: /^burst-/ }, state: 'done' })).toBe(300);
  });
});
