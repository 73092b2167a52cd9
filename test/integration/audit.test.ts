import { staffAdminPort } from '../../src/composition/staff';
import { leadRoutesPort } from '../../src/composition/cases';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

describe('the audit log beyond cases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('when an admin creates, disables, enables and resets an account, and staff reveal numbers, then each is recorded with who and when', async () => {
    const { user: admin } = await createStaffUser(
      { staff: app.ctx.repos.staff },
      { username: uniqueName('admin'), password: 'a-long-test-password', role: 'admin', area: null },
    );
    const staff = staffAdminPort(app.ctx);
    const made = await staff.createStaff(admin, {
      username: uniqueName('insp'),
      password: 'a-long-test-password',
      role: 'inspector',
      area: '漳江街道',
    });
    await staff.setStaffActive(admin, made.id, false);
    await staff.setStaffActive(admin, made.id, true);
    await staff.resetStaffPassword(admin, made.id, 'another-long-password');

    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: '13900003301',
      transcript: '来电人：我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我工资8000元。',
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId);
    await leadRoutesPort(app.ctx).revealPhones(admin, leadId);

    const events = await app.ctx.repos.audit.latest(20);
    expect(events.map((e) => e.action).reverse()).toEqual([
      'staff_created',
      'staff_disabled',
      'staff_enabled',
      'staff_password_reset',
      'phones_revealed',
    ]);
    expect(events.every((e) => e.actor === admin.id && e.at instanceof Date)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('13900003301');
  });

  it('when the audit store is asked for anything but adding and reading, then it has no way to: it is append-only', () => {
    expect(Object.keys(app.ctx.repos.audit).sort()).toEqual(['latest', 'record']);
  });
});
