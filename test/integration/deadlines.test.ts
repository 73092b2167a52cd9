import { deadlineJobId } from '../../queues/jobs';
import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { deadlineWorkerPort } from '../../src/composition/cases';

describe('deadlines on a working-day calendar, reminders and escalation', () => {
  let app: TestApp;
  let sup: { id: string; token: string };
  let inspId: string;
  beforeAll(async () => {
    app = await startTestApp();
    const s = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'sup', password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    sup = { id: s.user.id, token: s.token };
    inspId = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'insp', password: 'a-long-test-password', role: 'inspector', area: '龙潭镇' },
      )
    ).user.id;
  });
  afterAll(() => app.stop());

  /** A hotline complaint's case, once its automatic notice is written (its own timeline write). */
  const openCase = async (transcript: string): Promise<string> => {
    const res = await postTranscript(app.url, { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    await waitFor(
      async () => (await app.ctx.repos.leads.get(leadId))?.timeline.some((e) => e.type === 'notice_sent'),
      10_000,
      'the notice',
    );
    return leadId;
  };

  const api = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sup.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  it('when a case opens, then it carries its three deadlines and the first reminder waits for its time', async () => {
    const leadId = await openCase('来电人：龙潭镇的兴隆木材厂欠我工资5000元，电话13900009901。');
    const lead = (await api<Lead>('GET', `/api/leads/${leadId}`)).body;
    const d = lead.deadlines!;
    expect(new Date(d.acceptBy) < new Date(d.contactBy) && new Date(d.contactBy) < new Date(d.closeBy)).toBe(true);
    // 15 working days are three working weeks: more than 19 calendar days from any start (opened on a
    // Sunday just after midnight China time, they end on the third Friday evening, 19 days 23 hours on).
    expect(new Date(d.closeBy).getTime() - new Date(lead.createdAt).getTime()).toBeGreaterThan(19 * 86_400_000);
    expect(lead.overdue).toEqual([]);
    // One job of the chain waits at a time: the accept reminder, due a few hours before acceptBy.
    const job = await waitFor(
      () => app.ctx.deadlineQueue.queue.getJob(deadlineJobId({ leadId, step: 'accept', phase: 'remind' })),
      5000,
      'the accept reminder job',
    );
    expect(await job.getState()).toBe('delayed');
    expect(job.timestamp + job.delay).toBeLessThan(new Date(d.acceptBy).getTime());
    expect(job.timestamp + job.delay).toBeGreaterThan(Date.now());
    const waiting = (await app.ctx.deadlineQueue.queue.getDelayed()).filter((j) => j.data.leadId === leadId);
    expect(waiting.map((j) => j.id)).toEqual([job.id]);
  });

  it('when a check has run, then the next one of the chain waits, in the order the checks fall due; a closed case ends it', async () => {
    const leadId = await openCase('来电人：龙潭镇的松柏木器厂欠我工资4500元，电话13900009904。');
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    const order: string[] = [];
    let check = { leadId, step: 'accept', phase: 'remind' } as const as {
      leadId: string;
      step: 'accept' | 'contact' | 'close';
      phase: 'remind' | 'escalate' | 'second_escalation';
    };
    for (let i = 0; i < 8; i++) {
      await deadlineWorkerPort(app.ctx).scheduleNext(check);
      const first = deadlineJobId({ leadId, step: 'accept', phase: 'remind' });
      const waiting = (await app.ctx.deadlineQueue.queue.getDelayed()).filter(
        (j) => j.data.leadId === leadId && j.id !== first && !order.includes(j.id!),
      );
      expect(waiting).toHaveLength(1);
      const next = waiting[0]!;
      order.push(next.id!);
      const due = next.timestamp + next.delay;
      const deadline = { accept: lead.deadlines!.acceptBy, contact: lead.deadlines!.contactBy, close: lead.deadlines!.closeBy }[
        next.data.step
      ];
      // Reminders and escalations at or before the deadline; the second escalation working days after it.
      if (next.data.phase === 'second_escalation') expect(due).toBeGreaterThan(new Date(deadline).getTime() + 86_400_000);
      else expect(due).toBeLessThanOrEqual(new Date(deadline).getTime());
      check = next.data;
    }
    // ESCALATION_SECOND_LEVEL_DAYS (2): accept's second escalation falls at the contact deadline, and goes first.
    expect(order.map((id) => id.replace(`deadline-${leadId}-`, ''))).toEqual([
      'accept-escalate',
      'contact-remind',
      'accept-second_escalation',
      'contact-escalate',
      'contact-second_escalation',
      'close-remind',
      'close-escalate',
      'close-second_escalation',
    ]);
    const mine = async () => (await app.ctx.deadlineQueue.queue.getDelayed()).filter((j) => j.data.leadId === leadId).length;
    // After the last check nothing more is queued.
    const before = await mine();
    await deadlineWorkerPort(app.ctx).scheduleNext({ leadId, step: 'close', phase: 'second_escalation' });
    expect(await mine()).toBe(before);
    // A closed case: the chain stops even where a check would follow.
    for (const j of await app.ctx.deadlineQueue.queue.getDelayed()) if (j.data.leadId === leadId) await j.remove();
    await app.ctx.repos.leads.applyChange(
      leadId,
      lead.status,
      { status: 'closed', closedAt: new Date() },
      { at: new Date(), type: 'test_clock', actor: 'test', note: null, changes: [] },
    );
    await deadlineWorkerPort(app.ctx).scheduleNext({ leadId, step: 'accept', phase: 'remind' });
    expect(await mine()).toBe(0);
  });

  it('when a deadline passes undone, then the case is flagged overdue, listed as such, and escalated on its timeline; doing the step clears it', async () => {
    const leadId = await openCase('来电人：龙潭镇的青峰竹器厂欠我工资3000元，电话13900009902。');
    // Once the automatic notice is written (its own timeline write), time passes and nobody takes the case.
    await waitFor(
      async () => (await app.ctx.repos.leads.get(leadId))?.timeline.some((e) => e.type === 'notice_sent'),
      10_000,
      'the notice',
    );
    const past = new Date(Date.now() - 3_600_000);
    await app.ctx.repos.leads.applyChange(
      leadId,
      'new',
      { 'deadlines.acceptBy': past },
      { at: new Date(), type: 'test_clock', actor: 'test', note: null, changes: [] },
    );

    expect((await api<Lead>('GET', `/api/leads/${leadId}`)).body.overdue).toEqual(['accept']);
    const overdueList = (await api<{ items: Lead[] }>('GET', '/api/leads?overdue=true')).body;
    expect(overdueList.items.map((l) => l.id)).toContain(leadId);

    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'accept', phase: 'escalate' })).toBe('escalated');
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'accept', phase: 'escalate' })).toBe('escalated'); // a retried job
    const escalations = (await api<Lead>('GET', `/api/leads/${leadId}`)).body.timeline.filter((e) => e.type === 'deadline_escalated');
    expect(escalations).toHaveLength(1);

    expect((await api('POST', `/api/leads/${leadId}/assign`, { assigneeId: inspId })).status).toBe(200);
    const after = (await api<Lead>('GET', `/api/leads/${leadId}`)).body;
    expect(after.overdue).toEqual([]);
    expect(after.acceptedAt).not.toBeNull();
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'accept', phase: 'remind' })).toBe('done');
    expect((await api<{ items: Lead[] }>('GET', '/api/leads?overdue=true')).body.items.map((l) => l.id)).not.toContain(leadId);
  });

  it('when the reminder and escalation jobs come due, then the worker writes them on the timeline', async () => {
    const leadId = await openCase('来电人：龙潭镇的红星砖厂欠我工资4000元，电话13900009903。');
    await waitFor(
      async () => (await app.ctx.repos.leads.get(leadId))?.timeline.some((e) => e.type === 'notice_sent'),
      10_000,
      'the notice',
    );
    const hourAgo = new Date(Date.now() - 3_600_000);
    const lead = (await app.ctx.repos.leads.applyChange(
      leadId,
      'new',
      { deadlines: { acceptBy: hourAgo, contactBy: hourAgo, closeBy: new Date(Date.now() + 30 * 86_400_000) } },
      { at: new Date(), type: 'test_clock', actor: 'test', note: null, changes: [] },
    ))!;
    // Re-scheduling with the deadlines now past: the jobs are due at once.
    for (const step of ['accept', 'contact'] as const) {
      for (const phase of ['remind', 'escalate'] as const)
        await (await app.ctx.deadlineQueue.queue.getJob(deadlineJobId({ leadId, step, phase })))?.remove();
    }
    await app.ctx.deadlineQueue.schedule(lead);
    const events = await waitFor(
      async () => {
        const types = (await app.ctx.repos.leads.get(leadId))!.timeline.map((e) => e.type);
        const count = (type: string) => types.filter((t) => t === type).length;
        return count('deadline_escalated') === 2 && count('deadline_reminder') === 2 ? types : null;
      },
      10_000,
      'two reminders and two escalations',
    );
    expect(events.filter((t) => t === 'deadline_reminder')).toHaveLength(2);
  });
});
