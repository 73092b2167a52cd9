import mongoose, { Schema, type Connection } from 'mongoose';
import { createGroupUpdate } from '../../src/db/group-update';
import { uniqueName } from '../support/test-app';

interface Thing {
  key: string;
  n: number;
  log: string[];
}
const schema = new Schema<Thing>({ key: { type: String, required: true }, n: Number, log: [String] }, { collection: 'things' });
schema.index({ key: 1 }, { unique: true });

describe('group update: many callers, one update command, each caller its own outcome (real FerretDB)', () => {
  let conn: Connection;
  const updates: number[] = [];

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_gupd')}`, { monitorCommands: true, bufferCommands: false })
      .asPromise();
    conn.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'update') updates.push((e.command.updates as unknown[]).length);
    });
    await conn.model<Thing>('Thing', schema).createIndexes();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when 40 callers update their own documents in the same turn, then one command applies every change, cast by the schema', async () => {
    const Thing = conn.model<Thing>('Thing');
    const docs = await Thing.insertMany(Array.from({ length: 40 }, (_, i) => ({ key: `a-${i}`, n: 0, log: [] })));
    const group = createGroupUpdate(Thing);
    updates.length = 0;
    await Promise.all(docs.map((d, i) => group.updateOne({ _id: d._id }, { $set: { n: String(i) }, $push: { log: `done ${i}` } })));
    expect(updates).toEqual([40]);
    const after = await Thing.find({ key: /^a-/ }).sort({ n: 1 }).lean();
    expect(after.map((d) => d.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(after.every((d) => d.log.length === 1 && d.log[0] === `done ${d.n}`)).toBe(true);
  });

  it('when the server refuses one statement of a batch without naming it, then each statement runs again alone: only its caller fails', async () => {
    const Thing = conn.model<Thing>('Thing');
    const [a, b, c] = await Thing.insertMany([
      { key: 'b-1', n: 0 },
      { key: 'b-2', n: 0 },
      { key: 'b-3', n: 0 },
    ]);
    const group = createGroupUpdate(Thing);
    const results = await Promise.allSettled([
      group.updateOne({ _id: a!._id }, { $set: { n: 1 } }),
      group.updateOne({ _id: b!._id }, { $set: { key: 'b-1' } }), // the unique key of another document
      group.updateOne({ _id: c!._id }, { $set: { n: 3 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // FerretDB v1 reports a unique index refusing an update as an internal error, MongoDB as 11000.
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE|duplicate key/i);
    const after = await Thing.find({ key: /^b-/ }).sort({ key: 1 }).lean();
    expect(after.map((d) => [d.key, d.n])).toEqual([
      ['b-1', 1],
      ['b-2', 0],
      ['b-3', 3],
    ]);
  });
});
