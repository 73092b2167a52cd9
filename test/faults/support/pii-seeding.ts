import type { startMockWechatSession } from '../../../bots/mock-session';
import type { FakeOpenAi } from '../../support/fake-openai';
import { postTranscript, uniqueName, waitFor, type TestApp } from '../../support/test-app';
import { phoneForms } from './number-forms';
import { callOperation, type ApiAnswer, type DocOperation } from './openapi-walk';
import type { Bench } from './pii-recipes';
import { PHONE_FORMS, complaintWithNumbers, type PlantedPerson, type PlantedRegistry } from './planted';
import { AREA_A, bearer, type StaffActor } from './staff-fixture';
import { employer } from './synthetic';

export interface SeedDeps {
  app: TestApp;
  session: Awaited<ReturnType<typeof startMockWechatSession>>;
  fake: FakeOpenAi;
  planted: PlantedRegistry;
  actors: StaffActor[];
  opOf: Map<string, DocOperation>;
  /** Every answer goes through the case's search too. */
  scan(who: string, a: ApiAnswer): void;
}

const STAFF_CHANNELS = ['onsite', 'petition', 'phone', 'national_platform'] as const;
/** As the staff entry schema takes a number (digits, spaces, dashes, a leading +). */
const ENTRY_PHONE_FORMS = ['spaced', 'dashed', '+86', '0086'] as const;

/** Resolves with the complaint once triage has decided it. */
export function settled(app: TestApp, complaintId: string) {
  return waitFor(
    async () => {
      const c = await app.ctx.repos.complaints.get(complaintId);
      return c && c.state !== 'received' ? c : null;
    },
    20_000,
    'triage',
  );
}

function intake(d: SeedDeps) {
  const hotline = async (payload: Record<string, unknown>) => {
    const res = await postTranscript(d.app.url, payload);
    const text = await res.text();
    d.scan('hotline feed', { key: 'POST /api/hotline/transcripts', url: '/api/hotline/transcripts', status: res.status, text });
    if (res.status !== 202) throw new Error(`a hotline transcript answered ${res.status}: ${text}`);
    return (JSON.parse(text) as { complaintId: string }).complaintId;
  };
  const entry = async (who: string, token: string, body: Record<string, unknown>) => {
    const a = await callOperation(d.app.url, d.opOf.get('POST /api/complaints')!, token, { body });
    d.scan(who, a);
    if (a.status !== 202) throw new Error(`a staff entry answered ${a.status}: ${a.text}`);
    return (JSON.parse(a.text) as { complaintId: string }).complaintId;
  };
  /** Three people, their phones in the k-th three forms. */
  const trio = (where: string, k: number) =>
    [0, 1, 2].map((j) => d.planted.take(where, PHONE_FORMS[(3 * k + j) % PHONE_FORMS.length])) as [
      PlantedPerson,
      PlantedPerson,
      PlantedPerson,
    ];
  return { hotline, entry, trio };
}

/**
 * Every phone form on every channel: four complaints each by hotline (turns, one of them a number read
 * out on its own), staff entry and WeChat conversation, three numbers in three forms in each. Resolves
 * with their cases.
 */
export async function seedEveryChannel(d: SeedDeps): Promise<string[]> {
  const { hotline, entry, trio } = intake(d);
  const operator = d.actors.find((a) => a.role === 'operator')!;
  const ids: string[] = [];
  for (let k = 0; k < 4; k++) {
    const [p1, p2, p3] = trio('hotline transcript turn', k);
    ids.push(
      await hotline({
        callId: uniqueName('call'),
        receivedAt: new Date().toISOString(),
        callerPhone: p1.phone,
        transcript: [
          { speaker: 'agent', text: '您好，根治欠薪热线，请讲。' },
          { speaker: 'caller', text: complaintWithNumbers(AREA_A, d.planted.serial(), [p1, p2, { ...p3, phoneText: '等下报给你' }]) },
          { speaker: 'agent', text: '请再报一下您老乡的电话。' },
          { speaker: 'caller', text: p3.phoneText },
        ],
      }),
    );
  }
  for (let k = 0; k < 4; k++) {
    const people = trio(`staff entry (${STAFF_CHANNELS[k]})`, k);
    ids.push(
      await entry(operator.who, operator.token, {
        channel: STAFF_CHANNELS[k],
        externalId: uniqueName('ext'),
        receivedAt: new Date().toISOString(),
        complainant: { name: people[0].name, phone: phoneForms(people[0].phone)[ENTRY_PHONE_FORMS[k]!] },
        text: complaintWithNumbers(AREA_A, d.planted.serial(), people),
      }),
    );
  }
  const contacts: string[] = [];
  for (let k = 0; k < 4; k++) {
    const people = trio('WeChat conversation', k);
    const wxid = `wxid_${uniqueName('pf')}`;
    contacts.push(wxid);
    const said = () => d.session.said.filter((m) => m.to === wxid).length;
    d.session.send(wxid, people[0].name, complaintWithNumbers(AREA_A, d.planted.serial(), people));
    await waitFor(async () => said() >= 1, 10_000, 'the summary');
    d.session.send(wxid, people[0].name, '确认');
    await waitFor(async () => said() >= 2, 15_000, 'the registration');
  }
  const leads: string[] = [];
  for (const id of ids) leads.push((await settled(d.app, id)).leadId ?? '');
  for (const wxid of contacts)
    leads.push(
      await waitFor(
        async () => {
          const cid = await d.app.ctx.repos.complainants.findId('wechat', wxid);
          return cid ? ((await d.app.ctx.repos.leads.listByComplainant(cid))[0]?.id ?? null) : null;
        },
        20_000,
        'the WeChat case',
      ),
    );
  return leads;
}

/**
 * A bench per role: two complaints that stay in review (decided by the rules: the LLM fails meanwhile),
 * a hotline case W and a case D the role enters itself. W is assigned to the inspector of A, so that
 * every role's status change has a move to make.
 */
export async function seedBenches(d: SeedDeps): Promise<Map<string, Bench>> {
  const { hotline, entry, trio } = intake(d);
  const admin = d.actors.find((a) => a.role === 'admin')!;
  const inspector = d.actors.find((a) => a.role === 'inspector')!;
  d.fake.mode = '500';
  const forReview = new Map<string, { consult: string; vague: string }>();
  for (const a of d.actors) {
    const c = d.planted.take(`${a.who}'s consultation`);
    const consult = await hotline({
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: `来电人：请问在${AREA_A}劳动仲裁怎么申请？要准备些什么材料？我电话${c.phoneText}，身份证${c.idText}。`,
    });
    const v = d.planted.take(`${a.who}'s complaint about social insurance`);
    const vague = await hotline({
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      transcript: `来电人：我在${AREA_A}的${employer(d.planted.serial())}上班，老板一直不给我们交社保。电话${v.phoneText}，身份证${v.idText}。`,
    });
    forReview.set(a.who, { consult, vague });
  }
  for (const { consult, vague } of forReview.values()) for (const id of [consult, vague]) await settled(d.app, id);
  d.fake.mode = 'good';

  const benches = new Map<string, Bench>();
  for (const a of d.actors) {
    const [w1, w2, w3] = trio(`${a.who}'s hotline case`, d.planted.serial());
    const w = await hotline({
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone: w1.phone,
      transcript: [{ speaker: 'caller', text: complaintWithNumbers(AREA_A, d.planted.serial(), [w1, w2, w3]) }],
    });
    const dId = await entry(a.who, a.token, {
      channel: 'onsite',
      externalId: uniqueName('ext'),
      receivedAt: new Date().toISOString(),
      complainant: { name: w2.name, phone: phoneForms(w2.phone)['dashed'] },
      text: complaintWithNumbers(AREA_A, d.planted.serial(), trio(`${a.who}'s own entry`, d.planted.serial())),
    });
    benches.set(a.who, { w, d: dId, ...forReview.get(a.who)!, wLead: '', dLead: '', dComplaint: dId, callerPhone: w1.phone });
  }
  for (const b of benches.values()) {
    b.wLead = (await settled(d.app, b.w)).leadId ?? '';
    b.dLead = (await settled(d.app, b.d)).leadId ?? '';
    if (!b.wLead || !b.dLead) throw new Error('a bench complaint did not become a case');
    await fetch(`${d.app.url}/api/leads/${b.wLead}/assign`, {
      method: 'POST',
      headers: bearer(admin.token, true),
      body: JSON.stringify({ assigneeId: inspector.id }),
    });
  }
  return benches;
}
