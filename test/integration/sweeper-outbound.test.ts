import { deliverJobId } from '../../queues/jobs';
import { sweepPort } from '../../src/composition/triage';
import { newId } from '../../src/db/ids';
import { startTestApp, uniqueName, type TestApp } from '../support/test-app';

/** A message written to the store whose job never reached Redis is put on its way by the worker's sweep. */
describe('the sweep of undelivered messages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const queuedMessage = () =>
    app.ctx.repos.outbound.create({
      leadId: newId(),
      complainantId: newId(),
      channel: 'wechat',
      channelUserId: uniqueName('wxid'),
      phone: null,
      kind: 'staff_reply',
      text: '您好，请明天上午到大队领取工资。',
      state: 'queued',
      createdBy: 'system',
    });

  it('when a queued message has no job past the grace time, then the sweep queues it once; a fresh one is left to its own job', async () => {
    const lost = await queuedMessage();
    const queue = app.ctx.outboundQueue.queue;
    expect(await queue.getJob(deliverJobId(lost.id))).toBeUndefined();

    // Within the grace time the message is still on its own way.
    expect(await sweepPort(app.ctx).sweepOutbound(60_000)).toBe(0);
    expect(await queue.getJob(deliverJobId(lost.id))).toBeUndefined();

    const swept = await sweepPort(app.ctx).sweepOutbound(0);
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await queue.getJob(deliverJobId(lost.id))).toMatchObject({ data: { messageId: lost.id } });
    // Swept again: the same job, not a second one.
    await sweepPort(app.ctx).sweepOutbound(0);
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter((j) => j.data.messageId === lost.id);
    expect(jobs).toHaveLength(1);
  });

  it('when a message was delivered, then the sweep leaves it alone', async () => {
    const m = await queuedMessage();
    await app.ctx.repos.outbound.setState(m.id, 'queued', 'delivered', { deliveredAt: new Date() });
    await sweepPort(app.ctx).sweepOutbound(0);
    expect(await app.ctx.outboundQueue.queue.getJob(deliverJobId(m.id))).toBeUndefined();
  });
});
