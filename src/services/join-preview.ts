import { nameKey } from '../domain/case-matching';
import type { Lead } from '../domain/lead';
import { routeLead } from '../domain/routing';
import type { TriageResult } from '../domain/triage-result';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';
import { complaintSignals, type OpenCaseDeps, type SignalComplaint } from './create-case';
import { findOpenCase } from './open-case';

/**
 * The open case a complaint with these fields would join, without joining it: what the hotline desk
 * shows before the complaint is filed. It asks the matcher intake uses (findOpenCase) with the same
 * signals (the fields, the text, the caller, when it came in), so the desk says what intake will do; a
 * question about an earlier complaint (`followUp`) is placed as intake places it. Null when intake
 * would join none. The caller asks only for what intake would match (see joinsWhenMatched).
 */
export async function previewJoin(
  deps: Pick<OpenCaseDeps, 'leads' | 'caseIndex' | 'dedupWindowDays' | 'departments' | 'now'>,
  t: TriageResult,
  complaint: SignalComplaint,
  opts: { followUp?: boolean } = {},
): Promise<Lead | null> {
  const { area } = routeLead(t, TAOYUAN_TOWNSHIPS, deps.departments);
  const q = {
    text: complaint.text,
    signals: complaintSignals(complaint, t, area),
    employer: t.employer,
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    area,
  };
  const { join } = await findOpenCase(deps, q, deps.now?.() ?? new Date(), { prune: false, followUp: Boolean(opts.followUp) });
  return join?.lead ?? null;
}
