import type { CallbackTask } from '../../src/domain/callback';
import type { Lead } from '../../src/domain/lead';
import { addWorkingDaysToClose, addWorkingHours } from '../../src/domain/working-days';
import { maskPhone } from '../../src/domain/masking';
import { outboundDeps } from '../../src/composition/outbound';
import { callbackQueueFor } from '../../src/services/outbound/callback-queue';
import { createStaffUser } from '../../src/services/staff-accounts';
import type { StaffUser } from '../../src/domain/staff';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

/** Call-back tasks: due times, the outcomes of calls, retries, the case's timeline, and two operators at once. */
describe('call-back tasks are worked call by call', () => {
  let app: TestApp;
  const users: Record<string, { user: StaffUser; token: string }> = {};

  beforeAll(async () => {
    app = await startTestApp();
    for (const [name, role, area] of [
      ['op', 'operator', null],
      ['op2', 'operator', null],
      ['sup', 'supervisor', null],
      ['sup-zs', 'supervisor', '陬市镇'],
      ['insp', 'inspector', '漳江街道'],
    ] as const) {
      users[name] = await createStaffUser({ staff: app.ctx.repos.staff }, { username: name, password: 'a-long-test-password', role, area });
    }
  });
  afterAll(async () => {
    await app.stop();
  });

  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${users[who]!.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const outcome = (who: string, id: string, body: unknown) => api(who, 'POST', `/api/callbacks/${id}/outcome`, body);
  const lead = async (id: string) => (await app.ctx.repos.leads.get(id))!;
  const callbackEvents = async (id: string) => (await lead(id)).timeline.filter((e) => e.type === 'callback_outcome');

  /** A hotline caller's case in 漳江街道 and the call-back task that tells them its number. */
  async function hotlineCase(employer: string, phone: string): Promise<{ leadId: string; task: CallbackTask }> {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: phone,
      transcript: `来电人：我在漳江街道${employer}做工，老板欠我们3个人工资共2万6千元，一直拖着不给。`,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    const task = await waitFor(
      async () => ((await api('op', 'GET', '/api/callbacks')).body.items as CallbackTask[]).find((t) => t.leadId === leadId),
      10_000,
      'the call-back task',
    );
    return { leadId, task };
  }

  it('when a hotline caller’s case is registered, then the call-back task is due by the close of the next working day, number masked', async () => {
    const { task } = await hotlineCase('宏达五金厂', '13900007701');
    expect(task).toMatchObject({
      state: 'callback_open',
      phone: '139****7701',
      attempts: 0,
      outcomes: [],
      lastOutcome: null,
      unreachable: false,
    });
    expect(task.channelUserId).not.toContain('13900007701');
    const stored = (await app.ctx.repos.outbound.getCallback(task.id))!;
    expect(new Date(task.dueBy)).toEqual(addWorkingDaysToClose(stored.createdAt, 1, app.ctx.config.workCalendar));
  });

  it('when nobody answers three times, then each call is retried two working hours later and the third leaves the task open for a supervisor', async () => {
    const { leadId, task } = await hotlineCase('顺丰木器加工坊', '13900007702');
    const cal = app.ctx.config.workCalendar;
    let last: CallbackTask;
    for (const n of [1, 2]) {
      const r = await outcome('op', task.id, { outcome: 'no_answer' });
      expect(r.status).toBe(200);
      last = r.body as unknown as CallbackTask;
      const at = new Date(last.outcomes.at(-1)!.at);
      expect(last).toMatchObject({ state: 'callback_open', attempts: n, lastOutcome: 'no_answer', unreachable: false, doneAt: null });
      expect(new Date(last.dueBy)).toEqual(addWorkingHours(at, 2, cal));
    }
    const third = await outcome('op', task.id, { outcome: 'no_answer', note: '关机' });
    last = third.body as unknown as CallbackTask;
    expect(last).toMatchObject({ state: 'callback_open', attempts: 3, unreachable: true });
    expect(last.dueBy).toBe(last.outcomes.at(-1)!.at);
    const listed = ((await api('sup', 'GET', '/api/callbacks')).body.items as CallbackTask[]).find((t) => t.id === task.id);
    expect(listed).toMatchObject({ unreachable: true, attempts: 3 });

    const events = await callbackEvents(leadId);
    expect(events.map((e) => e.note)).toEqual([
      expect.stringMatching(/^电话回访：无人接听（第 1 次拨打）；下次回访 \d{4}-\d\d-\d\d \d\d:\d\d 前$/),
      expect.stringMatching(/^电话回访：无人接听（第 2 次拨打）/),
      '电话回访：无人接听（第 3 次拨打）；已 3 次未接通，请科室负责人决定；备注：关机',
    ]);
    expect(events.every((e) => e.actor === users.op!.user.id)).toBe(true);
    expect((await lead(leadId)).contactedAt).toBeNull();

    // The supervisor finds the number wrong: the task closes, flagged, and the case still has no contact.
    const wrong = await outcome('sup', task.id, { outcome: 'wrong_number', note: '空号' });
    expect(wrong.body).toMatchObject({ state: 'callback_done', attempts: 4, lastOutcome: 'wrong_number', unreachable: false });
    expect(((await api('op', 'GET', '/api/callbacks')).body.items as CallbackTask[]).some((t) => t.id === task.id)).toBe(false);
    expect((await callbackEvents(leadId)).at(-1)).toMatchObject({ actor: users.sup!.user.id, note: expect.stringContaining('号码错误') });
    expect((await lead(leadId)).contactedAt).toBeNull();
  });

  it.each([
    ['reached', '已接通', '明珠饰品加工厂', '13900007811'],
    ['says_paid', '工人称已收到工资', '永盛纸箱厂', '13900007812'],
    ['says_not_paid', '工人称未收到工资', '红星榨油坊', '13900007813'],
  ])(
    'when the caller is reached (%s), then the task is done and the case records its first contact',
    async (code, words, employer, phone) => {
      const { leadId, task } = await hotlineCase(employer, phone);
      const r = await outcome('op', task.id, { outcome: code, note: '老板答应月底前付清' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ state: 'callback_done', attempts: 1, lastOutcome: code });
      expect(r.body.doneAt).toEqual(expect.any(String));
      const after: Lead = await lead(leadId);
      expect(after.contactedAt).not.toBeNull();
      expect(after.timeline.at(-1)).toMatchObject({
        type: 'callback_outcome',
        actor: users.op!.user.id,
        note: `电话回访：${words}（第 1 次拨打）；备注：老板答应月底前付清`,
      });
    },
  );

  it('when two operators record a call on one task at once, then one wins and the other is told', async () => {
    const { task } = await hotlineCase('兴旺砖厂', '13900007703');
    const [a, b] = await Promise.all([
      outcome('op', task.id, { outcome: 'says_not_paid' }),
      outcome('op2', task.id, { outcome: 'reached' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body).toMatchObject({ error: { code: 'callback_closed' } });
    const stored = (await app.ctx.repos.outbound.getCallback(task.id))!;
    expect(stored.outcomes).toHaveLength(1);

    // Two unanswered calls recorded at once on the task as both read it count once: the second operator is told to look again.
    const { task: other } = await hotlineCase('鑫源竹木厂', '13900007704');
    const seen = { outcome: 'no_answer', attempts: 0 };
    const both = await Promise.all([outcome('op', other.id, seen), outcome('op2', other.id, seen)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: 'callback_changed' } });
    expect((await app.ctx.repos.outbound.getCallback(other.id))!.attempts).toBe(1);
  });

  it('when the old done endpoint is used, then it records "reached", masked; a second time it is refused', async () => {
    const { leadId, task } = await hotlineCase('金穗米粉厂', '13900007705');
    const done = await api('op', 'POST', `/api/callbacks/${task.id}/done`, { note: '已告知案件编号' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'callback_done', phone: '139****7705' });
    expect(done.body).not.toHaveProperty('attempts');
    expect((await app.ctx.repos.outbound.getCallback(task.id))!.outcomes.map((o) => o.outcome)).toEqual(['reached']);
    expect((await lead(leadId)).contactedAt).not.toBeNull();
    expect((await api('op', 'POST', `/api/callbacks/${task.id}/done`, {})).status).toBe(409);
    expect((await outcome('op', task.id, { outcome: 'no_answer' })).status).toBe(409);
  });

  it('when someone outside the queue records an outcome, then an inspector is refused and another area’s supervisor finds nothing', async () => {
    const { task } = await hotlineCase('桃花源茶厂', '13900007706');
    expect((await outcome('insp', task.id, { outcome: 'reached' })).status).toBe(403);
    expect((await outcome('sup-zs', task.id, { outcome: 'reached' })).status).toBe(404);
    expect((await outcome('op', task.id, { outcome: 'hung_up' })).status).toBe(400);
    expect((await app.ctx.repos.outbound.getCallback(task.id))!.attempts).toBe(0);
  });

  it('when the console reads the queue, then tasks fall in due, overdue and done tabs, each with its script', async () => {
    const { leadId, task } = await hotlineCase('锦绣服装厂', '13900007707');
    const reply = await api('sup', 'POST', `/api/leads/${leadId}/replies`, { text: '您好，我们已约谈厂方负责人，请保持电话畅通。' });
    expect(reply.status).toBe(201);
    const deps = { ...outboundDeps(app.ctx), complainants: app.ctx.repos.complainants };
    const op = users.op!.user;
    const now = new Date();
    const due = await callbackQueueFor(deps, op, 'due', maskPhone, now);
    const mine = due.items.filter((c) => c.leadId === leadId);
    expect(mine).toHaveLength(2);
    const notice = mine.find((c) => c.task.id === task.id)!;
    const caseNumber = (await lead(leadId)).caseNumber;
    expect(notice.script.join('\n')).toContain(`您的案件编号是 ${caseNumber}，目前已登记，等待受理。`);
    expect(notice.script.join('\n')).toContain('工作人员最近的回复：您好，我们已约谈厂方负责人，请保持电话畅通。');
    const replyCard = mine.find((c) => c.task.kind === 'staff_reply')!;
    expect(replyCard.script.join('\n')).toContain('工作人员给您的回复：您好，我们已约谈厂方负责人');
    expect(replyCard.script.join('\n')).not.toContain('工作人员最近的回复');
    expect(JSON.stringify(due)).not.toContain('13900007707');

    // A week on, both are past due.
    const later = new Date(now.getTime() + 7 * 86_400_000);
    const overdue = await callbackQueueFor(deps, op, 'overdue', maskPhone, later);
    expect(overdue.items.filter((c) => c.leadId === leadId)).toHaveLength(2);
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(2);

    await outcome('op', task.id, { outcome: 'says_not_paid' });
    const done = await callbackQueueFor(deps, op, 'done', maskPhone);
    expect(done.items.map((c) => c.task.id)).toContain(task.id);
    expect((await callbackQueueFor(deps, op, 'due', maskPhone)).items.map((c) => c.task.id)).not.toContain(task.id);
    // Another area's supervisor does not see this county's street.
    const zs = await callbackQueueFor(deps, users['sup-zs']!.user, 'due', maskPhone);
    expect(zs.items.some((c) => c.leadId === leadId)).toBe(false);
  });
});
