import type { Lead } from '../../src/domain/lead';
import type { StaffNotification } from '../../src/domain/notification';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startFakeWechatApi, type FakeWechatApi } from '../support/fake-wechat-api';
import { startTestApp, testConfig, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';

/**
 * One case the whole way, on the real bot (mock puppet), queues and store: a WeChat complaint, a
 * missed deadline that reaches the inspector's inbox and WeCom, a recovery the worker says did not
 * arrive, the case back with the inspector, a second recovery, the worker's "yes" and score, closed
 * as paid in full.
 */
describe('closing the loop with the worker', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  const staff: Record<string, { id: string; token: string }> = {};

  beforeAll(async () => {
    fake = await startFakeWechatApi();
    app = await startTestApp({
      config: testConfig({
        WECOM_CORP_ID: 'ww00000000loop0001',
        WECOM_SECRET: 'fake-loop-secret-0001',
        WECOM_AGENT_ID: '1000011',
        WECOM_API_BASE_URL: fake.baseUrl,
      }),
    });
    harness = await startWechatHarness(app);
    for (const [username, role, wecomUserId] of [
      ['loop.sup', 'supervisor', 'XuKeZhang'],
      ['loop.insp', 'inspector', 'TanJianCha'],
    ] as const) {
      const { user, token } = await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username, password: 'a-long-test-password', role, area: '漳江街道' },
      );
      await app.ctx.repos.staff.update(user.id, { wecomUserId });
      staff[username] = { id: user.id, token };
    }
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
    await fake.close();
  });

  const api = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${staff[who]!.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const inbox = async (who: string, leadId: string) =>
    ((await api(who, 'GET', '/api/notifications')).body.items as StaffNotification[]).filter((n) => n.leadId === leadId);
  const lead = async (id: string): Promise<Lead> => (await app.ctx.repos.leads.get(id))!;
  /** The worker's message and the bot's answer to it (status notices may arrive in between). */
  const answerOf = async (w: ReturnType<typeof harness.worker>, text: string, expected: RegExp): Promise<string> => {
    const before = w.received.length;
    await w.say(text);
    return waitFor(async () => w.received.slice(before).find((t) => expected.test(t)), 10_000, `the answer to "${text}"`);
  };

  it('walks a case from a WeChat complaint through a missed deadline and a disputed payment to closed, paid in full', async () => {
    // 1. The worker complains on WeChat and confirms what the bot read.
    const w = harness.worker('覃师傅');
    await w.say('我在漳江街道桃花苑小区工地做泥工，恒信建筑劳务公司欠我们三个人工资一共24000元，电话13900007301');
    await w.waitFor(/请核对/);
    await w.say('确认');
    const complainantId = await waitFor(async () => app.ctx.repos.complainants.findId('wechat', w.id), 10_000, 'the complainant');
    const opened = await waitFor(async () => (await app.ctx.repos.leads.listByComplainant(complainantId))[0], 10_000, 'the case');
    await w.waitFor(new RegExp(`案件编号 ${opened.caseNumber}`));
    await waitFor(async () => (await inbox('loop.insp', opened.id)).some((n) => n.kind === 'case_opened'), 10_000, 'the new-case notice');

    // 2. Assigned, then nobody calls the worker back in time: the chain escalates through the queue.
    expect((await api('loop.sup', 'POST', `/api/leads/${opened.id}/assign`, { assigneeId: staff['loop.insp']!.id })).status).toBe(200);
    const assigned = await lead(opened.id);
    const past = new Date(Date.now() - 3_600_000);
    // As the only writer of the case (on FerretDB a write beside another's can be lost without the case's lock).
    const clocked = (await app.ctx.repos.leads.mutate(opened.id, () =>
      app.ctx.repos.leads.applyChange(
        opened.id,
        assigned.status,
        { 'deadlines.contactBy': past },
        { at: new Date(), type: 'test_clock', actor: 'test', note: null, changes: [] },
      ),
    ))!;
    // The chain starts afresh from the moved deadline (checks already run keep their job ids: cleared too).
    const q = app.ctx.deadlineQueue.queue;
    for (const j of await q.getJobs(['delayed', 'waiting', 'completed'])) if (j.data.leadId === opened.id) await j.remove();
    await app.ctx.deadlineQueue.schedule(clocked);
    for (const who of ['loop.insp', 'loop.sup'])
      await waitFor(
        async () => (await inbox(who, opened.id)).some((n) => n.kind === 'deadline_escalated'),
        15_000,
        `${who}'s escalation notice`,
      );
    const onWecom = await waitFor(
      async () => fake.sent.find((m) => m.touser === 'TanJianCha' && m.content.includes(opened.caseNumber) && m.content.includes('已超期')),
      15_000,
      'the escalation on WeCom',
    );
    expect(onWecom.content).not.toMatch(/7301/);
    expect((await lead(opened.id)).timeline.some((e) => e.type === 'deadline_escalated')).toBe(true);

    // 3. The inspector works the case, records a first payment and resolves it; the worker is asked.
    expect((await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'investigating' })).status).toBe(200);
    const first = await api('loop.insp', 'POST', `/api/leads/${opened.id}/recoveries`, {
      amountYuan: 8000,
      workersPaid: 3,
      date: '2026-12-01',
    });
    expect(first.status).toBe(201);
    expect((await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'resolved' })).status).toBe(200);
    await w.waitFor(/工资收到了吗/);
    // Satisfaction is never asked before the wages are confirmed.
    expect(w.received.some((t) => /打分|满意/.test(t))).toBe(false);

    // 4. "No": the case goes back to the inspector, marked, with the worker's words, and cannot close as paid.
    await answerOf(w, '还没收到，只发了一点生活费', /退回承办人员/);
    const reopened = await lead(opened.id);
    expect(reopened.status).toBe('investigating');
    expect(reopened.paymentChecks.at(-1)).toMatchObject({ complainantId, answer: 'not_paid', words: '还没收到，只发了一点生活费' });
    await waitFor(async () => (await inbox('loop.insp', opened.id)).some((n) => n.kind === 'worker_reply'), 10_000, 'the reply notice');
    expect((await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'resolved' })).status).toBe(200);
    const refused = await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'payment_disputed' } });

    // 5. Resolving asked the worker again; the inspector takes the case back and the rest is paid.
    await waitFor(async () => w.received.filter((t) => /工资收到了吗/.test(t)).length >= 2, 10_000, 'the question again');
    expect((await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'investigating' })).status).toBe(200);
    const second = await api('loop.insp', 'POST', `/api/leads/${opened.id}/recoveries`, {
      amountYuan: 16000,
      workersPaid: 3,
      date: '2026-12-02',
    });
    expect(second.status).toBe(201);
    await answerOf(w, '收到了，都发齐了', /打分/);
    await answerOf(w, '4分，就是慢了点', /感谢您的评价/);

    // 6. Closed as paid in full, with the worker's confirmation and score on the case.
    expect((await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'resolved' })).status).toBe(200);
    const closed = await api('loop.insp', 'POST', `/api/leads/${opened.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full' });
    expect(closed.status).toBe(200);
    const done = await lead(opened.id);
    expect(done).toMatchObject({ status: 'closed', outcomeCode: 'paid_in_full' });
    expect(done.recoveries.reduce((s, r) => s + r.amountYuan, 0)).toBe(24000);
    expect(done.paymentChecks.at(-1)).toMatchObject({
      answer: 'paid',
      satisfaction: { score: 4, comment: expect.stringContaining('慢了点') },
    });
    expect(done.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['deadline_escalated', 'payment_asked', 'payment_answered', 'satisfaction_rated']),
    );
  });
});
