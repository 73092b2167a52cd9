import { matchScore, nameKey } from '../domain/case-matching';
import type { Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { TriageResult } from '../domain/triage-result';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';
import type { OpenCaseDeps } from './create-case';

/**
 * The open case a complaint with these fields would join, as matching ranks them, without joining it:
 * what the hotline desk shows before the complaint is filed.
 */
export async function previewJoin(
  deps: Pick<OpenCaseDeps, 'leads' | 'caseIndex' | 'dedupWindowDays' | 'departments' | 'now'>,
  t: TriageResult,
): Promise<Lead | null> {
  if (t.category !== 'wage_arrears') return null;
  const route = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const employerKey = nameKey(t.employer);
  const projectKey = nameKey(t.project);
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - deps.dedupWindowDays * 86_400_000);
  const candidates = await deps.caseIndex.candidates({ since, employer: t.employer, employerKey, projectKey, area: route.area });
  const me = { employer: t.employer, employerKey, projectKey, area: route.area, sector: t.sector };
  const ranked = candidates
    .map((entry) => ({ entry, score: matchScore(me, entry) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  for (const { entry } of ranked) {
    const lead = await deps.leads.get(entry.id);
    if (lead && lead.status !== 'closed' && lead.status !== 'rejected') return lead;
  }
  return null;
}
