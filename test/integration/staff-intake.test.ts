import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

describe('POST /api/complaints: complaints staff enter from visits, the national platform, media and petitions', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ token } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: 'desk.op', password: 'a-long-test-password', role: 'operator', area: null },
    ));
  });
  afterAll(() => app.stop());

  const post = (body: unknown, auth = token) =>
    fetch(`${app.url}/api/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('when a national-platform lead is forwarded twice, then one complaint is stored and triaged into a case on that channel', async () => {
    const body = {
      channel: 'national_platform',
      externalId: uniqueName('GJPT'),
      receivedAt: new Date().toISOString(),
      complainant: { name: '覃某', phone: '139-0000-7712' },
      text: '本人在桃花源镇景区游客中心工地务工，桃花源文旅建设有限公司拖欠本人工资12000元，请求处理。',
    };
    const first = await post(body);
    expect(first.status).toBe(202);
    const { complaintId } = (await first.json()) as { complaintId: string };
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { complaintId: string }).complaintId).toBe(complaintId);

    const c = await waitFor(async () => {
      const got = await app.ctx.repos.complaints.get(complaintId);
      return got?.leadId ? got : null;
    });
    expect(c).toMatchObject({ channel: 'national_platform', operator: 'desk.op', sender: { name: '覃某', phone: '13900007712' } });
    expect(await app.ctx.repos.leads.get(c.leadId!)).toMatchObject({
      channel: 'national_platform',
      amountYuan: 12000,
      phone: '13900007712',
    });
  });

  it('when the body is wrong or the caller is not staff, then it is refused and nothing is stored', async () => {
    expect((await post({ channel: 'wechat', externalId: 'x1', receivedAt: new Date().toISOString(), text: '欠薪' })).status).toBe(400);
    expect((await post({ channel: 'onsite', externalId: 'x 1', receivedAt: new Date().toISOString(), text: '欠薪' })).status).toBe(400);
    expect(
      (await post({ channel: 'onsite', externalId: 'x2', receivedAt: new Date().toISOString(), text: '欠薪', $where: '1' })).status,
    ).toBe(400);
    expect(
      (
        await post(
          { channel: 'onsite', externalId: 'x3', receivedAt: new Date().toISOString(), text: '欠薪' },
          'wat_notavalidtokennotavalidtoken',
        )
      ).status,
    ).toBe(401);
    const bad = await fetch(`${app.url}/api/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"channel":',
    });
    expect(bad.status).toBe(400);
    expect(await app.ctx.repos.complaints.countByState()).toEqual({ triaged: 1 });
  });

  it('when staff enter a hotline work order under a call id the feed has not delivered yet, then the real transcript is still stored when it comes', async () => {
    const callId = uniqueName('CALL');
    const entered = await post({
      channel: 'hotline',
      externalId: callId,
      receivedAt: new Date().toISOString(),
      text: '工单：漳江街道某工地欠薪。',
    });
    expect(entered.status).toBe(202);
    const feed = await postTranscript(app.url, {
      callId,
      receivedAt: new Date().toISOString(),
      transcript: '来电人：我在漳江街道滨湖小区工地做事，宏远建筑劳务公司欠我工资8000元。',
    });
    expect(feed.status).toBe(202);
    expect(await feed.json()).toMatchObject({ duplicate: false });
  });
});
