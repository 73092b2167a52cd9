import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';

interface Actor {
  id: string;
  token: string;
}

/** Whether the wages arrived, asked of the worker; satisfaction only after their "yes"; a case not closed as paid against their "no". */
describe('payment confirmed by the worker', () => {
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  const staff: Record<string, Actor> = {};

  const call = (who: Actor, path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const lead = async (id: string) => (await app.ctx.repos.leads.get(id))!;
  /** The worker's message after the bot's questions: skips the first-contact notice if the bot sends one. */
  const complain = async (w: ReturnType<typeof harness.worker>, text: string): Promise<Lead> => {
    await w.say(text);
    await waitFor(async () => w.received.find((t) => t.includes('请核对')));
    await w.say('确认');
    const cid = await waitFor(async () => app.ctx.repos.complainants.findId('wechat', w.id));
    const found = await waitFor(async () => (await app.ctx.repos.leads.listByComplainant(cid))[0]);
    await w.waitFor(/案件编号/);
    return found;
  };

  beforeAll(async () => {
    app = await startTestApp();
    harness = await startWechatHarness(app);
    for (const [name, role, area] of [
      ['sup', 'supervisor', null],
      ['insp', 'inspector', '漳江街道'],
    ] as const) {
      const { user, token } = await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: name, password: 'a-long-test-password', role, area },
      );
      staff[name] = { id: user.id, token };
    }
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
  });

  it('when payments are recorded, then the worker is asked; a "no" keeps the case from closing as paid; a "yes" brings the satisfaction question', async () => {
    const w = harness.worker('向师傅');
    const c = await complain(w, '我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资8000元，就我一个人，电话13900005111');
    const insp = staff.insp!;
    expect((await call(staff.sup!, `/api/leads/${c.id}/assign`, { assigneeId: insp.id })).status).toBe(200);
    expect((await call(insp, `/api/leads/${c.id}/status`, { to: 'investigating' })).status).toBe(200);
    expect((await call(insp, `/api/leads/${c.id}/recoveries`, { amountYuan: 3000, workersPaid: 1, date: '2026-12-01' })).status).toBe(201);
    await w.waitFor(/工资收到了吗/);

    expect(await w.say('只收到一部分，还差五千')).toEqual([expect.stringContaining('退回承办人员')]);
    expect((await lead(c.id)).paymentChecks.at(-1)).toMatchObject({ answer: 'part', words: '只收到一部分，还差五千' });
    // The inspector's inbox says the worker answered.
    const inbox = await fetch(`${app.url}/api/notifications`, { headers: { authorization: `Bearer ${insp.token}` } });
    expect(((await inbox.json()) as { items: { kind: string; leadId: string }[] }).items).toContainEqual(
      expect.objectContaining({ kind: 'worker_reply', leadId: c.id }),
    );
    expect((await call(insp, `/api/leads/${c.id}/status`, { to: 'resolved' })).status).toBe(200);
    const disputed = await call(insp, `/api/leads/${c.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full' });
    expect(disputed.status).toBe(409);
    expect(await disputed.json()).toMatchObject({ error: { code: 'payment_disputed' } });

    // Resolving asked again; the worker still says no: the case goes back to the inspector.
    await waitFor(async () => w.received.filter((t) => /工资收到了吗/.test(t)).length === 2);
    await w.say('没有收到');
    expect((await lead(c.id)).status).toBe('investigating');

    expect((await call(insp, `/api/leads/${c.id}/recoveries`, { amountYuan: 5000, workersPaid: 1, date: '2026-12-02' })).status).toBe(201);
    await waitFor(async () => w.received.filter((t) => /工资收到了吗/.test(t)).length === 3);
    expect(await w.say('收到了')).toEqual([expect.stringContaining('打分')]);
    expect(await w.say('5 处理得很快')).toEqual([expect.stringContaining('感谢您的评价')]);
    const paid = await lead(c.id);
    expect(paid.paymentChecks.at(-1)).toMatchObject({ answer: 'paid', satisfaction: { score: 5, comment: '处理得很快' } });
    expect((await call(insp, `/api/leads/${c.id}/status`, { to: 'resolved' })).status).toBe(200);
    expect((await call(insp, `/api/leads/${c.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full' })).status).toBe(200);
    // Every answer and score is on the timeline; the worker started no new complaint by answering.
    const types = (await lead(c.id)).timeline.map((e) => e.type);
    expect(types.filter((t) => t === 'payment_answered')).toHaveLength(3);
    expect(types).toContain('satisfaction_rated');
    expect(await app.ctx.repos.leads.listByComplainant((await app.ctx.repos.complainants.findId('wechat', w.id))!)).toHaveLength(1);
  });

  it('when a supervisor closes as paid against a worker’s "no", then only with a reason, and it is audited', async () => {
    const w = harness.worker('田师傅');
    const c = await complain(w, '我在漳江街道金桥超市做事，老板欠我两个月工资6000元，电话13900005112');
    const sup = staff.sup!;
    await call(sup, `/api/leads/${c.id}/assign`, { assigneeId: staff.insp!.id });
    await call(staff.insp!, `/api/leads/${c.id}/status`, { to: 'investigating' });
    await call(staff.insp!, `/api/leads/${c.id}/recoveries`, { amountYuan: 6000, workersPaid: 1, date: '2026-12-01' });
    await w.waitFor(/工资收到了吗/);
    await w.say('3');
    await call(staff.insp!, `/api/leads/${c.id}/status`, { to: 'resolved' });
    expect(
      (
        await call(staff.insp!, `/api/leads/${c.id}/status`, {
          to: 'closed',
          outcomeCode: 'paid_in_full',
          override: true,
          note: '银行流水显示已付',
        })
      ).status,
    ).toBe(409);
    expect((await call(sup, `/api/leads/${c.id}/status`, { to: 'closed', outcomeCode: 'paid_in_full', override: true })).status).toBe(409);
    expect(
      (
        await call(sup, `/api/leads/${c.id}/status`, {
          to: 'closed',
          outcomeCode: 'paid_in_full',
          override: true,
          note: '银行流水显示已付',
        })
      ).status,
    ).toBe(200);
    expect((await app.ctx.repos.audit.latest(5)).map((e) => e.action)).toContain('payment_dispute_overridden');
  });

  it('when a worker replies to a staff message, then the reply is attached to the case, not opened as a new complaint', async () => {
    const w = harness.worker('龙大姐');
    const c = await complain(w, '我在漳江街道宏发建材店做事，老板欠我工资4000元，电话13900005113');
    await call(staff.sup!, `/api/leads/${c.id}/replies`, { text: '您好，我们明天去店里核实，请保持电话畅通。' });
    await w.waitFor(/明天去店里核实/);
    expect(await w.say('好的，我明天上午都在')).toEqual([expect.stringContaining('已转给承办人员')]);
    const after = await lead(c.id);
    expect(after.timeline).toContainEqual(
      expect.objectContaining({ type: 'worker_reply', note: expect.stringContaining('我明天上午都在') }),
    );
    expect(
      (await app.ctx.repos.complaints.listForReview({ states: ['pending'], channel: 'wechat', page: 1, pageSize: 50 })).items.filter(
        (x) => x.sender.channelUserId === w.id,
      ),
    ).toEqual([]);
  });

  it('when a hotline caller’s case is paid, then an operator gets a call-back task with the same question', async () => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: '13900005114',
      transcript: '来电人：我在漳江街道滨湖小区工地做泥工，宏远建筑劳务公司欠我工资7000元。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId);
    await call(staff.sup!, `/api/leads/${leadId}/recoveries`, { amountYuan: 7000, workersPaid: 1, date: '2026-12-01' });
    const task = await waitFor(async () =>
      (await app.ctx.repos.outbound.listForLead(leadId)).find((m) => m.kind === 'payment_question' && m.state === 'callback_open'),
    );
    expect(task.text).toContain('工资收到了吗');

    // The operator calls: the caller says the money has not come; the answer goes on the case as in chat.
    const called = await call(staff.sup!, `/api/callbacks/${task.id}/outcome`, { outcome: 'says_not_paid', note: '说只拿到两千' });
    expect(called.status).toBe(200);
    const after = await lead(leadId);
    expect(after.paymentChecks.at(-1)).toMatchObject({ via: 'callback', answer: 'not_paid', words: '说只拿到两千' });
    expect(after.timeline.some((e) => e.type === 'payment_answered' && e.actor === staff.sup!.id)).toBe(true);
  });
});
