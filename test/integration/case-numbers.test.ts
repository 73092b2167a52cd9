import { postTranscript, startTestApp, uniqueName, type TestApp } from '../support/test-app';
import { triageWorkerPort } from '../../src/composition/triage';

describe('case numbers under concurrency', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });
  afterAll(() => app.stop());

  it('when complaints about different employers are triaged at once, then each opens its case on the first try with its own number', async () => {
    const ids: string[] = [];
    for (const [k, employer] of ['鼎泰建筑公司', '恒兴纸箱厂', '金穗米厂', '宏发砖厂', '鑫源劳务公司', '锦绣装饰公司'].entries()) {
      const res = await postTranscript(app.url, {
        callId: uniqueName('call'),
        receivedAt: new Date().toISOString(),
        transcript: `来电人：我在漳江街道的${employer}做事，${employer}欠我工资${5000 + k}元，就我一个人。`,
      });
      ids.push(((await res.json()) as { complaintId: string }).complaintId);
    }
    const results = await Promise.all(ids.map((id) => triageWorkerPort(app.ctx).triageComplaint(id)));
    const leads = await Promise.all(results.map((r) => app.ctx.repos.leads.get(r.leadId!)));
    expect(new Set(leads.map((l) => l!.caseNumber)).size).toBe(ids.length);
  });
});
