import { AppError, isDuplicate } from '../domain/app-error';
import { caseTotals, matchScore, nameKey } from '../domain/case-matching';
import type { Complaint } from '../domain/complaint';
import { formatCaseNumber, localDateKey, type Lead, type TimelineEvent } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { Deadlines } from '../domain/working-days';
import type { ComplaintChannel, TriageResult } from '../domain/triage-result';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import { caseBuckets, type CaseIndex } from '../domain/case-buckets';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';

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
  /**
   * The timeline entry of the notice that tells the complainant their case number, written with the
   * case (opened or joined) rather than after it; the notice itself is sent by the caller.
   */
  noticeEvent?: (caseNumber: string, channel: ComplaintChannel, at: Date) => TimelineEvent;
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
function complainantKey(c: Complaint, triagedPhone: string | null): { channelUserId: string; phone: string | null } {
  const phone = c.sender.phone ?? triagedPhone;
  if (c.sender.channelUserId) return { channelUserId: c.sender.channelUserId, phone };
  if (phone) return { channelUserId: `phone:${phone}`, phone };
  return { channelUserId: `${c.channel}:${c.dedupKey}`, phone: null };
}

const CHANNEL_NAME: Record<string, string> = {
  hotline: '热线',
  wechat: '微信',
  wechat_oa: '公众号',
  wecom: '企业微信',
  national_platform: '全国欠薪线索平台',
  onsite: '现场投诉',
  media: '媒体',
  petition: '信访',
};

/**
 * A wage complaint joins the open case about the same employer or project (see case-matching), or
 * opens a new one with a case number. Safe to run twice for one complaint.
 */
export async function openOrJoinCase(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
): Promise<{ lead: Lead; complainant: CaseComplainant }> {
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const complainant = { id: complainantId, channel: c.channel, channelUserId: who.channelUserId, phone: who.phone };
  // A case this complaint opened in an earlier run has the complaint's id (see createCase).
  const already = await deps.leads.get(c.id);
  if (already) {
    // In case the earlier run stopped before it did these (queuing the first check again is a no-op).
    await deps.caseIndex.add(indexEntry(already));
    await scheduleDeadlines(deps, already);
    return { lead: already, complainant };
  }
  const lead = await matchOrCreate(deps, c, t, complainantId, who.phone);
  return { lead, complainant };
}

async function matchOrCreate(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
  complainantId: string,
  phone: string | null,
): Promise<Lead> {
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const employerKey = nameKey(t.employer);
  const projectKey = nameKey(t.project);
  const report = { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan };
  const now = deps.now?.() ?? new Date();

  // Complaints that could match each other are decided one at a time, so a crew writing at once gets
  // one case however they spell the employer: two complaints that can match share a bucket of the
  // case index (see caseBuckets), and each takes all of its buckets' locks together. (A second run of
  // this complaint racing the first finds the case the first opened among the candidates, or clashes
  // on its id in createCase; either way one case.) A complaint with no name to match cannot join a
  // case and needs no lock of its own; it keeps its township's, as before.
  const buckets = caseBuckets({ employer: t.employer, employerKey, projectKey, area: route.area });
  const locks = buckets.length ? buckets.map((b) => `case-match:${b}`) : [`case-match:${route.area ?? 'none'}`];
  const decided = await deps.withLocks(locks, async (): Promise<{ lead: Lead; opened: boolean }> => {
    const since = new Date(now.getTime() - deps.dedupWindowDays * 86_400_000);
    const candidates = await deps.caseIndex.candidates({ since, employer: t.employer, employerKey, projectKey, area: route.area });
    const me = { employer: t.employer, employerKey, projectKey, area: route.area, sector: t.sector };
    const ranked = candidates
      .map((entry) => ({ entry, score: matchScore(me, entry) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    for (const { entry } of ranked) {
      const lead = await deps.leads.get(entry.id);
      if (!lead || lead.status === 'closed' || lead.status === 'rejected') {
        await deps.caseIndex.remove(entry);
        continue;
      }
      // An earlier run of this complaint joined it already.
      if (lead.complaintIds.includes(c.id)) return { lead, opened: false };
      const joined = await joinCase(deps, lead.id, c, t, report, now);
      if (joined) return { lead: joined, opened: false };
      break;
    }
    const opened = await createCase(deps, c, t, { route, employerKey, projectKey, phone, report, now, id: c.id, notice: true });
    return { lead: opened, opened: true };
  });
  // Outside the lock: other complaints about these names need not wait for it.
  if (decided.opened) await scheduleDeadlines(deps, decided.lead);
  return decided.lead;
}

/** Queues a new case's reminders and escalations (best effort: overdue flags work without them). */
const scheduleDeadlines = (deps: OpenCaseDeps, lead: Lead) => deps.scheduleDeadlines?.(lead).catch(() => undefined);

/** Joins the case as it is inside its exclusive section; null when it closed meanwhile. */
function joinCase(deps: OpenCaseDeps, leadId: string, c: Complaint, t: TriageResult, report: Lead['reports'][number], now: Date) {
  return deps.leads.mutate(leadId, async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead || lead.status === 'closed' || lead.status === 'rejected') return null;
    if (lead.complaintIds.includes(c.id)) return lead;
    const totals = caseTotals([...lead.reports, report]);
    const urgent =
      lead.urgency === 'high' || t.urgency === 'high' || (totals.workerCount ?? 0) >= 10 || (totals.amountYuan ?? 0) >= 100_000;
    const notice = deps.noticeEvent ? [deps.noticeEvent(lead.caseNumber, c.channel, now)] : [];
    const joined = await deps.leads.attachComplaint(
      lead.id,
      lead.revision,
      report,
      { ...totals, urgency: urgent ? 'high' : 'normal', priority: urgent ? 'urgent' : 'normal' },
      [
        {
          at: now,
          type: 'complaint_merged',
          actor: 'system',
          note: `合并${CHANNEL_NAME[c.channel] ?? c.channel}投诉（同一单位或项目）`,
          changes: [
            { field: 'workerCount', before: String(lead.workerCount ?? ''), after: String(totals.workerCount ?? '') },
            { field: 'amountYuan', before: String(lead.amountYuan ?? ''), after: String(totals.amountYuan ?? '') },
          ],
        },
        ...notice,
      ],
    );
    // Staff merged or split the case between the read and the write: the job runs again.
    if (!joined) throw new AppError('busy', `case ${lead.caseNumber} changed meanwhile; retrying`, { status: 503 });
    return joined;
  });
}

const indexEntry = (l: Lead) => ({
  id: l.id,
  employer: l.employer,
  employerKey: l.employerKey,
  projectKey: l.projectKey,
  area: l.area,
  sector: l.sector,
  createdAt: l.createdAt.getTime(),
});

interface CaseSeed {
  route: ReturnType<typeof routeLead>;
  employerKey: string | null;
  projectKey: string | null;
  phone: string | null;
  report: Lead['reports'][number];
  now: Date;
  /** The new case's id: the complaint's own when triage opens it, so that a second run finds it by id. */
  id?: string;
  /** Triage tells the complainant the case number: its timeline entry is written with the case. */
  notice?: boolean;
}

async function createCase(deps: OpenCaseDeps, c: Complaint, t: TriageResult, seed: CaseSeed): Promise<Lead> {
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
      timeline: [
        { at: now, type: 'created', actor: 'system', note: `由${CHANNEL_NAME[c.channel] ?? c.channel}投诉自动生成`, changes: [] },
        ...(seed.notice && deps.noticeEvent ? [deps.noticeEvent(caseNumber, c.channel, now)] : []),
      ],
    },
    seed.id,
  );
  await deps.caseIndex.add(indexEntry(lead));
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
  const lead = await createCase(deps, c, t, {
    route: routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments),
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    phone: who.phone,
    report: { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan },
    now: deps.now?.() ?? new Date(),
  });
  await scheduleDeadlines(deps, lead);
  return lead;
}
