import { deadlineJobId } from '../../queues/jobs';
import { deadlineWorkerPort } from '../../src/composition/cases';
import { sweepPort } from '../../src/composition/triage';
import { staffNotifier, workerReplyNotifier } from '../../src/composition/notifications';
import type { StaffNotification } from '../../src/domain/notification';
import type { StaffRole } from '../../src/domain/staff';
import { sendStaffNotice } from '../../src/services/notifications';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startFakeWechatApi, type FakeWechatApi } from '../support/fake-wechat-api';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

const PASSWORD = 'a-long-test-password';
const AGENT_ID = 1000007;

interface Member {
  id: string;
  token: string;
}

describe('staff notifications: the inbox, WeCom app messages and the second escalation', () => {
  let app: TestApp;
  let fake: FakeWechatApi;
  const staff: Record<string, Member> = {};

  beforeAll(async () => {
    fake = await startFakeWechatApi();
    // WeCom for sending only: no callback Token or EncodingAESKey.
    app = await startTestApp({
      config: testConfig({
        WECOM_CORP_ID: 'ww00000000notice01',
        WECOM_SECRET: 'fake-notice-secret-0001',
        WECOM_AGENT_ID: String(AGENT_ID),
        WECOM_API_BASE_URL: fake.baseUrl,
        ESCALATION_HEADS: 'head.wang',
      }),
    });
    const make = async (username: string, role: StaffRole, area: string | null, wecomUserId: string | null) => {
      const { user, token } = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: PASSWORD, role, area });
      if (wecomUserId) await app.ctx.repos.staff.update(user.id, { wecomUserId });
      staff[username] = { id: user.id, token };
    };
    await make('sup.lt', 'supervisor', '龙潭镇', 'LiuKeZhang');
    await make('insp.lt', 'inspector', '龙潭镇', 'ZhouJianCha');
    await make('insp.lt2', 'inspector', '龙潭镇', null);
    await make('sup.county', 'supervisor', null, null);
    await make('insp.zj', 'inspector', '漳江街道', 'WuJianCha');
    await make('head.wang', 'admin', null, 'WangJuZhang');
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const notices = async (username: string): Promise<StaffNotification[]> =>
    (await app.ctx.repos.notifications.listFor(staff[username]!.id, { unreadOnly: false, skip: 0, limit: 100 })).items;
  const of = async (username: string, leadId: string, kind?: StaffNotification['kind']) =>
    (await notices(username)).filter((n) => n.leadId === leadId && (!kind || n.kind === kind));

  const api = async <T>(as: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${staff[as]!.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

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

  /** Moves a deadline of the case: the test's clock. */
  const setDeadlines = async (leadId: string, set: Record<string, Date>) => {
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    // As the only writer of the case: on FerretDB a write beside another's can be lost without the case's lock.
    return (await app.ctx.repos.leads.mutate(leadId, () =>
      app.ctx.repos.leads.applyChange(leadId, lead.status, set, {
        at: new Date(),
        type: 'test_clock',
        actor: 'test',
        note: null,
        changes: [],
      }),
    ))!;
  };

  const wecomTo = (userId: string, caseNumber: string) => fake.sent.filter((m) => m.touser === userId && m.content.includes(caseNumber));

  it('when a case opens in a township, then its inspectors and supervisors are told once, in the inbox and on WeCom', async () => {
    const leadId = await openCase('来电人：龙潭镇的兴隆木材厂欠我工资5000元，电话13900006601。');
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    for (const who of ['sup.lt', 'insp.lt', 'insp.lt2'])
      await waitFor(async () => (await of(who, leadId, 'case_opened')).length === 1, 10_000, `${who} told of the new case`);
    // The township has a supervisor: the county-wide one and other townships' inspectors are not told.
    expect(await of('sup.county', leadId)).toEqual([]);
    expect(await of('insp.zj', leadId)).toEqual([]);
    const [n] = await of('insp.lt', leadId);
    expect(n).toMatchObject({ kind: 'case_opened', caseNumber: lead.caseNumber, readAt: null });
    expect(n!.text).toContain(lead.caseNumber);
    expect(n!.text).toContain('龙潭镇');

    // WeCom app messages to those with a UserID, naming the case, never the complainant's number.
    const sent = await waitFor(
      async () => (wecomTo('ZhouJianCha', lead.caseNumber).length && wecomTo('LiuKeZhang', lead.caseNumber).length ? fake.sent : null),
      10_000,
      'the WeCom messages',
    );
    const mine = sent.filter((m) => m.content.includes(lead.caseNumber));
    expect(mine.every((m) => m.path === '/cgi-bin/message/send' && m.agentid === AGENT_ID)).toBe(true);
    expect(mine.map((m) => m.content).join('\n')).not.toMatch(/13900006601|6601/);
    expect(wecomTo('WuJianCha', lead.caseNumber)).toEqual([]);
    await waitFor(async () => (await of('insp.lt', leadId))[0]?.wecom === 'sent', 10_000, 'the copy marked sent');
    expect((await of('insp.lt2', leadId))[0]?.wecom).toBe('none');

    // Triage run again on the same complaint: nobody is told twice.
    await staffNotifier(app.ctx)({ kind: 'case_opened', lead });
    expect(await of('insp.lt', leadId)).toHaveLength(1);
    expect(wecomTo('ZhouJianCha', lead.caseNumber)).toHaveLength(1);
  });

  it('when a supervisor assigns a case, then the assignee is told', async () => {
    const leadId = await openCase('来电人：龙潭镇的青松竹器厂欠我工资3000元，电话13900006602。');
    expect((await api('sup.lt', 'POST', `/api/leads/${leadId}/assign`, { assigneeId: staff['insp.lt']!.id })).status).toBe(200);
    const [n] = await of('insp.lt', leadId, 'assigned');
    expect(n?.text).toContain('已指派给您承办');
    expect(await of('insp.lt2', leadId, 'assigned')).toEqual([]);
    expect(await of('sup.lt', leadId, 'assigned')).toEqual([]);
  });

  it('when a deadline passes undone, then the assignee and the supervisors are told and WeCom carries it; a retried check tells no one twice', async () => {
    const leadId = await openCase('来电人：龙潭镇的红旗砖厂欠我们三个人工资共1万2，电话13900006603。');
    expect((await api('sup.lt', 'POST', `/api/leads/${leadId}/assign`, { assigneeId: staff['insp.lt']!.id })).status).toBe(200);
    const lead = await setDeadlines(leadId, { 'deadlines.contactBy': new Date(Date.now() - 3_600_000) });

    const check = { leadId, step: 'contact', phase: 'escalate' } as const;
    expect(await deadlineWorkerPort(app.ctx).checkDeadline(check)).toBe('escalated');
    expect(await deadlineWorkerPort(app.ctx).checkDeadline(check)).toBe('escalated'); // the job retried
    for (const who of ['insp.lt', 'sup.lt']) expect(await of(who, leadId, 'deadline_escalated')).toHaveLength(1);
    expect(await of('insp.lt2', leadId, 'deadline_escalated')).toEqual([]);
    expect(await of('sup.county', leadId, 'deadline_escalated')).toEqual([]);
    expect((await of('sup.lt', leadId, 'deadline_escalated'))[0]!.text).toContain('首次联系投诉人已超期');
    const timeline = (await app.ctx.repos.leads.get(leadId))!.timeline.filter((e) => e.type === 'deadline_escalated');
    expect(timeline).toHaveLength(1);

    const escalated = (m: { content: string }) => m.content.includes('已超期');
    await waitFor(
      async () => wecomTo('ZhouJianCha', lead.caseNumber).some(escalated) && wecomTo('LiuKeZhang', lead.caseNumber).some(escalated),
      10_000,
      'the escalation on WeCom',
    );
    // Every WeCom job of the case has finished: still one message each.
    await waitFor(
      async () =>
        (await of('sup.lt', leadId)).every((n) => n.wecom === 'sent') && (await of('insp.lt', leadId)).every((n) => n.wecom === 'sent'),
      10_000,
      'the copies sent',
    );
    expect(wecomTo('ZhouJianCha', lead.caseNumber).filter(escalated)).toHaveLength(1);
    expect(wecomTo('LiuKeZhang', lead.caseNumber).filter(escalated)).toHaveLength(1);
  });

  it('when a case without a township is escalated, then the county-wide supervisors are told', async () => {
    const leadId = await openCase('来电人：宏发装饰公司欠我工资8000元，电话13900006604。');
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    expect(lead.area).toBeNull();
    await setDeadlines(leadId, { 'deadlines.acceptBy': new Date(Date.now() - 3_600_000) });
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'accept', phase: 'escalate' })).toBe('escalated');
    expect(await of('sup.county', leadId, 'deadline_escalated')).toHaveLength(1);
    expect(await of('sup.lt', leadId)).toEqual([]);
  });

  it('when a step is still undone the configured working days after its escalation, then the chain escalates it again to the heads', async () => {
    const leadId = await openCase('来电人：龙潭镇的金星石材厂欠我工资6000元，电话13900006605。');
    expect((await api('sup.lt', 'POST', `/api/leads/${leadId}/assign`, { assigneeId: staff['insp.lt']!.id })).status).toBe(200);
    // Two weeks on, nobody has called the worker.
    const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000);
    const lead = await setDeadlines(leadId, {
      'deadlines.acceptBy': twoWeeksAgo,
      'deadlines.contactBy': twoWeeksAgo,
      'deadlines.closeBy': new Date(Date.now() + 30 * 86_400_000),
    });
    for (const j of await app.ctx.deadlineQueue.queue.getDelayed()) if (j.data.leadId === leadId) await j.remove();
    await app.ctx.deadlineQueue.schedule(lead);

    const [head] = await waitFor(
      async () => {
        const got = await of('head.wang', leadId, 'deadline_second_escalation');
        return got.length ? got : null;
      },
      15_000,
      'the second escalation',
    );
    expect(head!.text).toContain('已提请局领导督办');
    expect(head!.text).toContain('首次联系投诉人');
    // The first level went to the assignee and the supervisor; the second only to the head.
    expect(await of('sup.lt', leadId, 'deadline_second_escalation')).toEqual([]);
    expect(await of('insp.lt', leadId, 'deadline_escalated')).toHaveLength(1);
    const types = (await app.ctx.repos.leads.get(leadId))!.timeline.map((e) => e.type);
    expect(types.filter((t) => t === 'deadline_second_escalation')).toHaveLength(1);
    await waitFor(async () => wecomTo('WangJuZhang', lead.caseNumber).length === 1, 10_000, 'the head’s WeCom message');
    // The close step's checks are next in the chain; run again, the second escalation tells nobody twice.
    await waitFor(
      () => app.ctx.deadlineQueue.queue.getJob(deadlineJobId({ leadId, step: 'close', phase: 'remind' })),
      10_000,
      'the next check',
    );
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'contact', phase: 'second_escalation' })).toBe(
      'escalated_to_heads',
    );
    expect(await of('head.wang', leadId, 'deadline_second_escalation')).toHaveLength(1);
    // Once the worker has been called, the step is done and nothing more goes up.
    expect((await api('insp.lt', 'POST', `/api/leads/${leadId}/status`, { to: 'investigating' })).status).toBe(200);
    expect(await deadlineWorkerPort(app.ctx).checkDeadline({ leadId, step: 'contact', phase: 'second_escalation' })).toBe('done');
  });

  it('when a worker replies on a case, then its assignee is told once, or the supervisors while it is unassigned', async () => {
    const assigned = await openCase('来电人：龙潭镇的顺风物流欠我工资4000元，电话13900006606。');
    expect((await api('sup.lt', 'POST', `/api/leads/${assigned}/assign`, { assigneeId: staff['insp.lt']!.id })).status).toBe(200);
    const unassigned = await openCase('来电人：龙潭镇的东方纸箱厂欠我工资3500元，电话13900006607。');
    const tell = workerReplyNotifier(app.ctx);
    expect(await tell({ leadId: assigned, replyId: 'msg-0001' })).toBe(1);
    expect(await tell({ leadId: assigned, replyId: 'msg-0001' })).toBe(1); // the same reply again
    expect(await of('insp.lt', assigned, 'worker_reply')).toHaveLength(1);
    expect(await of('sup.lt', assigned, 'worker_reply')).toEqual([]);
    await tell({ leadId: unassigned, replyId: 'msg-0002' });
    expect(await of('sup.lt', unassigned, 'worker_reply')).toHaveLength(1);
    expect(await tell({ leadId: '0123456789abcdef01234567', replyId: 'msg-0003' })).toBe(0);
  });

  it('when WeCom refuses a notice for good, then the failure is logged and the notice stays in the inbox, marked failed', async () => {
    const leadId = await openCase('来电人：龙潭镇的长江水泥厂欠我工资7000元，电话13900006608。');
    await waitFor(async () => (await of('sup.lt', leadId, 'case_opened')).length === 1, 10_000, 'the notice');
    const lead = (await app.ctx.repos.leads.get(leadId))!;
    // A notice whose copy is still to be sent, as the job finds it on its last attempt.
    const [n] = await app.ctx.repos.notifications.addForEvent(
      {
        eventKey: uniqueName('probe'),
        kind: 'worker_reply',
        leadId,
        caseNumber: lead.caseNumber,
        text: `案件 ${lead.caseNumber} 测试。`,
        at: new Date(),
      },
      [{ id: staff['sup.lt']!.id, wecom: 'queued' }],
    );
    const warnings: string[] = [];
    const deps = {
      notifications: app.ctx.repos.notifications,
      staff: app.ctx.repos.staff,
      sendWecom: async () => {
        throw new Error('the wecom message API refused the message (60020)');
      },
      warn: (_d: Record<string, unknown>, message: string) => void warnings.push(message),
    };
    await expect(sendStaffNotice(deps, n!.id, { finalAttempt: false })).rejects.toThrow(/60020/);
    expect((await app.ctx.repos.notifications.get(n!.id))?.wecom).toBe('queued');
    await expect(sendStaffNotice(deps, n!.id, { finalAttempt: true })).rejects.toThrow(/60020/);
    expect(await app.ctx.repos.notifications.get(n!.id)).toMatchObject({ wecom: 'failed', readAt: null });
    expect(warnings).toHaveLength(1);
    // Nothing more is tried for it.
    expect(await sendStaffNotice({ ...deps, sendWecom: async () => undefined }, n!.id, { finalAttempt: false })).toBe('skipped');
  });

  it('when staff read their notices through the API, then unread ones filter, one is marked read, all are, and another’s is not found', async () => {
    type Page = { items: StaffNotification[]; total: number; unread: number };
    const before = (await api<Page>('insp.lt', 'GET', '/api/notifications?unread=true')).body;
    expect(before.unread).toBeGreaterThanOrEqual(3);
    expect(before.items.every((n) => n.readAt === null && n.recipientId === staff['insp.lt']!.id)).toBe(true);
    const times = before.items.map((n) => Date.parse(n.at as unknown as string));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const first = before.items[0]!;
    const read = await api<StaffNotification>('insp.lt', 'POST', `/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await api<StaffNotification>('insp.lt', 'POST', `/api/notifications/${first.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt); // the first reading is kept
    const after = (await api<Page>('insp.lt', 'GET', '/api/notifications?unread=true')).body;
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.map((n) => n.id)).not.toContain(first.id);
    expect((await api<Page>('insp.lt', 'GET', '/api/notifications')).body.items.map((n) => n.id)).toContain(first.id);

    expect((await api('sup.lt', 'POST', `/api/notifications/${after.items[0]!.id}/read`)).status).toBe(404);
    expect((await api<{ marked: number }>('insp.lt', 'POST', '/api/notifications/read-all')).body).toEqual({ marked: after.unread });
    expect((await api<Page>('insp.lt', 'GET', '/api/notifications?unread=true')).body).toMatchObject({ items: [], unread: 0 });
    expect((await api('insp.lt', 'GET', '/api/notifications?unread=maybe')).status).toBe(400);
  });

  it('when a WeCom copy was written but never queued (the queue was down), then the sweep sends it once', async () => {
    const [n] = await app.ctx.repos.notifications.addForEvent(
      {
        eventKey: uniqueName('lost-copy'),
        kind: 'assigned',
        leadId: '6b10a0000000000000000001',
        caseNumber: 'WA20261201-9001',
        text: '案件 WA20261201-9001 已指派给您。',
        at: new Date(),
      },
      [{ id: staff['insp.lt']!.id, wecom: 'queued' }],
    );
    expect(await sweepPort(app.ctx).sweepOutbound(60_000)).toBe(0);
    expect(await sweepPort(app.ctx).sweepOutbound(0)).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await app.ctx.repos.notifications.get(n!.id))?.wecom === 'sent', 10_000, 'the copy sent');
    await sweepPort(app.ctx).sweepOutbound(0);
    expect(wecomTo('ZhouJianCha', 'WA20261201-9001')).toHaveLength(1);
  });
});
