import { distance } from 'fastest-levenshtein';

/**
 * Deciding whether a new wage complaint belongs to an open case: the same employer or project,
 * written differently ("鑫达建设有限公司", "鑫达建筑公司", "鑫达公司的项目部"), with the place of work
 * as a tie-breaker.
 */
const PLACE_PREFIX = /^(湖南省|湖南|常德市|常德)/;
/** The county's own name, wherever it stands (桃源县华盛鞋业, 兴发电子桃源分厂). */
const COUNTY = /桃源县|桃源(?=分|县)|^桃源/g;
const GENERIC =
  /(有限责任公司|股份有限公司|集团有限公司|有限公司|分公司|分厂|分店|公司|集团|项目部|项目|劳务队|施工队|工程队|装修队|劳务|建设|建筑|工程|工地|老板|包工头|老总|经理)/g;
/** Words for the trade rather than the business: 湘味轩饭店 and 湘味轩餐饮 are one business. */
const TRADE =
  /(餐饮|饭店|酒店|酒楼|餐馆|菜馆|机械制造|制造|机械|电子科技|科技|电子|鞋业|纸业|茶业|米业|教育培训学校|培训学校|培训机构|教育|培训|装修|装饰|园林|新能源|能源|环保|农业开发|开发|服务|服装|服饰)/g;
/** Phases and blocks of one estate are one site for a complaint: 碧水湾三期, 阳光新城B区. */
const PHASE = /([一二三四五六七八九十\d]+期|[A-Za-z\d]+区|[一二三四五六七八九十\d]+号楼)$/;

/** The distinctive part of an employer or project name, or null when nothing distinctive is left. */
export function nameKey(name: string | null): string | null {
  if (!name) return null;
  const squashed = name.replace(/[\s\p{P}\p{S}]/gu, '');
  const core = squashed.replace(PLACE_PREFIX, '').replace(COUNTY, '').replace(GENERIC, '').replace(PHASE, '');
  const key = core.replace(TRADE, '').length >= 2 ? core.replace(TRADE, '') : core;
  // A factory or shop word at the end (华盛鞋厂, 沅水茶厂) goes too, if a name is left.
  const bare = key.replace(/(厂|店|行|站|场)$/, '');
  return bare.length >= 2 ? bare : key.length >= 2 ? key : null;
}

/** 1 for the same key, 0.9 when one contains the other, else 1 − edit distance / longer length. */
export function keySimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return 0.9;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

export interface MatchInput {
  employer?: string | null;
  employerKey: string | null;
  projectKey: string | null;
  area: string | null;
  sector?: string | null;
}

export const MATCH_THRESHOLD = 0.8;

/** 周建国 and 周老板 (or 姓周的老板) may be one person: the surname, when the employer is a person. */
export function surname(employer: string | null | undefined): string | null {
  if (!employer) return null;
  const boss = /^(.)(老板|总|经理|包工头)$/.exec(employer);
  if (boss) return boss[1]!;
  return /^[\u4e00-\u9fa5]{2,3}$/.test(employer) && !/(公司|厂|店|部|队)$/.test(employer) ? employer[0]! : null;
}

/**
 * A score in [0, 1.1]: the best similarity of the names (employer with employer or project, project
 * with project), plus 0.1 when the township agrees. Not the same case: different townships, different
 * trades, or one site with two different employers (two subcontractors).
 */
export function matchScore(a: MatchInput, b: MatchInput): number {
  if (a.area && b.area && a.area !== b.area) return 0;
  if (a.sector && b.sector && a.sector !== b.sector) return 0;
  const employers = keySimilarity(a.employerKey, b.employerKey);
  if (a.employerKey && b.employerKey && employers < MATCH_THRESHOLD && !sameSurnameBoss(a, b)) return 0;
  const name = Math.max(
    employers,
    keySimilarity(a.projectKey, b.projectKey),
    keySimilarity(a.employerKey, b.projectKey),
    keySimilarity(a.projectKey, b.employerKey),
    sameSurnameBoss(a, b) ? MATCH_THRESHOLD : 0,
  );
  if (name < MATCH_THRESHOLD) return 0;
  return name + (a.area && a.area === b.area ? 0.1 : 0);
}

/** 周建国 / 周老板 in the same named township: taken as one boss. */
function sameSurnameBoss(a: MatchInput, b: MatchInput): boolean {
  const sa = surname(a.employer);
  return sa !== null && sa === surname(b.employer) && a.area !== null && a.area === b.area;
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
