import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import type { Complaint } from '../../src/domain/complaint';
import type { Lead } from '../../src/domain/lead';
import { leadRoutesPort } from '../../src/composition/cases';
import { deskDeps } from '../../src/composition/desk';
import { fingerprint } from '../../src/domain/case-signals';
import { checkAtDesk, deskOutcome, fileAtDesk } from '../../src/services/desk/desk-intake';

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

/** A hotline complaint once triage has placed it: the complaint, and its case if it became one. */
async function settleCall(app: TestApp, text: string, callerPhone: string): Promise<{ complaint: Complaint; lead: Lead | null }> {
  const res = await postTranscript(app.url, {
    callId: uniqueName('call'),
    receivedAt: new Date().toISOString(),
    callerPhone,
    transcript: `来电人：${text}`,
  });
  const { complaintId } = (await res.json()) as { complaintId: string };
  const complaint = await waitFor(
    async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.disposition ? c : null;
    },
    10_000,
    'triage',
  );
  return { complaint, lead: complaint.leadId ? await app.ctx.repos.leads.get(complaint.leadId) : null };
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

describe('matching reads every signal a person would', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const submit = (text: string, callerPhone: string) => submitCall(app, text, callerPhone);

  it('when a crew writes one by one and spells the employer by sound (盛宏, 盛泓, 胜宏) or names only the foreman, then they share one case', async () => {
    const a = await submit('我在漳江街道江畔华府工地做木工，盛宏建设欠我们木工班4到6月的工资，我自己一万二。', '13900009711');
    const b = await submit('江畔华府二期木工，盛泓建筑公司拖欠工资三个月，我被欠了10800元。', '13900009712');
    const c = await submit('我们是江畔华府的木工，罗老板带的班组，胜宏建设的，在漳江街道，工钱从四月份起就没发了。', '13900009713');
    const d = await submit('我替我老公反映，他在江畔华府给罗老板做木工，盛宏公司欠他三个月工钱一万一。', '13900009714');
    expect(new Set([a.id, b.id, c.id, d.id])).toEqual(new Set([a.id]));
    expect(d.complaintIds).toHaveLength(4);
    expect(d.timeline.find((e) => e.type === 'complaint_merged')?.note).toContain('同一单位');
  });

  it('when another subcontractor of the same estate, another boss of the same surname or another pay period of one factory is named, then each is a case of its own', async () => {
    const carpenters = await submit('江畔华府工地木工班，盛宏建设欠我们工钱，我九千。', '13900009721');
    const electricians = await submit('江畔华府工地搞水电的，恒达水电安装公司李老板欠我两个月工钱8000块。', '13900009722');
    expect(electricians.id).not.toBe(carpenters.id);

    const steel = await submit('我在陬市镇安置小区扎钢筋，包工头张文斌欠我们工钱，我一个人欠了9600。', '13900009723');
    const restaurant = await submit('陬市镇张记土菜馆张老板欠我两个月工资5000元，我是服务员。', '13900009724');
    expect(restaurant.id).not.toBe(steel.id);

    const winter = await submit('盘塘镇华联鞋业去年腊月的工资到现在还没发，我欠4300。', '13900009725');
    const winterAgain = await submit('华联鞋厂欠我们去年十二月份的工资，盘塘镇工业园，我三千八。', '13900009726');
    const spring = await submit('华联鞋业又欠我们今年3到6月的工资，四个月一万六，盘塘镇的。', '13900009727');
    expect(winterAgain.id).toBe(winter.id);
    expect(spring.id).not.toBe(winter.id);
  });

  it('when a son calls for his father and later for himself from the same phone, then his own complaint does not join his father’s case; the father’s own call does', async () => {
    const forFather = await submit(
      '我替我爸反映，他在九溪镇杨家村给周老板做泥工，帮人家建房子，欠他两万一，他电话13900009732。',
      '13900009731',
    );
    const own = await submit('我在九溪镇兴旺砖厂做事，老板欠我工资4000元。', '13900009731');
    const father = await submit('九溪镇杨家村周德明建私房，欠我泥工工钱21000元。', '13900009732');
    expect(own.id).not.toBe(forFather.id);
    expect(father.id).toBe(forFather.id);
  });
});

describe('possible duplicates: unsure matches are suggested, not merged', () => {
  let app: TestApp;
  let sup: string;
  let insp: string;
  beforeAll(async () => {
    app = await startTestApp();
    const make = async (username: string, role: 'supervisor' | 'inspector', area: string | null) =>
      (await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role, area })).token;
    sup = await make('dup-sup', 'supervisor', null);
    insp = await make('dup-insp', 'inspector', '陬市镇');
  });
  afterAll(() => app.stop());

  const submit = (text: string, callerPhone: string) => submitCall(app, text, callerPhone);
  const call = async (token: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method: body === undefined && !path.endsWith('/dismiss') ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, lead: (await res.json()) as Lead };
  };

  it('when a crew member names the boss only as 张总 and no site, then a second case opens and each case names the other as a possible duplicate; a merge takes it in with one action', async () => {
    const a = await submit('我在陬市镇安置小区扎钢筋，包工头张文斌欠我们工钱，我一个人欠了9600。', '13900009801');
    const b = await submit('陬市镇的工地，张总那个钢筋班的，欠我们工资快半年了，我一万多点。', '13900009802');
    expect(b.id).not.toBe(a.id);
    const onA = (await call(insp, `/api/leads/${a.id}`)).lead;
    expect(onA.possibleDuplicates).toEqual([
      expect.objectContaining({ leadId: b.id, caseNumber: b.caseNumber, reasons: expect.arrayContaining(['老板同姓']) }),
    ]);
    expect((await call(insp, `/api/leads/${b.id}`)).lead.possibleDuplicates.map((d) => d.leadId)).toEqual([a.id]);

    const merged = await call(sup, `/api/leads/${a.id}/merge`, { sourceLeadId: b.id });
    expect(merged.status).toBe(200);
    expect(merged.lead.possibleDuplicates).toEqual([]);
    expect(merged.lead.complaintIds).toHaveLength(2);
    // The merged case is matched with both complaints' signals: the next 张总 complaint joins it.
    const c = await submit('陬市镇安置房那边，张总的钢筋班，欠我八千，电话13900009802。', '13900009803');
    expect(c.id).toBe(a.id);
  });

  it('when a supervisor dismisses a possible duplicate, then it leaves both cases and is not suggested again; an inspector may not dismiss', async () => {
    const a = await submit('我在陬市镇金桂园小区做泥工，包工头刘志军欠我们工钱，我八千五。', '13900009811');
    const b = await submit('陬市镇刘老板带的泥工班，欠我工钱七千。', '13900009812');
    expect(b.id).not.toBe(a.id);
    expect((await call(insp, `/api/leads/${a.id}`)).lead.possibleDuplicates.map((d) => d.leadId)).toEqual([b.id]);
    expect((await call(insp, `/api/leads/${a.id}/duplicates/${b.id}/dismiss`)).status).toBe(403);
    const dismissed = await call(sup, `/api/leads/${a.id}/duplicates/${b.id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.lead).toMatchObject({ possibleDuplicates: [], dismissedDuplicates: [b.id] });
    expect((await call(sup, `/api/leads/${b.id}`)).lead).toMatchObject({ possibleDuplicates: [], dismissedDuplicates: [a.id] });
    // Another complaint that joins the first case and resembles the second does not bring the pair back.
    const c = await submit('陬市镇金桂园小区泥工，包工头刘志军欠我工钱九千，一直拖。', '13900009813');
    expect(c.id).toBe(a.id);
    expect((await app.ctx.repos.leads.get(a.id))!.possibleDuplicates).toEqual([]);
    expect((await app.ctx.repos.leads.get(b.id))!.possibleDuplicates).toEqual([]);
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

describe('one case told in many ways, and cases that only look alike', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const submit = (text: string, callerPhone: string) => submitCall(app, text, callerPhone);
  const settle = (text: string, callerPhone: string) => settleCall(app, text, callerPhone);
  const caseOf = async (id: string) => (await app.ctx.repos.leads.get(id))!;

  it('when a crew tells its case in pieces (nickname and phase, company and trade, full name, block instead of phase, a wife for her husband, a follow-up call by phone only), then it is one case; another crew of the same estate is another', async () => {
    const nick = await submit('山水名苑3期模板班的，龚胖子带的，7月进场做到10月底，一分钱没见到，我一个人一万九。', '13900010101');
    const company = await submit(
      '我是华泰建设工地上做木工的，浔阳街道那个山水名苑，包工头龚德成，七月到十月的都没结，欠我两万二。',
      '13900010102',
    );
    const full = await submit('浔阳街道山水名苑三期，龚德成的木工班欠我工资两万一，班组十二个人都没结。', '13900010103');
    const block = await submit('我叫刘海生，陬市镇人，在山水名苑C区做支模木工，班组负责人龚德成，欠我18500元。', '13900010104');
    const wife = await submit(
      '我帮我老公问一下，他叫符小军，在浔阳那边山水名苑做木工，跟的龚老板，7到10月的钱都没给，有事打我电话。',
      '13900010105',
    );
    const followUp = await settle('我上个礼拜打过电话的，就是木工工钱那个事，到现在还没人联系我，就是这个号。', '13900010102');
    const ids = [nick, company, full, block, wife].map((l) => l.id);
    expect(new Set([...ids, followUp.lead?.id])).toEqual(new Set([nick.id]));
    expect(followUp.complaint.disposition?.code).toBe('merged');
    expect((await caseOf(nick.id)).complaintIds).toHaveLength(6);

    const electricians = await submit(
      '我在浔阳街道山水名苑做水电安装，是华泰建设的工地，水电是邓国辉包的，欠我们三个人两万多。',
      '13900010106',
    );
    expect(electricians.id).not.toBe(nick.id);
  });

  it('when the company and the estate are written with sound-alike characters, then it is one case; an estate one character apart is another', async () => {
    const a = await submit('陬市镇金鼎华庭小区外架，祥瑞达建筑的工地，欠我们架子工三个月工钱，我一万一。', '13900010201');
    const b = await submit('我在陬市金顶华庭搭脚手架，翔瑞达公司拖了我们工资，我一万二，七八个人都没拿到。', '13900010202');
    const c = await submit('金鼎花庭 祥瑞大 架子工钱 一直拖 肖老板人都找不到', '13900010203');
    expect(new Set([a.id, b.id, c.id])).toEqual(new Set([a.id]));
    const other = await submit('陬市镇金城华庭搭架子的，鸿远建设欠我们钱，刘老板一直拖，我九千。', '13900010204');
    expect(other.id).not.toBe(a.id);
  });

  it('when a relative calls for a worker and the worker calls later himself, then one case', async () => {
    const forFather = await submit('我替我爸反映，他在龙潭镇青石砖厂码砖，老板姓梁，欠他四个月工资，他电话13900010302。', '13900010301');
    const himself = await submit('我在龙潭青石砖厂做事，梁国富欠我工钱一万零四百。', '13900010302');
    expect(himself.id).toBe(forFather.id);
  });

  it('when one boss owes two crews at two sites, two shops of one chain are named, or a factory is named as a landmark, then each is a case of its own', async () => {
    const clinic = await submit('杨溪桥镇卫生院新楼，包工头曾国华欠我们泥工工钱，我八千。', '13900010401');
    const school = await submit('杨溪桥镇中学宿舍楼工地，曾国华包的泥工，欠我工钱七千五。', '13900010402');
    expect(school.id).not.toBe(clinic.id);

    const east = await submit('漳江街道佳惠超市城东店，店长拖了我们收银员两个月工资。', '13900010403');
    const west = await submit('漳江街道佳惠超市城西店拖欠理货员工资，一个月2600。', '13900010404');
    expect(west.id).not.toBe(east.id);

    const electronics = await submit('漳江工业园华兴电子厂9月10月工资没发，线上三十多人。', '13900010405');
    const cartons = await submit('漳江工业园宏达纸箱厂，就在华兴电子隔壁，10月工资没发，老板姓汤。', '13900010406');
    expect(cartons.id).not.toBe(electronics.id);
  });

  it('when a worker asks after an earlier complaint by name only, then the question joins that case; a question nothing places opens no case', async () => {
    const earlier = await submit('我叫邝红梅，在盘塘镇锦华制衣厂做车位，老板欠我9月工资4300元。', '13900010501');
    const byName = await settle('我是邝红梅，上个月反映过制衣厂的事，现在有进展吗？', '13900010502');
    expect(byName.lead?.id).toBe(earlier.id);
    const nobody = await settle('我上次反映的工资的事怎么样了？', '13900010503');
    expect(nobody.complaint.disposition?.code).toBe('progress_query');
    expect(nobody.lead).toBeNull();
  });

  it('when a message about another matter names a wage case’s employer (fees to refund, rent), then it stays out of the case, in review', async () => {
    const wages = await submit('漳江北路明德培训学校拖欠我们老师10月11月工资，我一个人一万一，校长姓熊。', '13900010601');
    for (const [text, phone] of [
      ['明德培训学校收了我家孩子一年学费六千，现在关门了，熊校长联系不上，学费怎么退？', '13900010602'],
      ['明德培训学校租我的门面，房租欠了半年一万八，熊校长一直拖着不给。', '13900010603'],
    ] as const) {
      const other = await settle(text, phone);
      expect(other.lead?.id).not.toBe(wages.id);
      expect(other.complaint.review?.state).toBe('pending');
    }
  });
});

describe("the hotline desk's preview says what intake will do", () => {
  let app: TestApp;
  let operator: Awaited<ReturnType<typeof createStaffUser>>['user'];
  beforeAll(async () => {
    app = await startTestApp();
    operator = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'desk-op', password: 'a-long-test-password', role: 'operator', area: null },
      )
    ).user;
  });
  afterAll(() => app.stop());

  /** What the desk shows for an entry, and then what filing it does. */
  const previewThenFile = async (text: string, callerPhone: string) => {
    const entry = { channel: 'phone' as const, receivedAt: new Date(), callerName: null, callerPhone, text };
    const desk = deskDeps(app.ctx);
    const check = await checkAtDesk(desk, entry);
    const { complaintId } = await fileAtDesk(desk, operator, uniqueName('form'), entry, {});
    const outcome = await waitFor(
      async () => {
        const o = (await deskOutcome(desk, operator, complaintId)).outcome;
        return o.state === 'processing' ? null : o;
      },
      10_000,
      'the desk outcome',
    );
    return { check, outcome };
  };

  it('when intake would join a case, open a case of its own beside a look-alike, or place a follow-up question, then the preview says the same', async () => {
    const first = await previewThenFile('我在三阳港镇阳光城二期做木工，包工头何建新欠我工钱一万六。', '13900010601');
    expect(first.check.joins).toBeNull();
    expect(first.outcome).toMatchObject({ state: 'case', joined: false });
    const caseNumber = first.outcome.state === 'case' ? first.outcome.caseNumber : '';

    // Only by the estate's block and the boss's full name: the matcher intake uses joins it.
    const block = await previewThenFile('三阳港阳光城B区何建新的木工班，拖了我们四个月，我一万四。', '13900010602');
    expect(block.check.proposal.code).toBe('merged');
    expect(block.check.joins?.caseNumber).toBe(caseNumber);
    expect(block.outcome).toMatchObject({ state: 'case', joined: true, caseNumber });

    // The same surname and trade in the same township, but another site: a case of its own, as intake decides.
    const other = await previewThenFile('三阳港镇滨湖安置小区做木工，何老板欠我八千。', '13900010603');
    expect(other.check.joins).toBeNull();
    expect(other.outcome).toMatchObject({ state: 'case', joined: false });

    // A question from a number in the case: the desk says it joins the case, and it does.
    const asked = await previewThenFile('我之前打电话反映过木工工钱的事，想问下现在怎么样了。', '13900010601');
    expect(asked.check.proposal.code).toBe('merged');
    expect(asked.check.joins?.caseNumber).toBe(caseNumber);
    expect(asked.outcome).toMatchObject({ state: 'case', joined: true, caseNumber });
  });
});

describe('erasing a complainant leaves nothing of them in matching', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = (
      await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: 'erase-admin', password: 'a-long-test-password', role: 'admin', area: null },
      )
    ).token;
  });
  afterAll(() => app.stop());

  it('when a caller who gave their name and a second number is erased, then no fingerprint of their phones or names is left in the case’s signals or the Redis case index', async () => {
    const mine = await submitCall(
      app,
      '我叫覃春生，在漳江街道滨湖小区工地做木工，宏远劳务欠我工资8000元，我另一个号码13900010702。',
      '13900010701',
    );
    const other = await submitCall(app, '我叫符永旺，漳江街道滨湖小区工地木工，宏远劳务欠我9000元。', '13900010703');
    expect(other.id).toBe(mine.id);
    const prints = ['13900010701', '13900010702', '覃春生'].map(fingerprint);
    expect(JSON.stringify(await app.ctx.repos.leads.signals(mine.id))).toContain(prints[0]);

    const complainantId = (await app.ctx.repos.complainants.findIdsByPhone('13900010701'))[0]!;
    const res = await fetch(`${app.url}/api/complainants/${complainantId}/erase`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '本人要求删除' }),
    });
    expect(res.status).toBe(200);

    const signals = JSON.stringify(await app.ctx.repos.leads.signals(mine.id));
    for (const p of prints) expect(signals).not.toContain(p);
    expect(signals).toContain(fingerprint('13900010703')); // the other worker stays matchable
    const redis = app.ctx.producerConnection;
    const prefix = `${app.ctx.config.QUEUE_PREFIX}:case-index:v3:`;
    const entry = (await redis.get(`${prefix}case:${mine.id}`)) ?? '';
    for (const p of prints) expect(entry).not.toContain(p);
    for (const p of prints) {
      for (const kind of ['t', 'w']) expect(await redis.zscore(`${prefix}${kind}:${p}`, mine.id)).toBeNull();
    }
    expect(await redis.zscore(`${prefix}t:${fingerprint('13900010703')}`, mine.id)).not.toBeNull();
  });
});
