import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import type { Lead } from '../../src/domain/lead';
import { leadRoutesPort } from '../../src/composition/cases';

/** A hotline complaint, triaged: the case it ended up in. */
async function submitCall(app: TestApp, text: string, callerPhone: string): Promise<Lead> {
  const res = await postTranscript(app.url, {
    callId: uniqueName('call'),
    receivedAt: new Date().toISOString(),
    callerPhone,
    transcript: `来电人：${text}`,
  });
  const { complaintId } = (await res.json()) as { complaintId: string };
  const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'triage');
  return (await app.ctx.repos.leads.get(leadId))!;
}

describe('de-duplication: one case per employer or project while it is open', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const submit = (text: string, callerPhone: string) => submitCall(app, text, callerPhone);

  it('when several workers complain about the same employer in different words, then they share one case with recomputed totals', async () => {
    const a = await submit('我在浔阳街道锦华苑工地做木工，湖南广益建设有限公司欠我工资8000元。', '13900009101');
    const b = await submit('广益建筑公司在锦华苑的项目拖欠我们工钱，我一个人被欠了9500块。', '13900009102');
    const c = await submit('浔阳街道锦华苑项目，广益建设欠我们班组12个人工资15万。', '13900009103');
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(c.complaintIds).toHaveLength(3);
    expect(c.complainantIds).toHaveLength(3);
    expect(c).toMatchObject({ workerCount: 12, amountYuan: 150000, urgency: 'high', priority: 'urgent' });
    expect(c.timeline.filter((e) => e.type === 'complaint_merged')).toHaveLength(2);
  });

  it('when a crew complains at the same moment and spells the employer two ways, then they still share one case', async () => {
    // 宏远 and 宏远达 are different name keys that match (one inside the other): each round sends both
    // spellings at once, so that the two triage jobs decide at the same time.
    for (const [round, place, short, long] of [
      [1, '漳江街道的滨江花园', '宏远', '宏远达'],
      [2, '漳江街道的丽景湾', '鑫泰', '鑫泰隆'],
      [3, '漳江街道的江南水岸', '恒通', '恒通源'],
    ] as const) {
      const phone = (k: number) => `139000097${round}${k}`;
      const leads = await Promise.all([
        submit(`我在${place}工地做钢筋，${short}建设有限公司欠我工资8000元。`, phone(1)),
        submit(`${place}项目，${long}建筑公司拖欠我们工钱，我被欠了9500块。`, phone(2)),
        submit(`我在${place}做模板，${long}公司欠我工资7000元。`, phone(3)),
        submit(`我在${place}干活，${short}建设公司拖欠我工资6000元。`, phone(4)),
      ]);
      expect(new Set(leads.map((l) => l.id)).size).toBe(1);
      expect((await app.ctx.repos.leads.get(leads[0].id))!.complaintIds).toHaveLength(4);
    }
  });

  it('when a different employer in the same place is named, then it is a separate case', async () => {
    const a = await submit('我在架桥镇的安置小区做水电，顺发劳务有限公司欠我工资7000元。', '13900009201');
    const b = await submit('我在架桥镇的安置小区做油漆，宏泰装饰公司欠我工资6000元。', '13900009202');
    expect(b.id).not.toBe(a.id);
  });

  it('when the earlier case is closed, then a new complaint about the same employer opens a new case', async () => {
    const first = await submit('热市镇的恒通砖厂欠我三个月工资9000元。', '13900009301');
    // Through the service (and so the case lock), as staff would close it.
    const { user } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'closer', password: 'a-long-test-password', role: 'supervisor', area: null },
    );
    await leadRoutesPort(app.ctx).changeLeadStatus(user, first.id, { to: 'rejected', rejectReason: 'withdrawn' });
    await leadRoutesPort(app.ctx).changeLeadStatus(user, first.id, { to: 'closed', outcomeCode: 'withdrawn' });
    const second = await submit('恒通砖厂又欠我两个月工资6000元，热市镇。', '13900009302');
    expect(second.id).not.toBe(first.id);
  });

  it('when the case index in Redis is lost, then it is rebuilt from the store and complaints still join their case', async () => {
    const first = await submit('我在盘塘镇的瑞丰鞋业有限公司做车位，老板欠我工资5000元。', '13900009401');
    expect(first.id).toBe(first.originComplaintId); // a case opened by triage takes its complaint's id
    const redis = app.ctx.producerConnection;
    const keys = await redis.keys(`${app.ctx.config.QUEUE_PREFIX}:case-index:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    const second = await submit('盘塘镇瑞丰鞋业有限公司欠我两个月工资6200块。', '13900009402');
    expect(second.id).toBe(first.id);
    expect(await redis.exists(`${app.ctx.config.QUEUE_PREFIX}:case-index:v3:ready`)).toBe(1);
  });

  it('when the case-number counter in Redis is lost, then numbering goes on after the highest number stored', async () => {
    const first = await submit('我在茶庵铺镇的金穗米业有限公司做搬运，老板欠我工资3000元。', '13900009601');
    const redis = app.ctx.producerConnection;
    await redis.del(...(await redis.keys(`${app.ctx.config.QUEUE_PREFIX}:case-seq:*`)));
    const second = await submit('我在郑家驿镇的永兴竹木制品厂做工，老板欠我工资3500元。', '13900009602');
    const seq = (l: Lead) => Number(l.caseNumber.split('-')[1]);
    expect(second.caseNumber.slice(0, -5)).toBe(first.caseNumber.slice(0, -5));
    expect(seq(second)).toBe(seq(first) + 1);
  });

  it('when the same caller complains twice, then both complaints name one complainant', async () => {
    const a = await submit('我在九溪镇的兴旺砖厂做事，老板欠我工资4000元。', '13900009501');
    const b = await submit('九溪镇兴旺砖厂欠我工资4000元，还没给。', '13900009501');
    expect(b.complainantIds).toEqual(a.complainantIds);
  });
});

describe('staff merge and split cases', () => {
  let app: TestApp;
  let sup: string;
  let insp: string;
  beforeAll(async () => {
    app = await startTestApp();
    sup = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'sup', password: 'a-long-test-password', role: 'supervisor', area: null },
      )
    ).token;
    insp = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'insp', password: 'a-long-test-password', role: 'inspector', area: '九溪镇' },
      )
    ).token;
  });
  afterAll(() => app.stop());

  const submit = (text: string, callerPhone: string) => submitCall(app, text, callerPhone);
  const post = (token: string, path: string, body: unknown) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('when a supervisor merges a duplicate case, then its complaints move, totals are recomputed and the duplicate closes; a split gives a complaint its own case', async () => {
    const a = await submit('九溪镇的青山茶厂欠我工资4000元。', '13900009401');
    const b = await submit('九溪镇老周家的采茶场欠我工资3000元。', '13900009402');
    expect(b.id).not.toBe(a.id);
    expect((await post(insp, `/api/leads/${a.id}/merge`, { sourceLeadId: b.id })).status).toBe(403);
    const merged = await post(sup, `/api/leads/${a.id}/merge`, { sourceLeadId: b.id });
    expect(merged.status).toBe(200);
    const m = (await merged.json()) as Lead;
    expect(m.complaintIds).toHaveLength(2);
    expect(m).toMatchObject({ workerCount: 2, amountYuan: 7000 });
    expect(await app.ctx.repos.leads.get(b.id)).toMatchObject({ status: 'closed', outcomeCode: 'merged' });
    expect((await app.ctx.repos.complaints.get(b.complaintIds[0]!))?.leadId).toBe(a.id);
    expect((await post(sup, `/api/leads/${a.id}/merge`, { sourceLeadId: b.id })).status).toBe(409);

    expect((await post(sup, `/api/leads/${a.id}/split`, { complaintId: a.originComplaintId })).status).toBe(409);
    const split = await post(sup, `/api/leads/${a.id}/split`, { complaintId: b.complaintIds[0] });
    expect(split.status).toBe(201);
    const { from, to } = (await split.json()) as { from: Lead; to: Lead };
    expect(from.complaintIds).toEqual([a.originComplaintId]);
    expect(from).toMatchObject({ workerCount: 1, amountYuan: 4000 });
    expect(to).toMatchObject({ complaintIds: b.complaintIds, amountYuan: 3000, status: 'new' });
    expect(to.caseNumber).not.toBe(b.caseNumber);
  });
});
