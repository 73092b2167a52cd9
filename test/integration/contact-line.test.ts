import { randomBytes } from 'node:crypto';
import { contactLine, deliveryPort } from '../../src/composition/outbound';
import type { ContactLine } from '../../src/services/outbound/contact-order';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

/** The per-contact line in Redis: later messages wait for earlier ones, and nothing waits forever. */
describe('a contact’s line of messages', () => {
  let app: TestApp;
  let line: ContactLine;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    line = contactLine(app.ctx);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('when an earlier message is pending, then a later one waits, and goes once the earlier one left', async () => {
    const contact = `wechat:${uniqueName('wxid')}`;
    await line.enter(contact, 'in:m1', 60_000);
    await line.enter(contact, 'out:n1', 60_000);
    await line.enter(contact, 'in:m1', 60_000); // entering again keeps its place
    expect(await line.isTurn(contact, 'in:m1', 60_000)).toBe(true);
    expect(await line.isTurn(contact, 'out:n1', 60_000)).toBe(false);
    expect(await line.isTurn(`wechat:${uniqueName('other')}`, 'out:n1', 60_000)).toBe(true); // another contact's line
    await line.leave(contact, 'in:m1');
    expect(await line.isTurn(contact, 'out:n1', 60_000)).toBe(true);
  });

  it('when the holder of an earlier place shows no sign of life past its lease, then its place is given up', async () => {
    const contact = `wechat_oa:${uniqueName('o')}`;
    await line.enter(contact, 'in:lost', 300);
    await line.enter(contact, 'out:next', 60_000);
    expect(await line.isTurn(contact, 'out:next', 60_000)).toBe(false);
    await waitFor(async () => line.isTurn(contact, 'out:next', 60_000), 5_000, 'the lost place given up');
  });

  it('when an earlier message fails for good, then it leaves the line and the next one goes', async () => {
    // No worker runs here: a message is written by hand for a WeChat contact of a made-up case.
    const caseId = randomBytes(12).toString('hex');
    const contactId = uniqueName('wxid');
    const m = await app.ctx.repos.outbound.create({
      leadId: caseId,
      complainantId: caseId,
      channel: 'wechat',
      channelUserId: contactId,
      phone: null,
      kind: 'staff_reply',
      text: '请保持电话畅通。',
      state: 'queued',
      createdBy: 'system',
    });
    await line.enter(`wechat:${contactId}`, `out:${m.id}`, 60_000);
    await line.enter(`wechat:${contactId}`, 'out:later', 60_000);
    const deliver = deliveryPort(app.ctx, async () => {
      throw new Error('the WeChat session is not logged in');
    });
    await expect(deliver(m.id, { finalAttempt: false })).rejects.toThrow('not logged in');
    expect(await line.isTurn(`wechat:${contactId}`, 'out:later', 60_000)).toBe(false); // it will be retried
    await expect(deliver(m.id, { finalAttempt: true })).rejects.toThrow('not logged in');
    expect((await app.ctx.repos.outbound.get(m.id))!.state).toBe('failed');
    expect(await line.isTurn(`wechat:${contactId}`, 'out:later', 60_000)).toBe(true);
  });
});
