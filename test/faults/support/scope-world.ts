import type { Lead } from '../../../src/domain/lead';
import { postTranscript, uniqueName, waitFor, type TestApp } from '../../support/test-app';
import { AREA_A, AREA_B, bearer, type StaffActor } from './staff-fixture';
import { pii } from './synthetic';

/** Fictional employers: one reported three times in each area (an early warning there), one more in B. */
export const EMPLOYER_A = '鼎泰建筑公司';
export const EMPLOYER_B = '琮瑶石材厂';
export const EMPLOYER_B2 = '璟澜纸箱厂';
/** Figures that exist only in area B: its recovery and the amounts its workers are owed. */
const B_RECOVERY = { amountYuan: 86_421, workersPaid: 37 };
const B_AMOUNTS = [73_519, 64_283, 58_937, 91_546];

/** What area B holds, and the strings that give it away when they show up in what area A's staff read. */
export interface AreaB {
  leads: Lead[];
  complaintIds: string[];
  reviewIds: string[];
  callbackIds: string[];
  complainantIds: string[];
  callerPhone: string;
  /** Ids, case numbers, employers, amounts (as written and with thousands separators). */
  markers: string[];
}

async function complaint(app: TestApp, area: string, employer: string, amount: number, i: number): Promise<string> {
  pii.note(i);
  const res = await postTranscript(app.url, {
    callId: uniqueName('call'),
    receivedAt: new Date().toISOString(),
    callerPhone: `1387777${String(i).padStart(4, '0')}`,
    transcript: `来电人：我在${area}的${employer}做了两个月，${employer}欠我工资${amount}元，就我一个人，电话1387777${String(i).padStart(4, '0')}。`,
  });
  if (res.status !== 202) throw new Error(`seeding a complaint answered ${res.status}`);
  return ((await res.json()) as { complaintId: string }).complaintId;
}

async function decided(app: TestApp, id: string) {
  return waitFor(
    async () => {
      const c = await app.ctx.repos.complaints.get(id);
      return c && c.state !== 'received' ? c : null;
    },
    20_000,
    'triage',
  );
}

/**
 * Area A: one employer reported three times. Area B: one employer reported three times (an early
 * warning), a second case, a recovery and a reply (a call-back task), a consultation and a referred
 * complaint in review. Resolves with B's ids and markers.
 */
export async function seedAreas(app: TestApp, admin: StaffActor): Promise<AreaB> {
  for (let k = 0; k < 3; k++) await decided(app, await complaint(app, AREA_A, EMPLOYER_A, 5100 + k * 10, 1700 + k));
  const bIds: string[] = [];
  for (let k = 0; k < 3; k++) bIds.push(await complaint(app, AREA_B, EMPLOYER_B, B_AMOUNTS[k]!, 1710 + k));
  bIds.push(await complaint(app, AREA_B, EMPLOYER_B2, B_AMOUNTS[3]!, 1713));
  const review: string[] = [];
  for (const [i, text] of [
    [1714, `来电人：请问在${AREA_B}劳动仲裁怎么申请？要准备些什么材料？`],
    [1715, `来电人：我在${AREA_B}的${EMPLOYER_B2}上班，老板一直不给我们交社保。`],
  ] as const) {
    pii.note(i);
    const res = await postTranscript(app.url, { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: text });
    review.push(((await res.json()) as { complaintId: string }).complaintId);
  }
  const leadIds = new Set<string>();
  for (const id of bIds) leadIds.add((await decided(app, id)).leadId ?? '');
  for (const id of review) await decided(app, id);
  const [b1] = [...leadIds];
  const act = (path: string, body: unknown) =>
    fetch(`${app.url}/api/leads/${b1}${path}`, { method: 'POST', headers: bearer(admin.token, true), body: JSON.stringify(body) });
  await act('/recoveries', { ...B_RECOVERY, date: new Date().toISOString().slice(0, 10) });
  await act('/replies', { text: '您好，单位已同意下周结清工资。' });
  const leads = (await Promise.all([...leadIds].map((id) => app.ctx.repos.leads.get(id)))).filter((l): l is Lead => Boolean(l));
  if (leads.some((l) => l.area !== AREA_B)) throw new Error(`a seeded case of B is in ${leads.map((l) => l.area).join(', ')}`);
  const callbackIds = (await Promise.all(leads.map((l) => app.ctx.repos.outbound.listForLead(l.id))))
    .flat()
    .filter((m) => m.state.startsWith('callback'))
    .map((m) => m.id);
  const complainantIds = [...new Set(leads.flatMap((l) => l.complainantIds))];
  const numbers = [...B_AMOUNTS, B_RECOVERY.amountYuan].flatMap((n) => [String(n), n.toLocaleString('en-US')]);
  return {
    leads,
    complaintIds: [...bIds, ...review],
    reviewIds: review,
    callbackIds,
    complainantIds,
    callerPhone: '13877771710',
    markers: [
      ...leads.flatMap((l) => [l.id, l.caseNumber]),
      ...bIds,
      ...review,
      ...callbackIds,
      ...complainantIds,
      EMPLOYER_B,
      EMPLOYER_B2,
      ...numbers,
    ],
  };
}

/** The markers of B in a text; a figure only where it stands alone (not inside an id, a time or a longer number). */
export function markersIn(text: string, b: AreaB): string[] {
  return b.markers.filter((m) =>
    /^[\d,]+$/.test(m) ? new RegExp(`(?<![0-9A-Fa-f,.])${m}(?![0-9A-Fa-f]|[,.]\\d)`).test(text) : text.includes(m),
  );
}
