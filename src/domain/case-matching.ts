import { distance } from 'fastest-levenshtein';

/**
 * Deciding whether a new wage complaint belongs to an open case: the same employer or project,
 * written differently ("鑫达建设有限公司", "鑫达建筑公司", "鑫达公司的项目部"), with the place of work
 * as a tie-breaker.
 */
const PLACE_PREFIX = /^(湖南省|湖南|常德市|常德|桃源县|桃源)/;
const GENERIC =
  /(有限责任公司|股份有限公司|集团有限公司|有限公司|分公司|公司|集团|项目部|项目|劳务队|施工队|工程队|装修队|劳务|建设|建筑|工程|工地|老板|包工头|老总|经理)/g;

/** The distinctive part of an employer or project name, or null when nothing distinctive is left. */
export function nameKey(name: string | null): string | null {
  if (!name) return null;
  const squashed = name.replace(/[\s\p{P}\p{S}]/gu, '');
  const key = squashed.replace(PLACE_PREFIX, '').replace(GENERIC, '');
  return key.length >= 2 ? key : null;
}

/** 1 for the same key, 0.9 when one contains the other, else 1 − edit distance / longer length. */
export function keySimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return 0.9;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

export interface MatchInput {
  employerKey: string | null;
  projectKey: string | null;
  area: string | null;
}

export const MATCH_THRESHOLD = 0.8;

/** A score in [0, 1.1]: the better of employer and project similarity, plus 0.1 when the area agrees. */
export function matchScore(a: MatchInput, b: MatchInput): number {
  const name = Math.max(keySimilarity(a.employerKey, b.employerKey), keySimilarity(a.projectKey, b.projectKey));
  if (name < MATCH_THRESHOLD) return 0;
  // Same name in two different townships is most likely two sites of one employer: still one case,
  // but a same-area candidate wins the tie.
  return name + (a.area && a.area === b.area ? 0.1 : 0);
}

export interface ComplaintReport {
  complaintId: string;
  complainantId: string;
  workerCount: number | null;
  amountYuan: number | null;
}

/**
 * A case's head count and amount from all its complaints. Workers speaking for themselves add up; a
 * report for a group (a foreman for the crew) may already include them, so the case takes whichever
 * is larger: the biggest group report, or the sum of the individual ones. One complainant writing
 * twice counts once (their latest report).
 */
export function caseTotals(reports: readonly ComplaintReport[]): { workerCount: number | null; amountYuan: number | null } {
  const latest = new Map<string, ComplaintReport>();
  for (const r of reports) latest.set(r.complainantId, r);
  const people = [...latest.values()];
  const groups = people.filter((r) => r.workerCount !== null && r.workerCount > 1);
  const individuals = people.filter((r) => r.workerCount === 1);
  const candidates = (group: (number | null)[], individual: number | null) => [...group, individual].filter((x): x is number => x !== null);
  const largest = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
  const individualAmounts = individuals.map((r) => r.amountYuan).filter((x): x is number => x !== null);
  return {
    workerCount: largest(
      candidates(
        groups.map((r) => r.workerCount),
        individuals.length || null,
      ),
    ),
    amountYuan: largest(
      candidates(
        groups.map((r) => r.amountYuan),
        individualAmounts.length ? individualAmounts.reduce((a, b) => a + b, 0) : null,
      ).concat(people.length === 1 && people[0]!.amountYuan !== null ? [people[0]!.amountYuan] : []),
    ),
  };
}
