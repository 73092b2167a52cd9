import { createStaffUser } from '../../../src/services/staff-accounts';
import type { StaffRole } from '../../../src/domain/staff';
import type { Lead } from '../../../src/domain/lead';
import { postTranscript, uniqueName, waitFor, type TestApp } from '../../support/test-app';
import { pii } from './synthetic';

export const AREA_A = '漳江街道';
export const AREA_B = '陬市镇';

export async function staffToken(
  app: TestApp,
  role: StaffRole,
  area: string | null,
): Promise<{ id: string; token: string; username: string }> {
  const username = uniqueName(role).slice(0, 40);
  const { user, token } = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role, area });
  return { id: user.id, token, username };
}

/** A wage complaint through the signed hotline feed, triaged into a case in `area`; resolves with the case. */
export async function caseIn(app: TestApp, area: string, employer: string, i: number): Promise<Lead> {
  pii.note(i);
  const res = await postTranscript(app.url, {
    callId: uniqueName('call'),
    receivedAt: new Date().toISOString(),
    transcript: `来电人：我在${area}的${employer}做了两个月，${employer}欠我工资${5000 + i}元，就我一个人，电话1387777${String(i).padStart(4, '0')}。`,
  });
  if (res.status !== 202) throw new Error(`seeding a case answered ${res.status}`);
  const { complaintId } = (await res.json()) as { complaintId: string };
  const c = await waitFor(
    async () => {
      const got = await app.ctx.repos.complaints.get(complaintId);
      return got?.leadId ? got : null;
    },
    15_000,
    'the seeded case',
  );
  const lead = await app.ctx.repos.leads.get(c.leadId!);
  if (lead?.area !== area) throw new Error(`the seeded case is in ${lead?.area}, not ${area}`);
  return lead;
}

/** A staff account of each kind a case acts as, with a token; `who` names it in findings. */
export interface StaffActor {
  who: string;
  role: StaffRole;
  area: string | null;
  id: string;
  token: string;
  username: string;
}

export function staffActors(app: TestApp, kinds: { who: string; role: StaffRole; area: string | null }[]): Promise<StaffActor[]> {
  return Promise.all(kinds.map(async (k) => ({ ...k, ...(await staffToken(app, k.role, k.area)) })));
}

export function bearer(token: string, json = false): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) };
}
