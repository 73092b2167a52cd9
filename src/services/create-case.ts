import { AppError, isDuplicate } from '../domain/app-error';
import { nameKey } from '../domain/case-matching';
import type { Complaint } from '../domain/complaint';
import { formatCaseNumber, localDateKey, type Lead, type TimelineEvent } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { Deadlines } from '../domain/working-days';
import type { ComplaintChannel, TriageResult } from '../domain/triage-result';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import { type CaseIndex } from '../domain/case-buckets';
import { personalIn, readSignals, type CaseSignals, type SignalLexicon } from '../domain/case-signals';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';
import { SURNAMES } from '../triage/lexicon/surnames';

export interface OpenCaseDeps {
  leads: LeadRepository;
  complainants: ComplainantRepository;
  caseNumberPrefix: string;
  timeZone: string;
  /** A new complaint joins an open case created within this many days. */
  dedupWindowDays: number;
  departments?: Record<string, string>;
  /** Runs `fn` holding every named lock (all or none): complaints that could match are decided one at a time. */
  withLocks: <T>(names: readonly string[], fn: () => Promise<T>) => Promise<T>;
  /** The next number of a day's case-number counter (`case:WA20261128`), atomically. */
  nextCaseSequence: (counterId: string) => Promise<number>;
  /** Open cases by employer, project and township, for matching without reading every lead. */
  caseIndex: CaseIndex;
  /** Working-day deadlines of a case opened at `openedAt` with this priority. */
  deadlinesFor: (openedAt: Date, priority: 'urgent' | 'normal') => Deadlines;
  /** Queues the reminders and escalations of a new case (best effort: overdue flags work without them). */
  scheduleDeadlines?: (lead: Lead) => Promise<void>;
  /** Tells the area's staff of a new case (their inbox and WeCom); a repeat tells no one twice. */
  caseOpened?: (lead: Lead) => Promise<unknown>;
  /**
   * The timeline entry of the notice that tells the complainant their case number, written with the
   * case (opened or joined) rather than after it; the notice itself is sent by the caller.
   */
  noticeEvent?: (caseNumber: string, channel: ComplaintChannel, at: Date, phone: string | null) => TimelineEvent;
  now?: () => Date;
}

/** Who filed the complaint, as the case knows them: where a notice to them goes. */
export interface CaseComplainant {
  id: string;
  channel: ComplaintChannel;
  channelUserId: string;
  phone: string | null;
}

/** The complainant's identity on the channel: the WeChat contact, else the caller's phone, else the call itself. */
export function complainantKey(c: Complaint, triagedPhone: string | null): { channelUserId: string; phone: string | null } {
  const phone = c.sender.phone ?? triagedPhone;
  if (c.sender.channelUserId) return { channelUserId: c.sender.channelUserId, phone };
  if (phone) return { channelUserId: `phone:${phone}`, phone };
  return { channelUserId: `${c.channel}:${c.dedupKey}`, phone: null };
}

export const CHANNEL_NAME: Record<string, string> = {
  hotline: '热线',
  phone: '电话',
  wechat: '微信',
  wechat_oa: '公众号',
  wecom: '企业微信',
  national_platform: '全国欠薪线索平台',
  onsite: '现场投诉',
  media: '媒体',
  petition: '信访',
};

/** Queues a new case's reminders and escalations and tells its staff (best effort: overdue flags work without them). */
export const afterCaseOpened = async (deps: OpenCaseDeps, lead: Lead) => {
  await deps.scheduleDeadlines?.(lead).catch(() => undefined);
  await deps.caseOpened?.(lead).catch(() => undefined);
};

export const indexEntry = (l: Lead, signals: CaseSignals) => ({
  id: l.id,
  employer: l.employer,
  employerKey: l.employerKey,
  projectKey: l.projectKey,
  area: l.area,
  sector: l.sector,
  signals,
  createdAt: l.createdAt.getTime(),
});

/** The county's townships and surnames, as matching reads complaints with them. */
export const SIGNAL_LEXICON: SignalLexicon = { townships: TAOYUAN_TOWNSHIPS, surnames: SURNAMES };

/** What of a complaint matching reads besides its triage: the text, who sent it and when. */
export type SignalComplaint = Pick<Complaint, 'text' | 'receivedAt'> & { sender: Pick<Complaint['sender'], 'name' | 'phone'> };

/** What matching compares of one complaint: its triage, its sender and its text (see domain/case-signals). */
export function complaintSignals(c: SignalComplaint, t: TriageResult, area: string | null): CaseSignals {
  return readSignals(
    {
      text: c.text,
      employer: t.employer,
      project: t.project,
      location: t.location,
      area,
      phone: t.phone,
      sector: t.sector,
      senderName: c.sender.name,
      senderPhone: c.sender.phone,
      receivedAt: c.receivedAt,
    },
    SIGNAL_LEXICON,
  );
}

/** The numbers and names matching read from a complaint (see personalIn): erasing its sender takes them out. */
export function complaintPersonalData(c: Pick<Complaint, 'text' | 'sender' | 'triage'>): { phones: string[]; names: string[] } {
  return personalIn(
    { text: c.text, phone: c.triage?.phone ?? null, senderName: c.sender.name, senderPhone: c.sender.phone },
    SIGNAL_LEXICON,
  );
}

export interface CaseSeed {
  route: ReturnType<typeof routeLead>;
  employerKey: string | null;
  projectKey: string | null;
  phone: string | null;
  report: Lead['reports'][number];
  signals: CaseSignals;
  now: Date;
  /** The new case's id: the complaint's own when triage opens it, so that a second run finds it by id. */
  id?: string;
  /** Triage tells the complainant the case number: its timeline entry is written with the case. */
  notice?: boolean;
}

export async function createCase(deps: OpenCaseDeps, c: Complaint, t: TriageResult, seed: CaseSeed): Promise<Lead> {
  const day = localDateKey(c.receivedAt, deps.timeZone);
  for (let attempt = 1; ; attempt++) {
    const seq = await deps.nextCaseSequence(`case:${deps.caseNumberPrefix}${day}`);
    try {
      return await createNumberedCase(deps, c, t, seed, formatCaseNumber(deps.caseNumberPrefix, day, seq));
    } catch (err) {
      // A number handed out again (the counter was re-seeded or lost its last second): take the next one.
      if (!isDuplicate(err) || attempt >= 20) throw err;
    }
  }
}

async function createNumberedCase(deps: OpenCaseDeps, c: Complaint, t: TriageResult, seed: CaseSeed, caseNumber: string): Promise<Lead> {
  const { route, employerKey, projectKey, report, now } = seed;
  const complainantId = report.complainantId;
  const who = { phone: seed.phone };
  const { lead } = await deps.leads.createOnce(
    {
      ...route,
      caseNumber,
      category: t.category,
      employer: t.employer,
      project: t.project,
      location: t.location,
      amountYuan: t.amount_yuan,
      workerCount: t.worker_count,
      phone: who.phone,
      sector: t.sector,
      urgency: t.urgency,
      channel: c.channel,
      deadlines: deps.deadlinesFor(now, route.priority),
      originComplaintId: c.id,
      employerKey,
      projectKey,
      reports: [report],
      complaintIds: [c.id],
      complainantIds: [complainantId],
      signals: seed.signals,
      timeline: [
        { at: now, type: 'created', actor: 'system', note: `由${CHANNEL_NAME[c.channel] ?? c.channel}投诉自动生成`, changes: [] },
        ...(seed.notice && deps.noticeEvent ? [deps.noticeEvent(caseNumber, c.channel, now, seed.phone)] : []),
      ],
    },
    seed.id,
  );
  await deps.caseIndex.add(indexEntry(lead, seed.signals));
  return lead;
}

/** A new case of its own for a complaint staff split off another case, from its stored triage. */
export async function openSeparateCase(
  deps: OpenCaseDeps & { complaints: Pick<ComplaintRepository, 'get'> },
  complaintId: string,
): Promise<Lead> {
  const c = await deps.complaints.get(complaintId);
  if (!c) throw new AppError('complaint_not_found', `complaint ${complaintId} does not exist`, { status: 404 });
  if (!c.triage) throw new AppError('not_triaged', 'the complaint has not been triaged yet', { status: 409 });
  const t = c.triage;
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const lead = await createCase(deps, c, t, {
    route,
    signals: complaintSignals(c, t, route.area),
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    phone: who.phone,
    report: { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan },
    now: deps.now?.() ?? new Date(),
  });
  await afterCaseOpened(deps, lead);
  return lead;
}
