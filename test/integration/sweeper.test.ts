import { Types } from 'mongoose';
import { triageJobId } from '../../queues/jobs';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { startWorkerRole } from '../../src/roles/worker-role';
import { sweepPort, triageWorkerPort } from '../../src/composition/triage';

let callers = 6600;
/** A wage call from a caller of its own (one worker calling twice would rightly join their own case). */
const wageCall = () => ({
  callId: uniqueName('call'),
  receivedAt: new Date().toISOString(),
  transcript: `来电人：我在陬市镇的厂里做了两个月，老板欠我工资6000块，电话1390000${++callers}。`,
});

describe('the sweeper: nothing stored is left unprocessed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.stop());

  it('when Redis lost the queued jobs, then the sweeper re-queues every stored complaint and the worker turns them into leads', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await postTranscript(app.url, wageCall());
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { complaintId: string }).complaintId);
    }
    // Redis restarted without persistence: every job is gone, the complaints are still stored.
    await app.ctx.triageQueue.queue.obliterate({ force: true });
    expect(await app.ctx.triageQueue.queue.getJob(triageJobId(ids[0]!))).toBeUndefined();

    const report = await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 });
    expect(report).toEqual({ checked: 3, requeued: 3 });
    // A second sweep while the jobs wait adds nothing.
    expect(await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 })).toEqual({ checked: 3, requeued: 0 });

    const worker = await startWorkerRole(app.ctx);
    try {
      for (const id of ids) {
        const c = await waitFor(async () => {
          const got = await app.ctx.repos.complaints.get(id);
          return got?.state === 'triaged' ? got : null;
        });
        expect(c.leadId).not.toBeNull();
      }
    } finally {
      await worker.stop();
    }
    expect(await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 })).toEqual({ checked: 0, requeued: 0 });
  });

  it('when the pending set is intact, then a sweep reads only its ids; when Redis lost it, then the store is scanned once', async () => {
    await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 }); // the pending set is trusted from here on
    // Stored without passing through intake (as if written before a crash that also lost the job).
    const hidden = await app.ctx.repos.complaints.insertOnce({
      channel: 'hotline',
      dedupKey: uniqueName('hidden'),
      sender: { channelUserId: null, name: null, phone: null },
      operator: null,
      text: '来电人：我在漳江街道的厂里做了一个月，老板欠我工资3000块。',
      turns: [],
      receivedAt: new Date(),
    });
    const res = await postTranscript(app.url, wageCall());
    const { complaintId } = (await res.json()) as { complaintId: string };
    await app.ctx.triageQueue.queue.obliterate({ force: true });

    const seen = await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 });
    expect(seen).toEqual({ checked: 1, requeued: 1 }); // the accepted one, found through the pending set
    expect(await app.ctx.triageQueue.queue.getJob(triageJobId(complaintId))).toBeDefined();
    expect(await app.ctx.triageQueue.queue.getJob(triageJobId(hidden.complaint.id))).toBeUndefined();

    // Redis restarted empty: the marker is gone with the set, and the next sweep scans the store.
    await app.ctx.producerConnection.del(
      `${app.ctx.config.QUEUE_PREFIX}:complaints-pending`,
      `${app.ctx.config.QUEUE_PREFIX}:complaints-pending:since`,
    );
    const scanned = await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 0 });
    expect(scanned.checked).toBeGreaterThanOrEqual(2);
    expect(await app.ctx.triageQueue.queue.getJob(triageJobId(hidden.complaint.id))).toBeDefined();
  });

  it('when a complaint is younger than the grace period, then the sweeper leaves it to the queue', async () => {
    await postTranscript(app.url, wageCall());
    expect((await sweepPort(app.ctx).sweepUnprocessed({ graceMs: 60_000 })).checked).toBe(0);
  });

  it('when triage runs twice for one complaint, then exactly one lead exists', async () => {
    const res = await postTranscript(app.url, wageCall());
    const { complaintId } = (await res.json()) as { complaintId: string };
    const [a, b] = await Promise.all([
      triageWorkerPort(app.ctx).triageComplaint(complaintId),
      triageWorkerPort(app.ctx).triageComplaint(complaintId),
    ]);
    expect(a.leadId).toBe(b.leadId);
    const again = await triageWorkerPort(app.ctx).triageComplaint(complaintId);
    expect(again).toMatchObject({ skipped: true, leadId: a.leadId });
    const leads = await app.ctx.repos.leads.list({ page: 1, pageSize: 100 });
    expect(leads.items.filter((l) => l.originComplaintId === complaintId)).toHaveLength(1);

    // A run that stopped after opening the case and sending the notice, before marking the complaint:
    // the next run finds the case and the notice and writes neither again.
    await app.ctx.db.collection('complaints').updateOne({ _id: new Types.ObjectId(complaintId) }, { $set: { state: 'received' } });
    const rerun = await triageWorkerPort(app.ctx).triageComplaint(complaintId);
    expect(rerun).toMatchObject({ skipped: false, leadId: a.leadId });
    const notices = await app.ctx.repos.outbound.listForLead(a.leadId!);
    expect(notices.filter((m) => m.kind === 'case_notice')).toHaveLength(1);
    expect(notices[0]).toMatchObject({ state: 'callback_open', channel: 'hotline' });
    const lead = await app.ctx.repos.leads.get(a.leadId!);
    expect(lead!.timeline.map((e) => e.type)).toEqual(['created', 'notice_sent']);
    expect(lead!.timeline[1]!.note).toContain('电话回访任务 1 个');
  });
});
