import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

interface Actor {
  id: string;
  token: string;
}

describe('case workflow: routing, area scope, status machine, recoveries, audit', () => {
  let app: TestApp;
  const staff: Record<string, Actor> = {};
  let lead: Lead;

  const call = (who: Actor, method: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    app = await startTestApp();
    const make = async (name: string, role: 'admin' | 'supervisor' | 'inspector' | 'operator', area: string | null) => {
      const { user, token } = await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: name, password: 'a-long-test-password', role, area },
      );
      staff[name] = { id: user.id, token };
    };
    await make('sup', 'supervisor', null);
    await make('insp-zj', 'inspector', '漳江街道');
    await make('insp-zs', 'inspector', '陬市镇');
    await make('op', 'operator', null);

    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: '来电人：我在漳江街道滨湖小区工地做泥工，兴旺建筑劳务有限公司欠我们12个人工资共24万元，电话13900008801。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    lead = await waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.leadId ? app.ctx.repos.leads.get(c.leadId) : null;
    });
  });
  afterAll(() => app.stop());

  it('when a lead is created, then it is routed to its township, the sector department, and urgent priority', () => {
    expect(lead).toMatchObject({ area: '漳江街道', department: '县住房和城乡建设局', priority: 'urgent', status: 'new' });
  });

  it('when an inspector of another area asks for the case, then it does not exist for them, in the list or by id, and cannot be changed', async () => {
    const other = staff['insp-zs']!;
    expect((await call(other, 'GET', `/api/leads/${lead.id}`)).status).toBe(404);
    const list = (await (await call(other, 'GET', '/api/leads')).json()) as { items: Lead[] };
    expect(list.items.map((l) => l.id)).not.toContain(lead.id);
    expect((await call(other, 'POST', `/api/leads/${lead.id}/status`, { to: 'rejected', rejectReason: 'duplicate' })).status).toBe(404);
    expect(
      (await call(other, 'POST', `/api/leads/${lead.id}/recoveries`, { amountYuan: 1, workersPaid: 1, date: '2026-11-28' })).status,
    ).toBe(404);
    expect((await app.ctx.repos.leads.get(lead.id))?.status).toBe('new');
  });

  it('when the area inspector reads it, then they see it; an operator reads but cannot act; an inspector cannot assign', async () => {
    expect((await call(staff['insp-zj']!, 'GET', `/api/leads/${lead.id}`)).status).toBe(200);
    expect((await call(staff.op!, 'GET', `/api/leads/${lead.id}`)).status).toBe(200);
    expect((await call(staff.op!, 'POST', `/api/leads/${lead.id}/status`, { to: 'assigned' })).status).toBe(403);
    expect((await call(staff['insp-zj']!, 'POST', `/api/leads/${lead.id}/assign`, { assigneeId: staff['insp-zj']!.id })).status).toBe(403);
  });

  it('when the case is worked through its life, then every step is enforced, totals add up, and the timeline records who changed what', async () => {
    const sup = staff.sup!;
    const insp = staff['insp-zj']!;
    expect((await call(sup, 'POST', `/api/leads/${lead.id}/assign`, { assigneeId: staff.op!.id })).status).toBe(400); // not an inspector
    const assigned = await call(sup, 'POST', `/api/leads/${lead.id}/assign`, { assigneeId: insp.id, note: '请尽快核实' });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ status: 'assigned', assigneeId: insp.id });

    const skip = await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full' });
    expect(skip.status).toBe(409);
    expect(((await skip.json()) as { error: { code: string } }).error.code).toBe('invalid_transition');

    expect((await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'investigating' })).status).toBe(200);
    expect(
      (
        await call(insp, 'POST', `/api/leads/${lead.id}/recoveries`, {
          amountYuan: 150000,
          workersPaid: 8,
          date: '2026-11-20',
          note: '第一笔',
        })
      ).status,
    ).toBe(201);
    const second = await call(insp, 'POST', `/api/leads/${lead.id}/recoveries`, { amountYuan: 90000, workersPaid: 4, date: '2026-11-25' });
    expect(await second.json()).toMatchObject({ recoveredYuan: 240000, workersPaid: 12, amountYuan: 240000 });
    expect(
      (await call(insp, 'POST', `/api/leads/${lead.id}/recoveries`, { amountYuan: -5, workersPaid: 1, date: '2026-11-25' })).status,
    ).toBe(400);

    expect((await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'resolved' })).status).toBe(200);
    const noOutcome = await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'closed' });
    expect(noOutcome.status).toBe(400);
    expect((await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'closed', outcomeCode: 'made_up' })).status).toBe(400);
    // Codes are the table's own entries, never what every object inherits.
    for (const inherited of ['constructor', 'to_string', '__proto__'])
      expect((await call(insp, 'POST', `/api/leads/${lead.id}/status`, { to: 'closed', outcomeCode: inherited })).status).toBe(400);
    const closed = await call(insp, 'POST', `/api/leads/${lead.id}/status`, {
      to: 'closed',
      outcomeCode: 'paid_in_full',
      note: '全部到位',
    });
    expect(closed.status).toBe(200);
    expect(
      (await call(insp, 'POST', `/api/leads/${lead.id}/recoveries`, { amountYuan: 1, workersPaid: 0, date: '2026-11-28' })).status,
    ).toBe(409);

    const final = (await closed.json()) as Lead;
    expect(final).toMatchObject({ status: 'closed', outcomeCode: 'paid_in_full' });
    expect(final.timeline.map((e) => e.type).filter((t) => t !== 'notice_sent')).toEqual([
      'created',
      'assigned',
      'status_changed',
      'recovery_recorded',
      'payment_asked', // the worker is asked once whether the wages arrived; the question stays open
      'recovery_recorded',
      'status_changed',
      'status_changed',
    ]);
    expect(final.timeline.filter((e) => e.type === 'notice_sent').length).toBeGreaterThanOrEqual(3); // the complainant was told of each step
    const assignEvent = final.timeline.find((e) => e.type === 'assigned')!;
    expect(assignEvent).toMatchObject({ actor: sup.id, note: '请尽快核实' });
    expect(assignEvent.changes).toContainEqual({ field: 'status', before: 'new', after: 'assigned' });
    expect(final.timeline.at(-1)?.changes).toContainEqual({ field: 'outcomeCode', before: null, after: 'paid_in_full' });
  });

  it('when two staff change the same case at once, then one wins and the other gets 409', async () => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: '来电人：漳江街道的金辉饭店欠我两个月工资6000块，电话13900008802。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const l = await waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.leadId ?? null;
    });
    const results = await Promise.all([
      call(staff.sup!, 'POST', `/api/leads/${l}/status`, { to: 'rejected', rejectReason: 'duplicate' }),
      call(staff.sup!, 'POST', `/api/leads/${l}/status`, { to: 'transferred', transferTarget: 'court' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
