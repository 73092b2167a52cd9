import type { Connection } from 'mongoose';
import { connectDb } from '../../src/db/connection';
import { ensureIndexes } from '../../src/db/repositories';
import { serverKind } from '../../src/db/index-plan';
import { uniqueName } from '../support/test-app';

/** On the test server (FerretDB), start-up keeps only the unique indexes (see src/db/index-plan.ts). */
describe('indexes at start-up on FerretDB', () => {
  let conn: Connection;
  beforeAll(async () => {
    // As the app connects (autoIndex off): the indexes are ensureIndexes' alone.
    conn = await connectDb(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_indexes')}`, 1500);
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when the server is FerretDB, then it is recognised as such', async () => {
    expect(await serverKind(conn)).toBe('ferretdb');
  });

  it('when an earlier start created ordinary indexes, then they are dropped, unique and undeclared ones kept, and a second start changes nothing', async () => {
    const leads = conn.db!.collection('leads');
    await leads.createIndex({ area: 1, status: 1, createdAt: -1 }); // declared by the lead model, ordinary
    await leads.createIndex({ operatorNote: 1 }, { name: 'added_by_an_operator' }); // not declared by the app

    await ensureIndexes(conn);
    const names = async (c: string) => (await conn.db!.collection(c).indexes()).map((ix) => ix.name).sort();
    expect(await names('leads')).toEqual(['_id_', 'added_by_an_operator', 'caseNumber_1']);
    expect(await names('complaints')).toEqual(['_id_', 'channel_1_dedupKey_1']);
    expect(await names('complainants')).toEqual(['_id_', 'channel_1_channelUserId_1']);

    await ensureIndexes(conn);
    expect(await names('leads')).toEqual(['_id_', 'added_by_an_operator', 'caseNumber_1']);

    // The unique index still does its job.
    const complaints = conn.db!.collection('complaints');
    await complaints.insertOne({ channel: 'hotline', dedupKey: 'call-1' });
    await expect(complaints.insertOne({ channel: 'hotline', dedupKey: 'call-1' })).rejects.toMatchObject({ code: 11000 });
  });
});
