import { Types } from 'mongoose';
import { acceptPort, wechatBotPort } from '../../src/composition/intake';
import { leadRoutesPort } from '../../src/composition/cases';
import { retentionPort } from '../../src/composition/privacy';
import type { Complaint } from '../../src/domain/complaint';
import { TEXT_REMOVED } from '../../src/domain/privacy';
import { createLogger } from '../../src/infra/logger';
import { startWorkerRole } from '../../src/roles/worker-role';
import { createStaffUser } from '../../src/services/staff-accounts';
import { captureLog } from '../support/capture-log';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('retention: personal data past its period is erased or anonymised by the worker, figures stay', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const oid = (id: string) => new Types.ObjectId(id);
  const complaint = (id: string) => waitFor(async () => (await app.ctx.repos.complaints.get(id)) ?? null);
  const triaged = (id: string) =>
    waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(id);
      return c?.disposition ? c : null;
    });

  /** A chat worker who sends a photo, the complaint and 确认: their case. */
  async function chatCase(name: string, text: string): Promise<{ contactId: string; complaint: Complaint }> {
    const bot = wechatBotPort(app.ctx);
    const contactId = uniqueName('wxid');
    const msg = (t: string) => ({ id: uniqueName('m'), contactId, contactName: name, text: t, at: new Date() });
    await bot.handleFile({ contactId, name: '欠条.png', mime: 'image/png', data: PNG });
    expect((await bot.handleMessage(msg(text)))[0]).toContain('请核对');
    await bot.handleMessage(msg('确认'));
    const c = await waitFor(async () => {
      const all = await app.ctx.repos.complaints.listBySender('wechat', { channelUserId: contactId });
      return all[0]?.leadId ? all[0] : null;
    });
    return { contactId, complaint: c };
  }

  /** A call the hotline desk entered for a caller: a case, or a complaint in review. */
  async function deskCall(text: string, caller: { name: string; phone: string }): Promise<Complaint> {
    const { complaintId } = await acceptPort(app.ctx).acceptComplaint({
      channel: 'phone',
      dedupKey: uniqueName('desk'),
      sender: { channelUserId: null, name: caller.name, phone: caller.phone },
      operator: 'desk.op',
      text,
      turns: [],
      receivedAt: new Date(),
    });
    return triaged(complaintId);
  }

  const close = (leadId: string, days: number) =>
    app.ctx.db
      .collection('leads')
      .updateOne({ _id: oid(leadId) }, { $set: { status: 'closed', outcomeCode: 'paid_in_full', closedAt: daysAgo(days) } });

  it('when dates are moved past each period and the worker sweeps, then non-leads, evidence, old cases and stray files lose their personal data, the figures stay, and the counts are logged', async () => {
    const { user: admin } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('admin'), password: 'a-long-test-password', role: 'admin', area: null },
    );
    // A case closed 400 days ago: past the evidence period (365), not the case period (1095).
    const recent = await chatCase('符永旺', '我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资8000元，就我一个人，电话13900007701');
    // A case closed 1200 days ago, with a reply that names the worker and a number.
    const old = await chatCase('覃春生', '我叫覃春生，在陬市镇恒兴纸箱厂做事，恒兴纸箱厂欠我工资7600元，就我一个人，电话13900007702');
    const oldLeadId = old.complaint.leadId!;
    await leadRoutesPort(app.ctx).replyToComplainants(admin, oldLeadId, { text: '覃春生您好，请带欠条来大队，电话13900007799' });
    // One caller, two cases: the old one closed long ago, the other still open.
    const caller = { name: '滕秋菊', phone: '13900007703' };
    const closedCall = await deskCall('我在桃花源镇桃花源酒店做服务员，桃花源酒店欠我三个月工资9000元，就我一个人', caller);
    const openCall = await deskCall('我在热市镇金穗米厂打包装，金穗米厂欠我工资4500元，就我一个人', caller);
    expect(closedCall.leadId).not.toBe(openCall.leadId);
    // Complaints that never became a case: one reviewed long ago, one still waiting for review.
    const consult = await deskCall('请问劳动仲裁怎么申请？我是王建国，电话13900007704', { name: '王建国', phone: '13900007704' });
    const pending = await deskCall('请问工伤认定去哪里办？电话13900007705', { name: '龚师傅', phone: '13900007705' });
    // A photo that never reached a complaint, and a raw Official Account delivery, both long ago.
    const stray = await app.ctx.repos.evidence.add({
      channel: 'wechat',
      channelUserId: 'wxid_stray',
      name: 'a.png',
      mime: 'image/png',
      data: PNG,
    });
    const fresh = await app.ctx.repos.evidence.add({
      channel: 'wechat',
      channelUserId: 'wxid_fresh',
      name: 'b.png',
      mime: 'image/png',
      data: PNG,
    });
    const { message: inbound } = await app.ctx.repos.inbound.insertOnce({
      channel: 'wechat_oa',
      key: uniqueName('msg'),
      contactId: 'oPrivacyTest',
      msgType: 'text',
      text: '你好',
      mediaId: null,
      event: null,
      at: new Date(),
    });
    await app.ctx.repos.inbound.markHandled(inbound.id, ['您好']);

    await close(recent.complaint.leadId!, 400);
    await close(oldLeadId, 1200);
    await close(closedCall.leadId!, 1200);
    const complaints = app.ctx.db.collection('complaints');
    await complaints.updateOne({ _id: oid(consult.id) }, { $set: { 'review.state': 'confirmed', receivedAt: daysAgo(200) } });
    await complaints.updateOne({ _id: oid(pending.id) }, { $set: { receivedAt: daysAgo(200) } });
    await app.ctx.db.collection('evidence').updateOne({ _id: oid(stray) }, { $set: { createdAt: daysAgo(200) } });
    await app.ctx.db.collection('inbound_messages').updateOne({ _id: oid(inbound.id) }, { $set: { createdAt: daysAgo(200) } });

    // The worker's sweep: it claims the day's run (the app's own worker claimed it at start), applies and logs.
    await app.ctx.redis.del(`${app.ctx.config.QUEUE_PREFIX}:retention:claim`);
    const { lines, sink } = captureLog();
    const worker = await startWorkerRole({ ...app.ctx, log: createLogger('info', {}, sink) });
    const line = await waitFor(async () => lines.find((l) => l.includes('retention:')), 30_000, 'the retention log line');
    await worker.stop();
    const logged = (JSON.parse(line) as { retention: Record<string, number> }).retention;
    expect(logged).toEqual({
      nonLeadComplaints: 1,
      closedCases: 2,
      caseComplaints: 2,
      complainants: 1,
      evidenceFiles: 3,
      platformMessages: 1,
    });
    expect(line).not.toMatch(/1390000770|覃春生|滕秋菊|王建国|符永旺/);

    // A complaint that never became a case: the text and sender are gone; the one in review is kept.
    expect(await complaint(consult.id)).toMatchObject({
      text: TEXT_REMOVED,
      sender: { channelUserId: null, name: null, phone: null },
      disposition: { code: 'consultation_answered' },
      triage: { phone: null },
    });
    expect(await complaint(pending.id)).toMatchObject({ sender: { phone: '13900007705' } });

    // Closed 400 days ago: the photo is gone, the people are not.
    const recentLead = (await app.ctx.repos.leads.get(recent.complaint.leadId!))!;
    expect(await app.ctx.repos.evidence.read(recent.complaint.evidenceIds[0]!)).toBeNull();
    expect(await complaint(recent.complaint.id)).toMatchObject({ evidenceIds: [], sender: { channelUserId: recent.contactId } });
    expect(recentLead.timeline.map((e) => e.type)).toContain('evidence_deleted');
    expect(recentLead.phone).toBe('13900007701');

    // Closed 1200 days ago: no name, number or WeChat id anywhere; the figures as they were.
    const oldLead = (await app.ctx.repos.leads.get(oldLeadId))!;
    expect(oldLead).toMatchObject({ phone: null, amountYuan: 7600, workerCount: 1, status: 'closed', area: '陬市镇', recoveredYuan: 0 });
    expect(oldLead.timeline.map((e) => e.type)).toContain('personal_data_anonymised');
    expect(await app.ctx.repos.complainants.exists('wechat', old.contactId)).toBe(false);
    const [erased] = await app.ctx.repos.complainants.getMany(oldLead.complainantIds);
    expect(erased).toMatchObject({ name: null, phone: null, channelUserId: `erased:${erased!.id}` });
    const oldComplaint = await complaint(old.complaint.id);
    expect(oldComplaint.text).toContain('139****7702');
    expect(oldComplaint.text).toContain('[投诉人]');
    const messages = await app.ctx.repos.outbound.listForLead(oldLeadId);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatchObject({ phone: null, complainantId: erased!.id });
    const kept = JSON.stringify([oldLead, oldComplaint, messages, await app.ctx.repos.complainants.getMany(oldLead.complainantIds)]);
    expect(kept).not.toMatch(/13900007702|13900007799|覃春生/);
    expect(kept).not.toContain(old.contactId);

    // The caller's old case is anonymised, but they keep their record: their other case is open.
    const callerLead = (await app.ctx.repos.leads.get(closedCall.leadId!))!;
    expect(callerLead).toMatchObject({ phone: null, amountYuan: 9000 });
    expect(await complaint(closedCall.id)).toMatchObject({ sender: { name: null, phone: null } });
    const [callerNow] = await app.ctx.repos.complainants.getMany(callerLead.complainantIds);
    expect(callerNow).toMatchObject({ name: '滕秋菊', phone: '13900007703' });
    expect((await app.ctx.repos.leads.get(openCall.leadId!))!.phone).toBe('13900007703');

    // The stray file and the raw delivery are gone; a fresh stray file is not.
    expect(await app.ctx.repos.evidence.read(stray)).toBeNull();
    expect(await app.ctx.repos.evidence.read(fresh)).not.toBeNull();
    expect(await app.ctx.repos.inbound.get(inbound.id)).toBeNull();

    // A second run finds nothing left to do.
    expect(await retentionPort(app.ctx).apply()).toEqual({
      nonLeadComplaints: 0,
      closedCases: 0,
      caseComplaints: 0,
      complainants: 0,
      evidenceFiles: 0,
      platformMessages: 0,
    });
  });
});
