import mongoose, { Types, type Connection } from 'mongoose';
import { createNotificationRepository } from '../../src/db/repositories/notification-repository';
import { notificationModel } from '../../src/db/models/notification-model';
import { uniqueName } from '../support/test-app';

describe('staff notices of an event: one insert, read back by id, each recipient told once (real FerretDB)', () => {
  let conn: Connection;
  const commands: { name: string; filter?: unknown }[] = [];
  const event = (n: number) => ({
    eventKey: `case_opened:lead-${n}`,
    kind: 'case_opened' as const,
    leadId: new Types.ObjectId().toHexString(),
    caseNumber: `WA20261203-000${n}`,
    text: '新案件',
    at: new Date(),
  });

  beforeAll(async () => {
    conn = await mongoose
      .createConnection(`${process.env.TEST_MONGODB_URL}/${uniqueName('wa_notices')}`, { monitorCommands: true, bufferCommands: false })
      .asPromise();
    conn.getClient().on('commandStarted', (e) => {
      if (['insert', 'find', 'update'].includes(e.commandName)) commands.push({ name: e.commandName, filter: e.command.filter });
    });
    await notificationModel(conn).createIndexes();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('when an event is told to three people, then one insert writes it, with no read; told again, nobody gets a second notice', async () => {
    const repo = createNotificationRepository(conn);
    const to = ['s1', 's2', 's3'].map((id) => ({ id, wecom: 'none' as const }));
    commands.length = 0;
    const first = await repo.addForEvent(event(1), to);
    expect(commands.map((c) => c.name)).toEqual(['insert']);
    expect(first.map((n) => n.recipientId)).toEqual(['s1', 's2', 's3']);
    const again = await repo.addForEvent(event(1), to);
    expect(again.map((n) => n.id)).toEqual(first.map((n) => n.id));
    expect(await notificationModel(conn).countDocuments({ eventKey: 'case_opened:lead-1' })).toBe(3);
  });

  it('when a recipient was told of the event under an id of another form, then that notice is returned and not written twice', async () => {
    const repo = createNotificationRepository(conn);
    const e = event(2);
    const older = new Types.ObjectId();
    await notificationModel(conn).collection.insertOne({
      _id: older,
      ...e,
      recipientId: 's1',
      readAt: null,
      wecom: 'none',
      wecomError: null,
      createdAt: new Date(),
    });
    const told = await repo.addForEvent(e, [
      { id: 's1', wecom: 'none' },
      { id: 's2', wecom: 'none' },
    ]);
    expect(told.map((n) => n.recipientId)).toEqual(['s1', 's2']);
    expect(told[0]!.id).toBe(older.toHexString());
    expect(await notificationModel(conn).countDocuments({ eventKey: e.eventKey })).toBe(2);
  });
});
