import { branchesApart, isKindOnly, nameKey, keySimilarity, nameSimilarity, sitesApart, syllablesOf } from './name-key';
import { ALL_WORKSHOPS, isGivenOnly, type CaseSignals } from './case-signals';
import { periodsRelation } from './owed-period';

export { nameKey, keySimilarity, nameSimilarity };

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

/** What a complaint and an open case have in common, and whether that is enough. */
export interface Evidence {
  /** Points for and against one case: at MERGE_SCORE the complaint joins; from SUGGEST_SCORE it is a possible duplicate. */
  score: number;
  /** What they share, as staff read it (同一老板, 电话相同, 同一工地…). */
  reasons: string[];
  /** Something that singles the case out (a name, a phone, the boss, the village): township, trade and months alone never do. */
  anchored: boolean;
  /** Why they cannot be one case (another township, another pay period), or null. */
  veto: 'other_township' | 'other_period' | null;
  /** The worker's own phone or name is in both. */
  samePerson?: boolean;
}

/** Reasons that name the matter itself (not only who is speaking). */
const NAMED = new Set(['同一单位', '单位名称相近', '同一工地', '同一老板']);

export const MERGE_SCORE = 3;
/** Kinds of works so common that sharing one says little (a house going up). */
const BROAD_KINDS = new Set(['建房']);
export const SUGGEST_SCORE = 1.5;

const best = (xs: readonly string[], ys: readonly string[]) => Math.max(0, ...xs.flatMap((x) => ys.map((y) => nameSimilarity(x, y))));
/** Employers by name: two shops of one chain (佳惠超市城东店, 佳惠超市城西店) are two employers. */
const bestEmployer = (xs: readonly string[], ys: readonly string[]) =>
  Math.max(0, ...xs.flatMap((x) => ys.map((y) => (branchesApart(x, y) ? 0 : nameSimilarity(x, y)))));

/** 宫建华 / 龚建华: one given name, surnames that sound alike (a typist's or a caller's homophone). */
const soundAlike = (x: string, y: string) => x.slice(1) === y.slice(1) && syllablesOf(x[0]!)[0] === syllablesOf(y[0]!)[0];
/** 栋哥 (~栋) and 周国栋: the character workers call him by is in the full name's given name. */
const givenIn = (token: string, name: string) => !isGivenOnly(name) && name.length > 1 && name.slice(1).includes(token.slice(1));

/**
 * Two bosses by name: the same person, maybe (one known by surname or by a given name only), or two
 * people. A given name alone says nothing against another boss.
 */
function bossRelation(a: readonly string[], b: readonly string[]): 'same' | 'surname' | 'other' | 'unknown' {
  if (!a.length || !b.length) return 'unknown';
  let relation: 'surname' | 'other' | 'unknown' = 'unknown';
  for (const x of a)
    for (const y of b) {
      if (isGivenOnly(x) || isGivenOnly(y)) {
        if (x === y || givenIn(x, y) || givenIn(y, x)) relation = 'surname';
        continue;
      }
      if (relation === 'unknown') relation = 'other';
      const full = x.length > 1 && y.length > 1;
      // 覃老板 and 秦老板: a surname heard, not read; one that sounds the same may be the same man.
      if (!full && x[0] !== y[0] && syllablesOf(x[0]!)[0] === syllablesOf(y[0]!)[0]) {
        relation = 'surname';
        continue;
      }
      if (x[0] !== y[0] && !(full && soundAlike(x, y))) continue;
      if (full) {
        if (nameSimilarity(x, y) >= 0.9) return 'same';
      } else relation = 'surname';
    }
  return relation;
}

const shared = <T>(a: readonly T[], b: readonly T[]) => a.some((x) => b.includes(x));

/**
 * The evidence that a complaint (or a case) belongs to an open case, signal by signal, as a person
 * would weigh it: the employer's name however written or said, the site, the boss however he is called,
 * the worker's own phone, the village, the trade and the months owed. Another township or another pay
 * period rules the case out; another employer, boss, village or trade counts against it.
 */
export function compareSignals(c: CaseSignals, k: CaseSignals): Evidence {
  const reasons: string[] = [];
  let score = 0;
  let anchored = false;
  // Another township rules it out; a township one side only names (漆热公路 lies in 漆家河 and 热市) counts
  // when the other side has its own.
  const [cTowns, kTowns] = [
    [...(c.area ? [c.area] : []), ...c.places],
    [...(k.area ? [k.area] : []), ...k.places],
  ];
  if ((c.area || k.area) && cTowns.length && kTowns.length && !shared(cTowns, kTowns))
    return { score: 0, reasons, anchored, veto: 'other_township' };
  if (periodsRelation(c.periods, k.periods) === 'apart') return { score: 0, reasons, anchored, veto: 'other_period' };

  // Names that say only what kind of business or site (火锅, 路桥, 人民医院) count for less than names that say which.
  const which = (xs: readonly string[]) => xs.filter((x) => !isKindOnly(x));
  const [cEmployers, kEmployers] = [which(c.employerKeys), which(k.employerKeys)];
  // 锦程物流 and 锦程鞋业: one name in two trades is two businesses.
  const [cKinds, kKinds] = [c.employerKinds ?? [], k.employerKinds ?? []];
  const otherBusiness = cKinds.length > 0 && kKinds.length > 0 && !shared(cKinds, kKinds);
  const employer = otherBusiness ? 0 : bestEmployer(cEmployers, kEmployers);
  if (employer >= 0.9) {
    score += 3;
    reasons.push('同一单位');
  } else if (employer >= 0.75) {
    score += 2.5;
    reasons.push('单位名称相近');
  } else if (cEmployers.length && kEmployers.length) {
    if (employer < 0.5) score -= 3;
  } else if (best(c.employerKeys, k.employerKeys) >= 0.9) {
    score += 1.5;
    reasons.push('同类单位');
  }
  if (employer >= 0.75) anchored = true;
  // 汤泉湾的厨房师傅 and 汤泉湾温泉酒店: a business named by the start of its name, where the complaint
  // names no business of its own and tells work of the same kind, is that business.
  const namedBy = (names: readonly string[], sites: readonly string[]) =>
    names.some((e) => sites.some((p) => [...p].length >= 3 && !isKindOnly(p) && (e === p || e.startsWith(p))));
  if (
    employer < 0.75 &&
    !(c.sector && k.sector && c.sector !== k.sector) &&
    ((!cEmployers.length && namedBy(kEmployers, c.projectKeys)) || (!kEmployers.length && namedBy(cEmployers, k.projectKeys)))
  ) {
    score += 2.5;
    reasons.push('单位名称相近');
    anchored = true;
  }
  // A name matched only by sound (宏福 / 鸿福) is a guess: another trade or sector still counts against it.
  const written = Math.max(0, ...cEmployers.flatMap((x) => kEmployers.map((y) => keySimilarity(x, y))));
  const sure = employer >= 0.75 && written >= 0.75;
  // Each names a company the other does not (the main contractor in common): two subcontractors.
  const unmatched = (xs: readonly string[], ys: readonly string[]) => xs.some((x) => best([x], ys) < 0.5);
  const extraC = employer >= 0.75 && unmatched(cEmployers, kEmployers);
  const extraK = employer >= 0.75 && unmatched(kEmployers, cEmployers);
  const otherTrade = c.trades.length > 0 && k.trades.length > 0 && !shared(c.trades, k.trades);
  if (extraC && extraK) score -= 3;
  else if (extraC) score -= 1; // the complaint names a company the case does not know: maybe the one they work for
  if ((extraC || extraK) && otherTrade) score -= 3;

  // A business and a site match across only as written: 湘韵服饰 and 湘运广场 sound alike and are two places.
  // 金桃 (金桃酒店) inside 金桃苑: two characters inside a longer name of the other kind say little.
  const across = (x: string, y: string) => (Math.min([...x].length, [...y].length) < 3 && x !== y ? 0 : keySimilarity(x, y));
  const writtenBest = (xs: readonly string[], ys: readonly string[]) => Math.max(0, ...xs.flatMap((x) => ys.map((y) => across(x, y))));
  const siteOf = (xs: readonly string[], ys: readonly string[]) =>
    Math.max(best(xs, ys), writtenBest(cEmployers, ys), writtenBest(xs, kEmployers));
  const site = siteOf(which(c.projectKeys), which(k.projectKeys));
  const phases = (s: CaseSignals) => s.phases ?? [];
  const otherPhase =
    ['期', '区'].some((kind) => {
      const [a, b] = [phases(c).filter((p) => p[0] === kind), phases(k).filter((p) => p[0] === kind)];
      return a.length > 0 && b.length > 0;
    }) && !shared(phases(c), phases(k));
  // Each names its site and they are surely two (one boss, two crews at two sites): against.
  const [cSites, kSites] = [which(c.projectKeys), which(k.projectKeys)];
  const otherSite = site < 0.75 && cSites.length > 0 && kSites.length > 0 && cSites.every((x) => kSites.every((y) => sitesApart(x, y)));
  if (otherSite) score -= 2;
  if (site >= 0.75 && otherPhase)
    score -= 1.5; // 二期 and 三期 of one estate: two sites
  else if (site >= 0.75) {
    score += site >= 0.9 ? 2 : 1.5;
    reasons.push('同一工地');
    anchored = true;
  } else if (shared(c.projectKeys, k.projectKeys)) {
    // the same kind of site (敬老院, 民宿, 猪场): something, but not which one; every township has houses going up
    score += c.projectKeys.some((x) => k.projectKeys.includes(x) && !BROAD_KINDS.has(x)) ? 1.5 : 1;
    reasons.push('同类工地');
  }

  const townships = (s: CaseSignals) => [...(s.area ? [s.area] : []), ...s.places];
  const sameArea = shared(townships(c), townships(k));
  const bosses = bossRelation(c.bosses, k.bosses);
  if (bosses === 'same') {
    // 邹国平 written alike by two workers of his crew: as sure as the company's name, unless each names
    // another site (one boss, two crews).
    const exact = c.bosses.some((x) => [...x].length >= 3 && !isGivenOnly(x) && k.bosses.includes(x));
    score += exact && !otherSite ? 3 : 2.5;
    reasons.push('同一老板');
    anchored = true;
  } else if (bosses === 'surname') {
    score += 1;
    reasons.push('老板同姓');
    anchored ||= sameArea;
  } else if (bosses === 'other')
    // (湘里人家 of 邓老板 and 乡里人家 of 龚老板娘: names alike only by sound, and two bosses, are two businesses)
    score -= c.bosses.some((x) => !isGivenOnly(x) && k.bosses.some((y) => x[0] === y[0])) || (employer >= 0.75 && written < 0.9) ? 3 : 1.5;
  // Another head and another trade: another crew, though the site and the main contractor are one.
  const otherCrew = bosses === 'other' && c.trades.length > 0 && k.trades.length > 0 && !shared(c.trades, k.trades);
  if (otherCrew) score -= 3;

  if (shared(c.phones, k.phones)) {
    score += 3;
    reasons.push('电话相同');
    anchored = true;
  }
  if (shared(c.workers, k.workers)) {
    score += 1.5;
    reasons.push('同一投诉人');
    anchored = true;
  }
  if (shared(c.villages, k.villages)) {
    score += 1.5;
    reasons.push('同一村');
    anchored = true;
  } else if (c.villages.length && k.villages.length) score -= 3;
  // 针车车间 and 成型车间 of one shoe factory: maybe two crews (the months owed tell; see workshopsIn for a whole factory).
  const [cShops, kShops] = [c.workshops ?? [], k.workshops ?? []];
  if (cShops.includes(ALL_WORKSHOPS) || kShops.includes(ALL_WORKSHOPS)) {
    // the whole factory on either side: any workshop's workers are among its crew
  } else if (shared(cShops, kShops)) {
    score += 1;
    reasons.push('同一车间');
  } else if (cShops.length && kShops.length) score -= 1.5;
  const [cStreets, kStreets] = [c.streets ?? [], k.streets ?? []];
  if (shared(cStreets, kStreets)) {
    score += 1;
    reasons.push('同一条街');
  } else if (cStreets.length && kStreets.length) score -= 1;
  if (sameArea) {
    score += 0.5;
    reasons.push('同一乡镇');
  }
  // A builder's name, however surely the same, holds a crew of each trade: 恒昌建设's carpenters and its plasterers.
  const building = c.sector === 'construction' && k.sector === 'construction';
  if (shared(c.trades, k.trades)) {
    score += 1;
    reasons.push('同一工种');
  } else if (c.trades.length && k.trades.length && (!sure || building) && !otherCrew) score -= 1.5; // one employer has crews of every trade
  // (or the months told by one fall in the recent months the other complains of, the complaint being new)
  const recentOverlap = (x: CaseSignals, y: CaseSignals) =>
    !x.periods.length && Boolean(x.recent) && y.periods.length > 0 && periodsRelation([x.recent!], y.periods) === 'overlap';
  const named = reasons.some((r) => NAMED.has(r));
  if (periodsRelation(c.periods, k.periods) === 'overlap' || (named && (recentOverlap(c, k) || recentOverlap(k, c)))) {
    score += 0.5;
    reasons.push('欠薪月份相同');
  } else if (c.recent && !c.periods.length && periodsRelation([c.recent], k.periods) === 'apart') score -= 1; // wages owed now, a case of months long past
  // Triage guesses a sector from the words used; the employer's name or the village says more.
  if (c.sector && k.sector && c.sector !== k.sector && !sure && site < 0.9 && !shared(c.villages, k.villages))
    score -= employer >= 0.75 ? 2 : 1;
  const samePerson = shared(c.phones, k.phones) || shared(c.workers, k.workers);
  return { score: Math.round(score * 10) / 10, reasons, anchored, veto: null, samePerson };
}

export interface Scored<T> {
  entry: T;
  evidence: Evidence;
}

/**
 * What to do with a complaint given its evidence against each open case: join the best case when the
 * evidence is strong and nothing as strong points to another case it cannot be one with; list the rest
 * worth a look as possible duplicates. Where unsure, it does not merge.
 */
export function decideMatch<T>(
  scored: readonly Scored<T>[],
  compatible: (a: T, b: T) => boolean,
): { join: Scored<T> | null; suggest: Scored<T>[] } {
  // A case that holds only the same person (the worker's own phone) is weighed after one that names the
  // matter as well, and does not make it doubtful: a worker may write about two matters, and the one
  // named now is the one this complaint is about.
  const personOnly = (s: Scored<T>) => Boolean(s.evidence.samePerson) && !s.evidence.reasons.some((r) => NAMED.has(r));
  const weight = (s: Scored<T>) => s.evidence.score - (personOnly(s) ? 1 : 0);
  const worth = scored
    .filter((s) => !s.evidence.veto && s.evidence.anchored && s.evidence.score >= SUGGEST_SCORE)
    .sort((a, b) => weight(b) - weight(a));
  const top = worth[0];
  let join = top && top.evidence.score >= MERGE_SCORE ? top : null;
  const rival = worth[1];
  // Two cases fit equally well and cannot be one (two pay periods, two bosses): a person would ask.
  if (join && rival && rival.evidence.score > join.evidence.score - 1 && !compatible(join.entry, rival.entry) && !personOnly(rival))
    join = null;
  return { join, suggest: worth.filter((s) => s !== join).slice(0, 5) };
}

/**
 * Where a question about an earlier complaint (进度查询) belongs: the one open case that holds the
 * asker's own phone or name, with nothing much against it; else the case decideMatch would join.
 */
export function decideFollowUp<T>(
  scored: readonly Scored<T>[],
  compatible: (a: T, b: T) => boolean,
): { join: Scored<T> | null; suggest: Scored<T>[] } {
  const own = scored.filter((s) => s.evidence.samePerson && !s.evidence.veto && s.evidence.score >= SUGGEST_SCORE);
  return own.length === 1 ? { join: own[0]!, suggest: [] } : decideMatch(scored, compatible);
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
