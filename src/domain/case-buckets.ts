import { surname } from './case-matching';
import { isGivenOnly, type CaseSignals } from './case-signals';
import { isKindOnly, syllablesOf } from './name-key';

/** What matching needs to know about an open case (see domain/case-matching), kept small. */
export interface CaseIndexEntry {
  id: string;
  employer: string | null;
  employerKey: string | null;
  projectKey: string | null;
  area: string | null;
  sector: string | null;
  /** Everything matching compares (see case-signals); a case keeps its complaints' union. */
  signals: CaseSignals;
  /** Epoch ms. */
  createdAt: number;
}

export interface CaseIndex {
  /** Cases opened since `since` that may match by name (see caseBuckets): newest first, at most `limit`. */
  candidates(
    q: {
      since: Date;
      employer: string | null;
      employerKey: string | null;
      projectKey: string | null;
      area: string | null;
      /** With these, the buckets of every signal are read (see signalBuckets), not only the names'. */
      signals?: CaseSignals;
      /** The complaint's text: the cases known by a name it holds are candidates too (see textBuckets). */
      text?: string;
    },
    limit?: number,
  ): Promise<CaseIndexEntry[]>;
  add(e: CaseIndexEntry): Promise<void>;
  /** A case that can no longer be joined (closed, rejected, gone). */
  remove(e: CaseIndexEntry): Promise<void>;
}

/** The character pairs of a name key: 宏远达 → 宏远, 远达. */
function bigrams(key: string): string[] {
  const chars = [...key];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

type Named = { employer: string | null; employerKey: string | null; projectKey: string | null; area: string | null };

/**
 * The buckets a case is filed under and a complaint looks in. Two name keys that matchScore finds
 * similar enough (equal, one inside the other, or at most one edit in five characters) always share a
 * character pair, so the pairs of the employer and project keys find every case that can match by name,
 * however it is written, without reading a whole township's cases. A boss known by surname only
 * (周老板) matches by surname within the township, so that has a bucket of its own.
 */
export function caseBuckets(q: Named): string[] {
  const buckets = new Set<string>();
  for (const k of [q.employerKey, q.projectKey]) if (k) for (const g of bigrams(k)) buckets.add(`g:${g}`);
  const boss = surname(q.employer);
  if (boss && q.area) buckets.add(`s:${q.area}:${boss}`);
  return [...buckets];
}

/**
 * The buckets of every signal that can single a case out: the character pairs and the syllable pairs
 * of its names (so that 盛宏 finds 盛泓), each boss's surname in the township and full name, each phone,
 * each worker's name, each village.
 * Two complaints that matching could put in one case share at least one of these, so they also serve
 * as the locks that decide such complaints one at a time.
 */
export function signalBuckets(s: CaseSignals): string[] {
  const buckets = new Set<string>();
  // A name that says only what kind (公路, 电子) singles out no case: it files nothing.
  for (const k of [...s.employerKeys, ...s.projectKeys].filter((x) => !isKindOnly(x))) {
    for (const g of bigrams(k)) buckets.add(`g:${g}`);
    const syllables = syllablesOf(k);
    for (let i = 0; i + 1 < syllables.length; i++) buckets.add(`p:${syllables[i]}-${syllables[i + 1]}`);
  }
  const people = s.bosses.filter((b) => !isGivenOnly(b));
  for (const area of new Set([...(s.area ? [s.area] : []), ...s.places])) for (const b of people) buckets.add(`s:${area}:${b[0]}`);
  for (const b of people) if (b.length > 1) buckets.add(`b:${b}`);
  // The given name as it sounds: 宫建华 finds 龚建华, and 栋哥 or 小军 the 周国栋 or 谭小军 they are called by.
  for (const b of s.bosses) {
    const given = b.slice(1);
    if (b.length === 3 && !isGivenOnly(b)) buckets.add(`n:${syllablesOf(given).join('-')}`);
    for (const ch of given) buckets.add(`n1:${syllablesOf(ch)[0] ?? ch}`);
  }
  for (const p of s.phones) buckets.add(`t:${p}`);
  for (const w of s.workers) buckets.add(`w:${w}`);
  for (const v of s.villages) buckets.add(`v:${v}`);
  return [...buckets];
}

/** At most this many pairs of a text are looked up (a long transcript's first part names what matters). */
const TEXT_PAIRS = 300;

/**
 * The buckets of the names an open case is known by that a complaint's text may hold though nothing
 * marks them as names (碧桂园那个三期, 金鼎花庭 for 金鼎华庭): every character pair and syllable pair of
 * its Chinese text, leaving out pairs that only say what kind of place (小区, 工地). Only for finding
 * candidates: what they are known by must then be in the text (see withNamesFrom).
 */
export function textBuckets(text: string): string[] {
  const buckets = new Set<string>();
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    const syllables = syllablesOf(run);
    for (let i = 0; i + 1 < chars.length && buckets.size < TEXT_PAIRS * 2; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (isKindOnly(pair)) continue;
      buckets.add(`g:${pair}`);
      if (syllables.length === chars.length) buckets.add(`p:${syllables[i]}-${syllables[i + 1]}`);
    }
  }
  return [...buckets];
}
