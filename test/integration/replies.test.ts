import { startWechatHarness } from '../support/wechat-harness';
import { createStaffUser } from '../../src/services/staff-accounts';
import type { Lead } from '../../src/domain/lead';
import type { OutboundMessage } from '../../src/domain/outbound';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

describe('replies and notices go back over the complainant’s own channel', () => {
  let app: TestApp;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    harness = await startWechatHarness(app);
    for (const [name, role] of [
      ['sup', 'supervisor'],
      ['op', 'operator'],
      ['insp', 'inspector'],
    ] as const) {
      tokens[name] = (
        await createStaffUser(
          { staff: app.ctx.repos.staff },
          { username: name, password: 'a-long-test-password', role, area: role === 'inspector' ? '剪市镇' : null },
        )
      ).token;
    }
  });
  afterAll(async () => {
    await harness.stop();
    await app.stop();
  });

  const api = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('when a WeChat worker and a hotline caller complain about one employer, then both are told, each over their channel, and staff replies reach both', async () => {
    const worker = harness.worker('向师傅');
    await worker.say('我在剪市镇的龙腾制衣厂做了四个月，龙腾制衣厂欠我工资一万二没发，就我一个人，电话13900006601');
    await worker.say('确认');

    // The acknowledgement, then the notice with the case number (delivered through the outbound queue).
    const notice = await waitFor(
      async () => worker.received.find((t) => /案件编号 WA\d{8}-\d{4}/.test(t)),
      10_000,
      'the case-number notice',
    );
    const caseNumber = /WA\d{8}-\d{4}/.exec(notice)![0];

    await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: '13900006602',
      transcript: '来电人：剪市镇龙腾制衣厂也欠我工资9000块。',
    });
    const lead = await waitFor(
      async () => {
        const r = await app.ctx.repos.leads.list({ q: caseNumber, page: 1, pageSize: 1 });
        const l = r.items[0];
        return l && l.complaintIds.length === 2 ? l : null;
      },
      10_000,
      'the merged case',
    );

    // The hotline caller's "registered" notice becomes a call-back task (written just after triage).
    const callbacks = await waitFor(
      async () => {
        const r = (await (await api('op', 'GET', '/api/callbacks')).json()) as { items: OutboundMessage[] };
        const mine = r.items.filter((m) => m.leadId === lead.id);
        return mine.length ? mine : null;
      },
      10_000,
      'the call-back task',
    );
    expect(callbacks).toHaveLength(1);

    const reply = await api('insp', 'POST', `/api/leads/${lead.id}/replies`, { text: '您好，我们已联系厂方，请保持电话畅通。' });
    expect(reply.status).toBe(201);
    const sent = ((await reply.json()) as { messages: OutboundMessage[] }).messages;
    expect(sent.map((m) => m.state).sort()).toEqual(['callback_open', 'queued']);
    await waitFor(async () => worker.received.includes('您好，我们已联系厂方，请保持电话畅通。'), 10_000, 'the reply on WeChat');

    const messages = await waitFor(
      async () => {
        const r = (await (await api('insp', 'GET', `/api/leads/${lead.id}/messages`)).json()) as { messages: OutboundMessage[] };
        return r.messages.filter((m) => m.state === 'delivered').length >= 2 ? r.messages : null;
      },
      10_000,
      'delivery records',
    );
    expect(messages.filter((m) => m.kind === 'staff_reply')).toHaveLength(2);

    const task = (await (await api('op', 'GET', '/api/callbacks')).json()) as { items: OutboundMessage[] };
    const replyTask = task.items.find((m) => m.leadId === lead.id && m.kind === 'staff_reply')!;
    expect((await api('op', 'POST', `/api/callbacks/${replyTask.id}/done`, { note: '已电话告知' })).status).toBe(200);
    expect((await api('op', 'POST', `/api/callbacks/${replyTask.id}/done`, {})).status).toBe(409);
    expect((await api('insp', 'GET', '/api/callbacks')).status).toBe(403);

    const final = (await (await api('insp', 'GET', `/api/leads/${lead.id}`)).json()) as Lead;
    const types = final.timeline.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['created', 'complaint_merged', 'notice_sent', 'reply_sent', 'message_delivered', 'callback_outcome']),
    );
  });

  it('when a case changes status, then its WeChat complainants are told', async () => {
    const worker = harness.worker('符大姐');
    await worker.say('剪市镇的金穗米厂欠我两个月工资5600，就我一个，电话13900006603');
    await worker.say('确认');
    const notice = await waitFor(async () => worker.received.find((t) => /WA\d{8}-\d{4}/.test(t)), 10_000, 'notice');
    const caseNumber = /WA\d{8}-\d{4}/.exec(notice)![0];
    const lead = (await app.ctx.repos.leads.list({ q: caseNumber, page: 1, pageSize: 1 })).items[0]!;
    expect(
      (await api('sup', 'POST', `/api/leads/${lead.id}/status`, { to: 'rejected', rejectReason: 'insufficient_information' })).status,
    ).toBe(200);
    await waitFor(async () => worker.received.some((t) => t.includes(caseNumber) && t.includes('不予受理')), 10_000, 'the status notice');
  });
});
