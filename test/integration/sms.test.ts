import { leadRoutesPort } from '../../src/composition/cases';
import { createLogger } from '../../src/infra/logger';
import type { Lead } from '../../src/domain/lead';
import type { OutboundMessage } from '../../src/domain/outbound';
import { createStaffUser } from '../../src/services/staff-accounts';
import { captureLog } from '../support/capture-log';
import { startFakeSmsGateway, type FakeSmsGateway } from '../support/fake-sms-gateway';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

/** Hotline callers with a mobile number get the case number and staff replies by SMS when a gateway is configured. */
describe('text messages (SMS) to callers without a chat channel', () => {
  let app: TestApp;
  let fake: FakeSmsGateway;
  const log = captureLog();

  beforeAll(async () => {
    fake = await startFakeSmsGateway();
    app = await startTestApp({
      config: testConfig({
        SMS_GATEWAY_URL: fake.url,
        SMS_API_KEY: 'sms-test-key-0001',
        SMS_SIGN_NAME: '桃源县人社局',
        SMS_TEMPLATE_CASE_NOTICE: 'SMS_900001',
        SMS_TEMPLATE_STAFF_REPLY: 'SMS_900002',
        SMS_TIMEOUT_MS: '400',
        SMS_ATTEMPTS: '2',
      }),
      log: createLogger('info', {}, log.sink),
    });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  /** A hotline caller's complaint, triaged into a case. */
  async function hotlineCase(phone: string, employer: string): Promise<Lead> {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: phone,
      transcript: `来电人：我在漳江街道${employer}做工，老板欠我们3个人工资共2万6千元，一直拖着不给。`,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
    return (await app.ctx.repos.leads.get(leadId))!;
  }
  const requestsTo = (phone: string) => fake.requests.filter((r) => r.body.phone === phone);
  const messageOf = async (leadId: string, kind: OutboundMessage['kind'], state: OutboundMessage['state']) =>
    waitFor(
      async () => (await app.ctx.repos.outbound.listForLead(leadId)).find((m) => m.kind === kind && m.state === state),
      15_000,
      `a ${kind} in state ${state}`,
    );
  const timeline = async (leadId: string) => (await app.ctx.repos.leads.get(leadId))!.timeline;

  it('when a hotline caller’s case is registered, then the case number goes by SMS, is recorded as delivered, and no call-back task is opened', async () => {
    const phone = '13900008801';
    const lead = await hotlineCase(phone, '宏达五金厂');
    const [request] = await waitFor(async () => (requestsTo(phone).length ? requestsTo(phone) : null), 10_000, 'the SMS');
    expect(request!.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      phone,
      signName: '桃源县人社局',
      template: 'SMS_900001',
      params: { caseNumber: lead.caseNumber, text: request!.body.text },
      text: `您反映的欠薪问题已登记，案件编号 ${lead.caseNumber}。我们会尽快核实处理。`,
      kind: 'case_notice',
    });
    expect(request!.authorization).toBe('Bearer sms-test-key-0001');
    expect(request!.idempotencyKey).toBe(request!.body.id);

    const message = await messageOf(lead.id, 'case_notice', 'delivered');
    expect(message.id).toBe(request!.body.id);
    await waitFor(async () => (await timeline(lead.id)).some((e) => e.type === 'message_delivered'), 10_000, 'the delivery entry');
    const events = await timeline(lead.id);
    expect(events.find((e) => e.type === 'notice_sent')!.note).toContain('短信发送 1 人');
    expect(events.find((e) => e.type === 'message_delivered')!.note).toBe('已通过短信送达（进展通知）');
    expect((await app.ctx.repos.outbound.listOpenCallbacks()).filter((t) => t.leadId === lead.id)).toHaveLength(0);

    // The number went to the gateway, and only masked into the log.
    const lines = log.lines.join('');
    expect(lines).toContain('SMS accepted by the gateway');
    expect(lines).toContain('139****8801');
    expect(lines).not.toContain(phone);
  });

  it('when a staff member replies to the caller, then the reply goes by SMS with the reply template, after the notice', async () => {
    const phone = '13900008802';
    const lead = await hotlineCase(phone, '顺丰木器加工坊');
    const { user } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('sup'), password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    await leadRoutesPort(app.ctx).replyToComplainants(user, lead.id, { text: '已联系老板，本周五前结清，请保持电话畅通。' });
    await waitFor(async () => requestsTo(phone).length >= 2, 10_000, 'both texts');
    expect(requestsTo(phone).map((r) => [r.body.kind, r.body.template])).toEqual([
      ['case_notice', 'SMS_900001'],
      ['staff_reply', 'SMS_900002'],
    ]);
    expect(requestsTo(phone)[1]!.body.text).toBe('已联系老板，本周五前结清，请保持电话畅通。');
    const reply = await messageOf(lead.id, 'staff_reply', 'delivered');
    expect(reply.deliveredAt).not.toBeNull();
    expect((await timeline(lead.id)).find((e) => e.type === 'reply_sent')!.note).toContain('短信发送 1 人');
  });

  it('when the gateway fails every time, then after its retries the message becomes a call-back task and the timeline says so', async () => {
    const phone = '13900008803';
    fake.answers.set(phone, ['fail']);
    const lead = await hotlineCase(phone, '金穗米厂');
    const task = await messageOf(lead.id, 'case_notice', 'callback_open');
    expect(requestsTo(phone)).toHaveLength(2); // SMS_ATTEMPTS
    expect(task.error).toBe('the SMS gateway answered HTTP 500 (isp.SYSTEM_ERROR)');
    const open = (await app.ctx.repos.outbound.listOpenCallbacks()).find((t) => t.id === task.id)!;
    expect(open).toMatchObject({ attempts: 0, outcomes: [] });
    expect(open.dueBy).not.toBeNull();
    const failed = await waitFor(async () => (await timeline(lead.id)).find((e) => e.type === 'delivery_failed'), 10_000, 'the entry');
    expect(failed.note).toBe('短信未能送达：the SMS gateway answered HTTP 500 (isp.SYSTEM_ERROR)；已转为电话回访任务');
    const lines = log.lines.join('');
    expect(lines).toContain('139****8803');
    expect(lines).not.toContain(phone); // nor the gateway's words, which repeat it
  });

  it('when the gateway refuses the number, then the call-back task is opened at once, without a retry', async () => {
    const phone = '13900008804';
    fake.answers.set(phone, ['refuse']);
    const lead = await hotlineCase(phone, '恒通石材厂');
    const task = await messageOf(lead.id, 'case_notice', 'callback_open');
    expect(task.error).toBe('the SMS gateway answered HTTP 400 (isv.MOBILE_NUMBER_ILLEGAL)');
    expect(requestsTo(phone)).toHaveLength(1);
  });

  it('when the gateway is too slow, then the request times out and the retry, with the same id, delivers it', async () => {
    const phone = '13900008805';
    fake.answers.set(phone, ['slow', 'ok']);
    const lead = await hotlineCase(phone, '龙腾制衣厂');
    await messageOf(lead.id, 'case_notice', 'delivered');
    const [first, second] = requestsTo(phone);
    expect(second!.body.id).toBe(first!.body.id);
    expect(log.lines.join('')).toContain('SMS gateway not reached');
  });

  it('when a caller gave only a landline, then an operator calls back as before', async () => {
    const lead = await hotlineCase('0736-7221234', '华联超市');
    const task = await messageOf(lead.id, 'case_notice', 'callback_open');
    expect(task.error).toBeNull();
    expect(fake.requests.some((r) => r.body.params.caseNumber === lead.caseNumber)).toBe(false);
  });
});
