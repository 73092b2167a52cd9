import { AppError } from '../domain/app-error';
import { caseTotals, matchScore, nameKey } from '../domain/case-matching';
import type { Complaint } from '../domain/complaint';
import { type Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { TriageResult } from '../domain/triage-result';
import { caseBuckets } from '../domain/case-buckets';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';

import {
  CHANNEL_NAME,
  complainantKey,
  createCase,
  indexEntry,
  scheduleDeadlines,
  type CaseComplainant,
  type OpenCaseDeps,
} from './create-case';

export { openSeparateCase, type CaseComplainant, type OpenCaseDeps } from './create-case';

/**
 * A wage complaint joins the open case about the same employer or project (see case-matching), or
 * opens a new one with a case number. Safe to run twice for one complaint.
 */
export async function openOrJoinCase(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
): Promise<{ lead: Lead; complainant: CaseComplainant; opened: boolean }> {
  const who = complainantKey(c, t.phone);
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const complainant = { id: complainantId, channel: c.channel, channelUserId: who.channelUserId, phone: who.phone };
  // A case this complaint opened in an earlier run has the complaint's id (see createCase).
  const already = await deps.leads.get(c.id);
  if (already) {
    // In case the earlier run stopped before it did these (queuing the first check again is a no-op).
    await deps.caseIndex.add(indexEntry(already));
    await scheduleDeadlines(deps, already);
    return { lead: already, complainant, opened: true };
  }
  const { lead, opened } = await matchOrCreate(deps, c, t, complainantId, who.phone);
  return { lead, complainant, opened };
}

async function matchOrCreate(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
  complainantId: string,
  phone: string | null,
): Promise<{ lead: Lead; opened: boolean }> {
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
  return decided;
}

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
