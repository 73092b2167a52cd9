import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';
import { dashboardPort } from '../../src/composition/reports';
import type { StaffUser } from '../../src/domain/staff';

const staff = (role: StaffUser['role'], area: string | null): StaffUser => ({
  id: `${role}-${area ?? 'county'}`,
  username: role,
  role,
  area,
  active: true,
  createdAt: new Date(),
});

describe('dashboard figures: complaints by week and channel, early warnings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('when one employer is reported three times in a week, then it is on the early-warning list with its case; a single report is not', async () => {
    const texts = [
      '来电人：我在陬市镇宏达鞋厂做工，宏达鞋厂欠我工资6000元，电话13900007701。',
      '来电人：陬市镇宏达鞋厂拖欠我三个月工资9000元，电话13900007702。',
      '来电人：宏达鞋厂在陬市镇，欠我们工资一万二，电话13900007703。',
      '来电人：我在漳江街道顺风快餐店打工，老板欠我工资3000元，电话13900007704。',
    ];
    const ids: string[] = [];
    for (const transcript of texts) {
      const res = await postTranscript(app.url, { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript });
      ids.push(((await res.json()) as { complaintId: string }).complaintId);
    }
    await waitFor(
      async () => (await Promise.all(ids.map((i) => app.ctx.repos.complaints.get(i)))).every((c) => c?.leadId),
      15_000,
      'triage',
    );

    const figures = await dashboardPort(app.ctx)(staff('admin', null), new Date(), null);
    expect(figures.weeks).toHaveLength(12);
    expect(figures.byChannel.hotline?.at(-1)).toBe(4);
    expect(figures.earlyWarnings).toHaveLength(1);
    expect(figures.earlyWarnings[0]).toMatchObject({ kind: 'employer', complaints: 3, weeks: 1, areas: ['陬市镇'] });
    expect(figures.earlyWarnings[0]!.name).toContain('宏达');

    // A township's figures: only its complaints; a supervisor of another township gets their own whatever they ask.
    const zoushi = await dashboardPort(app.ctx)(staff('admin', null), new Date(), '陬市镇');
    expect(zoushi.byChannel.hotline?.at(-1)).toBe(3);
    expect(zoushi.earlyWarnings).toHaveLength(1);
    const zhangjiang = await dashboardPort(app.ctx)(staff('supervisor', '漳江街道'), new Date(), '陬市镇');
    expect(zhangjiang.byChannel.hotline?.at(-1)).toBe(1);
    expect(zhangjiang.earlyWarnings).toEqual([]);
  });
});
