import { wechatBotPort } from '../../src/composition/intake';
import { leadRoutesPort } from '../../src/composition/cases';
import { replyContextStore } from '../../src/composition/payment';
import { recordPaymentAnswer } from '../../src/services/payment-confirmation';
import type { StaffRole, StaffUser } from '../../src/domain/staff';
import { createStaffUser } from '../../src/services/staff-accounts';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('erasing one complainant on request (admins, audited)', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const users: Record<string, StaffUser> = {};
  beforeAll(async () => {
    app = await startTestApp();
    for (const [username, role] of [
      ['admin', 'admin'],
      ['sup', 'supervisor'],
    ] as [string, StaffRole][]) {
      const made = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role, area: null });
      tokens[username] = made.token;
      users[username] = made.user;
    }
  });
  afterAll(() => app.stop());

  const erase = (as: string, id: string, reason = '投诉人来电要求删除，回拨号码13900008899') =>
    fetch(`${app.url}/api/complainants/${id}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    });

  it('when an admin erases a worker, then their name, number, WeChat id, texts, photos and messages are gone everywhere, the case keeps its figures and the other worker, and the timeline and audit log say so without the data', async () => {
    const bot = wechatBotPort(app.ctx);
    const worker = { id: uniqueName('wxid'), name: '覃春生' };
    const msg = (contactId: string, name: string, text: string) => ({
      id: uniqueName('m'),
      contactId,
      contactName: name,
      text,
      at: new Date(),
    });
    const said = (text: string) => bot.handleMessage(msg(worker.id, worker.name, text));
    expect((await said('你好'))[0]).toContain('【个人信息告知】');
    await bot.handleFile({ contactId: worker.id, name: '欠条.png', mime: 'image/png', data: PNG });
    await said('我叫覃春生，在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资8000元，就我一个人，电话13900008801');
    await said('确认');
    const mine = await waitFor(async () => {
      const all = await app.ctx.repos.complaints.listBySender('wechat', { channelUserId: worker.id });
      return all.length === 2 && all.every((c) => c.disposition) ? all : null;
    });
    const complaint = mine.find((c) => c.leadId)!;
    const leadId = complaint.leadId!;
    // A second worker of the same crew joins the case.
    const other = { id: uniqueName('wxid'), name: '符永旺' };
    await bot.handleMessage(
      msg(other.id, other.name, '我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资9000元，就我一个人，电话13900008802'),
    );
    await bot.handleMessage(msg(other.id, other.name, '确认'));
    const lead = await waitFor(async () => {
      const l = await app.ctx.repos.leads.get(leadId);
      return l && l.complainantIds.length === 2 ? l : null;
    });
    await leadRoutesPort(app.ctx).replyToComplainants(users.admin!, leadId, { text: '覃春生您好，请带欠条来大队，电话13900008899' });
    const [erasedWorker] = await app.ctx.repos.complainants.getMany([(await app.ctx.repos.complainants.findId('wechat', worker.id))!]);
    const otherId = lead.complainantIds.find((c) => c !== erasedWorker!.id)!;
    // Their answer to "工资收到了吗", in their own words, and the case the bot last wrote to them about.
    await recordPaymentAnswer({ leads: app.ctx.repos.leads }, leadId, erasedWorker!.id, 'not_paid', '覃春生还没收到钱，打13900008801');
    expect(await replyContextStore(app.ctx).get('wechat', worker.id)).toMatchObject({ leadId });

    expect((await erase('sup', erasedWorker!.id)).status).toBe(403);
    const res = await erase('admin', erasedWorker!.id);
    expect(res.status).toBe(200);
    const result = (await res.json()) as {
      complainantId: string;
      cases: number;
      complaints: number;
      evidenceFiles: number;
      messages: number;
    };
    expect(result).toMatchObject({ cases: 1, complaints: 2, evidenceFiles: 1 });
    expect(result.messages).toBeGreaterThanOrEqual(2); // the case number notice and the reply
    expect((await erase('admin', erasedWorker!.id)).status).toBe(404);
    expect((await erase('admin', result.complainantId)).status).toBe(409);

    // The case: figures and the other worker kept; the erased worker is an erased record.
    const after = (await app.ctx.repos.leads.get(leadId))!;
    expect(after.complainantIds.sort()).toEqual([result.complainantId, otherId].sort());
    expect(after.paymentChecks).toEqual([expect.objectContaining({ complainantId: result.complainantId, answer: 'not_paid' })]);
    expect(await replyContextStore(app.ctx).get('wechat', worker.id)).toBeNull();
    expect(after).toMatchObject({ amountYuan: lead.amountYuan, workerCount: lead.workerCount, area: '漳江街道', status: lead.status });
    expect(after.phone).not.toBe('13900008801');
    const entry = after.timeline.find((e) => e.type === 'complainant_erased')!;
    expect(entry).toMatchObject({ actor: users.admin!.id });
    expect(entry.note).not.toMatch(/覃|1390000/);
    expect((await app.ctx.repos.complainants.getMany([otherId]))[0]).toMatchObject({ name: '符永旺' });
    expect(await app.ctx.repos.complainants.exists('wechat', worker.id)).toBe(false);

    // Their complaints, photo and messages.
    for (const c of mine) {
      const now = (await app.ctx.repos.complaints.get(c.id))!;
      expect(now.sender).toEqual({ channelUserId: null, name: null, phone: null });
      expect(now.evidenceIds).toEqual([]);
    }
    expect((await app.ctx.repos.complaints.get(complaint.id))!.text).toContain('139****8801');
    expect(await app.ctx.repos.evidence.read(complaint.evidenceIds[0]!)).toBeNull();
    const messages = await app.ctx.repos.outbound.listForComplainant(result.complainantId);
    expect(messages).toHaveLength(result.messages);
    const everything = JSON.stringify([
      after,
      messages,
      await Promise.all(mine.map((c) => app.ctx.repos.complaints.get(c.id))),
      await app.ctx.repos.complainants.getMany(after.complainantIds),
    ]);
    expect(everything).not.toMatch(/13900008801|13900008899|覃春生/);
    expect(everything).not.toContain(worker.id);
    // The other worker's complaint is untouched.
    const theirs = await app.ctx.repos.complaints.listBySender('wechat', { channelUserId: other.id });
    expect(theirs[0]!.text).toContain('13900008802');

    // The audit log: who, when, the person masked, the reason's number masked.
    const [audited] = (await app.ctx.repos.audit.latest(10)).filter((e) => e.action === 'complainant_erased');
    expect(audited).toMatchObject({
      actor: users.admin!.id,
      subject: 'complainant:覃**/139****8801',
      detail: { complainantId: result.complainantId, cases: 1, reason: '投诉人来电要求删除，回拨号码139****8899' },
    });

    // Redis forgot them too: writing again, they are a new contact and are told the notice again.
    expect((await said('你好'))[0]).toContain('【个人信息告知】');
  });
});
