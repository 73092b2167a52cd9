import type { Lead } from '../../src/domain/lead';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

describe('assigning a case to an inspector of another township', () => {
  let app: TestApp;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  const assign = (who: string, leadId: string, body: Record<string, unknown>) =>
    fetch(`${app.url}/api/leads/${leadId}/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const newCase = async (text: string): Promise<Lead> => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: `来电人：${text}`,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    return waitFor(async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c?.leadId ? app.ctx.repos.leads.get(c.leadId) : null;
    });
  };

  beforeAll(async () => {
    app = await startTestApp();
    for (const [name, role, area] of [
      ['county', 'supervisor', null],
      ['sup-zj', 'supervisor', '漳江街道'],
      ['insp-zj', 'inspector', '漳江街道'],
      ['insp-zs', 'inspector', '陬市镇'],
    ] as const) {
      const { user, token: t } = await createStaffUser(
        { staff: app.ctx.repos.staff },
        { username: name, password: 'a-long-test-password', role, area },
      );
      token[name] = t;
      id[name] = user.id;
    }
  });
  afterAll(() => app.stop());

  it('when an area supervisor gives their case to another township’s inspector, then it is refused and the case is unchanged', async () => {
    const lead = await newCase('我在漳江街道金桥超市做事，老板欠我工资5000元。');
    expect(lead.area).toBe('漳江街道');
    expect((await assign('sup-zj', lead.id, { assigneeId: id['insp-zs'] })).status).toBe(400);
    expect((await assign('sup-zj', lead.id, { assigneeId: id['insp-zs'], transfer: true })).status).toBe(400);
    expect((await app.ctx.repos.leads.get(lead.id))?.assigneeId).toBeNull();
    expect((await assign('sup-zj', lead.id, { assigneeId: id['insp-zj'] })).status).toBe(200);
  });

  it('when a county supervisor transfers it, then the case moves to that township and the timeline says so', async () => {
    const lead = await newCase('我在漳江街道宏发建材店做事，老板欠我工资6000元。');
    expect((await assign('county', lead.id, { assigneeId: id['insp-zs'] })).status).toBe(400);
    const moved = await assign('county', lead.id, { assigneeId: id['insp-zs'], transfer: true });
    expect(moved.status).toBe(200);
    const after = await app.ctx.repos.leads.get(lead.id);
    expect(after).toMatchObject({ area: '陬市镇', assigneeId: id['insp-zs'] });
    expect(after!.timeline.find((e) => e.type === 'assigned')).toMatchObject({
      type: 'assigned',
      actor: id.county,
      note: expect.stringContaining('跨属地移交'),
      changes: expect.arrayContaining([{ field: 'area', before: '漳江街道', after: '陬市镇' }]),
    });
  });
});
