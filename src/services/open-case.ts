import { AppError } from '../domain/app-error';
import { caseTotals, matchScore, nameKey } from '../domain/case-matching';
import type { Complaint } from '../domain/complaint';
import { formatCaseNumber, localDateKey, type Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { Deadlines } from '../domain/working-days';
import type { TriageResult } from '../domain/triage-result';
import type { ComplainantRepository } from '../db/repositories/complainant-repository';
import type { LeadRepository } from '../db/repositories/lead-repository';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';

export interface OpenCaseDeps {
  leads: LeadRepository;
  complainants: ComplainantRepository;
  caseNumberPrefix: string;
  timeZone: string;
  /** A new complaint joins an open case created within this many days. */
  dedupWindowDays: number;
  departments?: Record<string, string>;
  withLock: <T>(resource: string, fn: () => Promise<T>) => Promise<T>;
  /** Working-day deadlines of a case opened at `openedAt` with this priority. */
  deadlinesFor: (openedAt: Date, priority: 'urgent' | 'normal') => Deadlines;
  /** Queues the reminders and escalations of a new case (best effort: overdue flags work without them). */
  scheduleDeadlines?: (lead: Lead) => Promise<void>;
  now?: () => Date;
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
  national_platform: '全国欠薪线索平台',
  onsite: '现场投诉',
  media: '媒体',
  petition: '信访',
};

/**
 * A wage complaint joins the open case about the same employer or project (see case-matching), or
 * opens a new one with a case number. Safe to run twice for one complaint.
 */
export async function openOrJoinCase(deps: OpenCaseDeps, c: Complaint, t: TriageResult): Promise<Lead> {
  const already = await deps.leads.findByComplaint(c.id);
  if (already) return already;
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const employerKey = nameKey(t.employer);
  const projectKey = nameKey(t.project);
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const report = { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan };
  const now = deps.now?.() ?? new Date();

  // Complaints about one employer are decided one at a time, so a crew writing at once gets one case.
  return deps.withLock(`case-match:${employerKey ?? projectKey ?? route.area ?? 'none'}`, async () => {
    const again = await deps.leads.findByComplaint(c.id);
    if (again) return again;
    const since = new Date(now.getTime() - deps.dedupWindowDays * 86_400_000);
    const candidates = await deps.leads.findOpenCandidates({ since, employerKey, projectKey, area: route.area });
    const me = { employer: t.employer, employerKey, projectKey, area: route.area, sector: t.sector };
    const best = candidates
      .map((lead) => ({ lead, score: matchScore(me, lead) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)[0];
    if (best) {
      const totals = caseTotals([...best.lead.reports, report]);
      const urgent =
        best.lead.urgency === 'high' || t.urgency === 'high' || (totals.workerCount ?? 0) >= 10 || (totals.amountYuan ?? 0) >= 100_000;
      const joined = await deps.withLock(`lead:${best.lead.id}`, () =>
        deps.leads.attachComplaint(
          best.lead.id,
          report,
          { ...totals, urgency: urgent ? 'high' : 'normal', priority: urgent ? 'urgent' : 'normal' },
          {
            at: now,
            type: 'complaint_merged',
            actor: 'system',
            note: `合并${CHANNEL_NAME[c.channel] ?? c.channel}投诉（同一单位或项目）`,
            changes: [
              { field: 'workerCount', before: String(best.lead.workerCount ?? ''), after: String(totals.workerCount ?? '') },
              { field: 'amountYuan', before: String(best.lead.amountYuan ?? ''), after: String(totals.amountYuan ?? '') },
            ],
          },
        ),
      );
      if (joined) return joined;
    }
    return createCase(deps, c, t, { route, employerKey, projectKey, phone: who.phone, report, now });
  });
}

interface CaseSeed {
  route: ReturnType<typeof routeLead>;
  employerKey: string | null;
  projectKey: string | null;
  phone: string | null;
  report: Lead['reports'][number];
  now: Date;
}

async function createCase(deps: OpenCaseDeps, c: Complaint, t: TriageResult, seed: CaseSeed): Promise<Lead> {
  const { route, employerKey, projectKey, report, now } = seed;
  const complainantId = report.complainantId;
  const who = { phone: seed.phone };
  const day = localDateKey(c.receivedAt, deps.timeZone);
  // FerretDB v1's findAndModify is not atomic against a concurrent writer: two cases opened at once
  // (different employers, so different match locks) would draw the same number without this lock.
  const counter = `case:${deps.caseNumberPrefix}${day}`;
  const seq = await deps.withLock(counter, () => deps.leads.nextSequence(counter));
  const { lead } = await deps.leads.createOnce({
    ...route,
    caseNumber: formatCaseNumber(deps.caseNumberPrefix, day, seq),
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
    timeline: [{ at: now, type: 'created', actor: 'system', note: `由${CHANNEL_NAME[c.channel] ?? c.channel}投诉自动生成`, changes: [] }],
  });
  await deps.scheduleDeadlines?.(lead).catch(() => undefined);
  return lead;
}

/** A new case of its own for a complaint staff split off another case, from its stored triage. */
export async function openSeparateCase(deps: OpenCaseDeps, c: Complaint): Promise<Lead> {
  if (!c.triage) throw new AppError('not_triaged', 'the complaint has not been triaged yet', { status: 409 });
  const t = c.triage;
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  return createCase(deps, c, t, {
    route: routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments),
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    phone: who.phone,
    report: { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan },
    now: deps.now?.() ?? new Date(),
  });
}
