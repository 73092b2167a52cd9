import { AppError } from '../domain/app-error';
import {
  caseTotals,
  compareSignals,
  decideFollowUp,
  decideMatch,
  MERGE_SCORE,
  nameKey,
  SUGGEST_SCORE,
  type Scored,
} from '../domain/case-matching';
import type { Complaint } from '../domain/complaint';
import type { DispositionCode } from '../domain/disposition';
import { type Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { TriageResult } from '../domain/triage-result';
import { signalBuckets, type CaseIndexEntry } from '../domain/case-buckets';
import { unionSignals, withNamesFrom, type CaseSignals } from '../domain/case-signals';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';

import {
  afterCaseOpened,
  CHANNEL_NAME,
  complainantKey,
  complaintSignals,
  createCase,
  indexEntry,
  SIGNAL_LEXICON,
  type CaseComplainant,
  type OpenCaseDeps,
} from './create-case';
import { recordPossibleDuplicates } from './possible-duplicates';

export { openSeparateCase, type CaseComplainant, type OpenCaseDeps } from './create-case';

/**
 * A wage complaint joins the open case it belongs to (see case-matching), or opens a new one with a
 * case number; open cases it resembles without enough to merge are recorded as possible duplicates on
 * both sides. Safe to run twice for one complaint.
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
    const signals = (await deps.leads.signals(already.id)) ?? complaintSignals(c, t, already.area);
    await deps.caseIndex.add(indexEntry(already, signals));
    await afterCaseOpened(deps, already);
    return { lead: already, complainant, opened: true };
  }
  const { lead, opened } = (await matchOrCreate(deps, c, t, complainantId, who.phone, 'open'))!;
  return { lead, complainant, opened };
}

/**
 * Which complaints triage did not make a case of may still join one: a question about an earlier
 * complaint (进度查询) joins the case that holds the asker (`followUp`); a wage complaint too thin to be a
 * case of its own (needs_details) joins a case it clearly belongs to. The others stay in review: one
 * taken for noise or for another matter (a school's fees, a supplier's bill) may name a case's employer
 * without being about its wages, and merging it would put it out of a supervisor's sight.
 */
export function joinsWhenMatched(code: DispositionCode | 'case'): { followUp: boolean } | null {
  if (code === 'progress_query') return { followUp: true };
  return code === 'needs_details' ? { followUp: false } : null;
}

/**
 * A complaint that is not a case of its own (see joinsWhenMatched) joins the open case it belongs to;
 * null when matching finds none, and no case is opened for it.
 */
export async function joinOpenCase(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
  followUp: boolean,
): Promise<{ lead: Lead; complainant: CaseComplainant; opened: false } | null> {
  const who = complainantKey(c, t.phone);
  // Matching first, without its locks: a complainant record is written only for a complaint that joins a case.
  const { area } = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const q = {
    text: c.text,
    signals: complaintSignals(c, t, area),
    employer: t.employer,
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    area,
  };
  if (!(await findOpenCase(deps, q, deps.now?.() ?? new Date(), { prune: false, followUp })).join) return null;
  const complainantId = await deps.complainants.upsert(c.channel, who.channelUserId, { name: c.sender.name, phone: who.phone });
  const complainant = { id: complainantId, channel: c.channel, channelUserId: who.channelUserId, phone: who.phone };
  const joined = await matchOrCreate(deps, c, t, complainantId, who.phone, followUp ? 'follow_up' : 'join_only');
  return joined ? { lead: joined.lead, complainant, opened: false } : null;
}

type Candidate = Scored<CaseIndexEntry> & { lead: Lead };

/** What matching decides for a complaint: the open case it joins (or none) and the others worth a look. */
export interface OpenCaseMatch {
  /** The complaint's signals, with the names of candidate cases its text contains (see withNamesFrom). */
  signals: CaseSignals;
  join: Candidate | null;
  suggest: Candidate[];
}

/**
 * The open case a complaint belongs to, as intake decides it: the cases of the index that share a bucket
 * with its signals, weighed signal by signal (see case-matching); a question about an earlier complaint
 * (`followUp`) belongs to the case holding the asker. Intake and the desk's preview both ask this; only
 * intake (`prune`) drops a candidate found closed from the index.
 */
export async function findOpenCase(
  deps: Pick<OpenCaseDeps, 'leads' | 'caseIndex' | 'dedupWindowDays'>,
  q: {
    text: string;
    signals: CaseSignals;
    employer: string | null;
    employerKey: string | null;
    projectKey: string | null;
    area: string | null;
  },
  now: Date,
  opts: { prune: boolean; followUp: boolean },
): Promise<OpenCaseMatch> {
  const since = new Date(now.getTime() - deps.dedupWindowDays * 86_400_000);
  const entries = await deps.caseIndex.candidates({ since, ...q });
  const signals = withNamesFrom(
    q.signals,
    q.text,
    entries.map((e) => e.signals),
    SIGNAL_LEXICON,
  );
  const { join, suggest } = await decideAmongOpen(
    deps,
    entries.map((entry) => ({ entry, evidence: compareSignals(signals, entry.signals) })),
    opts,
  );
  return { signals, join, suggest };
}

async function matchOrCreate(
  deps: OpenCaseDeps,
  c: Complaint,
  t: TriageResult,
  complainantId: string,
  phone: string | null,
  mode: 'open' | 'join_only' | 'follow_up',
): Promise<{ lead: Lead; opened: boolean } | null> {
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const employerKey = nameKey(t.employer);
  const projectKey = nameKey(t.project);
  const own = complaintSignals(c, t, route.area);
  const report = { complaintId: c.id, complainantId, workerCount: t.worker_count, amountYuan: t.amount_yuan };
  const now = deps.now?.() ?? new Date();

  // Complaints that could match each other are decided one at a time, so a crew writing at once gets
  // one case however they spell the employer: two complaints that can match share a bucket of the
  // case index (see signalBuckets), and each takes all of its buckets' locks together. (A second run of
  // this complaint racing the first finds the case the first opened among the candidates, or clashes
  // on its id in createCase; either way one case.) A complaint with nothing to match by cannot join a
  // case and needs no lock of its own; it keeps its township's.
  const buckets = signalBuckets(own);
  const locks = buckets.length ? buckets.map((b) => `case-match:${b}`) : [`case-match:${route.area ?? 'none'}`];
  const decided = await deps.withLocks(locks, async (): Promise<{ lead: Lead; opened: boolean } | null> => {
    const q = { text: c.text, signals: own, employer: t.employer, employerKey, projectKey, area: route.area };
    const { signals, join, suggest } = await findOpenCase(deps, q, now, { prune: true, followUp: mode === 'follow_up' });
    if (join) {
      // An earlier run of this complaint joined it already.
      if (join.lead.complaintIds.includes(c.id)) return { lead: join.lead, opened: false };
      const merged = unionSignals(join.entry.signals, signals);
      const joined = await joinCase(deps, join.lead.id, c, t, report, merged, join.evidence.reasons, now);
      if (joined) {
        await deps.caseIndex.add(indexEntry(joined, merged));
        // The other cases this complaint resembled are suggested only if they resemble the case it joined.
        const alike = suggest
          .map((s) => ({ ...s, evidence: compareSignals(merged, s.entry.signals) }))
          .filter((s) => !s.evidence.veto && s.evidence.anchored && s.evidence.score >= SUGGEST_SCORE);
        await recordPossibleDuplicates(deps, joined, alike, now);
        return { lead: joined, opened: false };
      }
    }
    if (mode !== 'open') return null;
    const opened = await createCase(deps, c, t, { route, employerKey, projectKey, phone, report, signals, now, id: c.id, notice: true });
    await recordPossibleDuplicates(deps, opened, suggest, now);
    return { lead: opened, opened: true };
  });
  // Outside the lock: other complaints about these names need not wait for it.
  if (decided?.opened) await afterCaseOpened(deps, decided.lead);
  return decided;
}

/**
 * The decision among the cases that are still open: a candidate found closed (or gone) is left out
 * (and, with `prune`, dropped from the index) and the decision is taken again without it.
 */
async function decideAmongOpen(
  deps: Pick<OpenCaseDeps, 'leads' | 'caseIndex'>,
  scored: Scored<CaseIndexEntry>[],
  opts: { prune: boolean; followUp: boolean },
): Promise<{ join: Candidate | null; suggest: Candidate[] }> {
  let pool = scored;
  for (;;) {
    const { join, suggest } = (opts.followUp ? decideFollowUp : decideMatch)(pool, (a, b) => compatible(a.signals, b.signals));
    const wanted = [...(join ? [join] : []), ...suggest];
    const leads = await Promise.all(wanted.map((w) => deps.leads.get(w.entry.id)));
    const gone = wanted.filter((_, i) => !isOpen(leads[i]));
    if (!gone.length) {
      const withLead = (w: Scored<CaseIndexEntry>) => ({ ...w, lead: leads[wanted.indexOf(w)]! });
      return { join: join ? withLead(join) : null, suggest: suggest.map(withLead) };
    }
    if (opts.prune) for (const g of gone) await deps.caseIndex.remove(g.entry);
    pool = pool.filter((p) => !gone.includes(p));
  }
}

const isOpen = (l: Lead | null | undefined): l is Lead => Boolean(l && l.status !== 'closed' && l.status !== 'rejected');

/** Two open cases that could be one (a crew split in two), as opposed to two cases a complaint cannot tell apart. */
const compatible = (a: CaseSignals, b: CaseSignals) => {
  const e = compareSignals(a, b);
  return !e.veto && e.score >= MERGE_SCORE / 2;
};

/** Joins the case as it is inside its exclusive section; null when it closed meanwhile. */
function joinCase(
  deps: OpenCaseDeps,
  leadId: string,
  c: Complaint,
  t: TriageResult,
  report: Lead['reports'][number],
  signals: CaseSignals,
  reasons: string[],
  now: Date,
) {
  return deps.leads.mutate(leadId, async () => {
    const lead = await deps.leads.get(leadId);
    if (!lead || lead.status === 'closed' || lead.status === 'rejected') return null;
    if (lead.complaintIds.includes(c.id)) return lead;
    const totals = caseTotals([...lead.reports, report]);
    const urgent =
      lead.urgency === 'high' || t.urgency === 'high' || (totals.workerCount ?? 0) >= 10 || (totals.amountYuan ?? 0) >= 100_000;
    const notice = deps.noticeEvent ? [deps.noticeEvent(lead.caseNumber, c.channel, now, complainantKey(c, t.phone).phone)] : [];
    const joined = await deps.leads.attachComplaint(
      lead.id,
      lead.revision,
      report,
      { ...totals, urgency: urgent ? 'high' : 'normal', priority: urgent ? 'urgent' : 'normal', signals },
      [
        {
          at: now,
          type: 'complaint_merged',
          actor: 'system',
          note: `合并${CHANNEL_NAME[c.channel] ?? c.channel}投诉（${reasons.join('、') || '同一单位或项目'}）`,
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
