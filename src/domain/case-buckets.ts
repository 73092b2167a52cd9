import { surname } from './case-matching';
import type { CaseSignals } from './case-signals';
import { syllablesOf } from './name-key';

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
 * each village.
 * Two complaints that matching could put in one case share at least one of these, so they also serve
 * as the locks that decide such complaints one at a time.
 */
export function signalBuckets(s: CaseSignals): string[] {
  const buckets = new Set<string>();
  for (const k of [...s.employerKeys, ...s.projectKeys]) {
    for (const g of bigrams(k)) buckets.add(`g:${g}`);
    const syllables = syllablesOf(k);
    for (let i = 0; i + 1 < syllables.length; i++) buckets.add(`p:${syllables[i]}-${syllables[i + 1]}`);
  }
  for (const area of new Set([...(s.area ? [s.area] : []), ...s.places])) for (const b of s.bosses) buckets.add(`s:${area}:${b[0]}`);
  for (const b of s.bosses) if (b.length > 1) buckets.add(`b:${b}`);
  for (const p of s.phones) buckets.add(`t:${p}`);
  for (const v of s.villages) buckets.add(`v:${v}`);
  return [...buckets];
}
