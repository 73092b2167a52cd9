import mongoose, { Schema, Types, type Connection } from 'mongoose';
import { createGroupRead } from '../../src/db/group-read';
import { uniqueName } from '../support/test-app';

interface Thing {
  _id: Types.ObjectId;
  n: number;
}

describe('group read: reads by id issued together, one find command (real FerretDB)', () => {
  let conn: Connection;
  const finds: unknown[] = [];
  const ids = Array.from({ length: 40 }, () => new Types.ObjectId());

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_group_read')}`, { monitorCommands: true })
      .asPromise();
    conn.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'find') finds.push(e.command.filter);
    });
    conn.model<Thing>('Thing', new Schema<Thing>({ n: Number }, { collection: 'things' }));
    await conn.db!.collection('things').insertMany(ids.map((_id, n) => ({ _id, n })));
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when 40 callers read in the same turn, then one command answers each with its own document', async () => {
    const reads = createGroupRead(conn.model<Thing>('Thing'));
    finds.length = 0;
    const missing = new Types.ObjectId().toHexString();
    const got = await Promise.all([...ids.map((id) => reads.get(id.toHexString())), reads.get(missing), reads.get('not-an-id')]);
    expect(finds).toHaveLength(1);
    expect(got.slice(0, 40).map((d) => d?.n)).toEqual(ids.map((_, n) => n));
    expect(got.slice(40)).toEqual([null, null]);
  });

  it('when a document changes between two reads, then the second read sees the change (nothing is cached)', async () => {
    const reads = createGroupRead(conn.model<Thing>('Thing'));
    const id = ids[7]!.toHexString();
    expect((await reads.get(id))?.n).toBe(7);
    await conn.db!.collection('things').updateOne({ _id: ids[7]! }, { $set: { n: 70 } });
    expect((await reads.get(id))?.n).toBe(70);
    // Upper-case hex names the same document.
    expect((await reads.get(id.toUpperCase()))?.n).toBe(70);
  });

  it('when the store fails, then every waiting caller gets the error', async () => {
    const other = await mongoose.createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_group_read_closed')}`).asPromise();
    const model = other.model<Thing>('Thing', new Schema<Thing>({ n: Number }, { collection: 'things' }));
    await other.close();
    const reads = createGroupRead(model);
    const results = await Promise.allSettled([reads.get(ids[0]!.toHexString()), reads.get(ids[1]!.toHexString())]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
