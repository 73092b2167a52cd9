import mongoose, { Schema, type Connection } from 'mongoose';
import { createGroupInsert } from '../../src/db/group-insert';
import { isDuplicateKeyError } from '../../src/db/store-errors';
import { uniqueName } from '../support/test-app';

interface Thing {
  key: string;
  n?: number;
}
const schema = new Schema<Thing>(
  { key: { type: String, required: true }, n: { type: Number, min: 0 } },
  { timestamps: true, collection: 'things' },
);
schema.index({ key: 1 }, { unique: true });

describe('group insert: many callers, one insert command, each caller its own outcome (real FerretDB)', () => {
  let conn: Connection;
  const inserts: number[] = [];

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_group')}`, { monitorCommands: true, bufferCommands: false })
      .asPromise();
    conn.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'insert') inserts.push((e.command.documents as unknown[]).length);
    });
    await conn.model<Thing>('Thing', schema).createIndexes();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when 60 callers insert in the same turn, then all are stored by one or two commands and each gets its document back', async () => {
    const Thing = conn.model<Thing>('Thing');
    const group = createGroupInsert(Thing);
    inserts.length = 0;
    const docs = await Promise.all(Array.from({ length: 60 }, (_, i) => group.insert({ key: `a-${i}`, n: i })));
    expect(inserts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(inserts.length).toBeLessThanOrEqual(2);
    expect(docs.map((d) => d.key)).toEqual(Array.from({ length: 60 }, (_, i) => `a-${i}`));
    expect(docs.every((d) => d._id && d.createdAt instanceof Date)).toBe(true);
    expect(await Thing.countDocuments({ key: /^a-/ })).toBe(60);
    expect(group.pending()).toBe(0);
  });

  it('when one document of a batch is a duplicate, then only its caller fails (code 11000) and the others are stored', async () => {
    const Thing = conn.model<Thing>('Thing');
    const group = createGroupInsert(Thing);
    await group.insert({ key: 'dup' });
    const results = await Promise.allSettled([group.insert({ key: 'b-1' }), group.insert({ key: 'dup' }), group.insert({ key: 'b-2' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isDuplicateKeyError((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(await Thing.countDocuments({ key: { $in: ['b-1', 'b-2', 'dup'] } })).toBe(3);
  });

  it('when a document is invalid, then its caller gets the validation error and the batch goes on without it', async () => {
    const Thing = conn.model<Thing>('Thing');
    const group = createGroupInsert(Thing);
    const results = await Promise.allSettled([group.insert({ key: 'c-1' }), group.insert({ key: 'c-2', n: -5 }), group.insert({ n: 1 })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(((results[1] as PromiseRejectedResult).reason as Error).name).toBe('ValidationError');
    expect(await Thing.countDocuments({ key: /^c-/ })).toBe(1);
  });
});
