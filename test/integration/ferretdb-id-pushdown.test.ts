import mongoose, { Types, type Connection } from 'mongoose';
import { uniqueName } from '../support/test-app';

/**
 * The installer's patch hands any `_id` condition to SQLite (tools/ferretdb/go/id_pushdown.go). It only
 * narrows the rows read; these cases check that the answers stay exactly MongoDB's (real FerretDB).
 */
describe('FerretDB _id pushdown: same answers, fewer rows read', () => {
  let conn: Connection;
  const ids = Array.from({ length: 6 }, () => new Types.ObjectId());
  const docs = () => conn.db!.collection<{ _id: Types.ObjectId | string | number; state: string; n: number }>('msgs');

  beforeAll(async () => {
    conn = await mongoose.createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_pushdown')}`).asPromise();
    await docs().insertMany([
      ...ids.map((_id, n) => ({ _id, state: n % 2 ? 'queued' : 'delivered', n })),
      { _id: 'plain-string-id', state: 'queued', n: 10 },
      { _id: 42, state: 'queued', n: 11 },
    ]);
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when the filter has _id and another condition, then both apply', async () => {
    expect(await docs().findOne({ _id: ids[1]!, state: 'queued' })).toMatchObject({ n: 1 });
    expect(await docs().findOne({ _id: ids[1]!, state: 'delivered' })).toBeNull();
    expect(await docs().findOne({ state: 'queued', _id: 'plain-string-id' })).toMatchObject({ n: 10 });
  });

  it('when a guarded update names _id, then it changes the document only while the guard holds', async () => {
    const first = await docs().updateOne({ _id: ids[3]!, state: 'queued' }, { $set: { state: 'delivered' } });
    const second = await docs().updateOne({ _id: ids[3]!, state: 'queued' }, { $set: { state: 'failed' } });
    expect([first.modifiedCount, second.modifiedCount]).toEqual([1, 0]);
    expect(await docs().findOne({ _id: ids[3]! })).toMatchObject({ state: 'delivered' });
  });

  it('when the filter is _id $in, then exactly the listed documents come back, with any other condition applied', async () => {
    const got = await docs()
      .find({ _id: { $in: [ids[0]!, ids[2]!, ids[5]!, new Types.ObjectId(), 'plain-string-id'] } })
      .toArray();
    expect(got.map((d) => d.n).sort((a, b) => a - b)).toEqual([0, 2, 5, 10]);
    const queued = await docs()
      .find({ _id: { $in: [ids[0]!, ids[5]!] }, state: 'queued' })
      .toArray();
    expect(queued.map((d) => d.n)).toEqual([5]);
  });

  it('when the _id condition is not a plain value or list of ids, then the whole collection is still searched correctly', async () => {
    expect(
      (
        await docs()
          .find({ _id: { $in: [42, ids[4]!] } })
          .toArray()
      )
        .map((d) => d.n)
        .sort((a, b) => a - b),
    ).toEqual([4, 11]);
    expect(await docs().countDocuments({ _id: { $gt: ids[0]!, $lte: ids[5]! } })).toBe(5);
    const many = [...Array.from({ length: 600 }, () => new Types.ObjectId()), ids[1]!];
    expect(
      (
        await docs()
          .find({ _id: { $in: many } })
          .toArray()
      ).map((d) => d.n),
    ).toEqual([1]);
  });
});
