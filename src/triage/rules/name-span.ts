import { GENERIC_ORG_WORDS, NAME_BOUNDARY_CHARS, NAME_BOUNDARY_WORDS } from '../lexicon/org-suffixes';

const NAME_CHAR = /[\u4e00-\u9fa5A-Za-z0-9]/;

/** Whether the text just before `at` is a word that comes before names (在, 投诉, 那家). */
export function endsWithBoundaryWord(text: string, at: number): boolean {
  return NAME_BOUNDARY_WORDS.some((word) => at >= word.length && text.startsWith(word, at - word.length));
}

/** For each boundary character, the trade words that hold it (卖 → 外卖). */
const TRADE_WORDS_HOLDING = new Map<string, string[]>(
  [...NAME_BOUNDARY_CHARS].map((ch) => [ch, GENERIC_ORG_WORDS.filter((word) => word.length > 1 && word.includes(ch))]),
);

/** 外卖 holds 卖 and 修造 holds 修, verbs that elsewhere end a name; inside a trade word they belong to it. */
function inTradeWord(text: string, at: number): boolean {
  const words = TRADE_WORDS_HOLDING.get(text[at] ?? '') ?? [];
  return words.some((word) => {
    for (let k = word.indexOf(text[at] ?? ''); k >= 0; k = word.indexOf(text[at] ?? '', k + 1))
      if (text.startsWith(word, at - k)) return true;
    return false;
  });
}

/**
 * Reads a name backwards from where its suffix starts (湖南鑫达建设|有限公司) and returns where the
 * name begins: at punctuation, or after a word that introduces names (在, 是, 投诉, 那家).
 */
export function nameStart(text: string, suffixStart: number, maxLength = 16): number {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < maxLength) {
    const ch = text[start - 1] ?? '';
    if (!NAME_CHAR.test(ch) || (NAME_BOUNDARY_CHARS.has(ch) && !inTradeWord(text, start - 1))) break;
    if (endsWithBoundaryWord(text, start)) break;
    start--;
  }
  return start;
}

/** Removes each listed word once from the text, longest first. */
const longestFirst = new WeakMap<readonly string[], readonly string[]>();

export function withoutWords(text: string, words: readonly string[]): string {
  let sorted = longestFirst.get(words);
  if (!sorted) {
    sorted = [...words].sort((a, b) => b.length - a.length);
    longestFirst.set(words, sorted);
  }
  let rest = text;
  for (const word of sorted) if (rest.includes(word)) rest = rest.split(word).join('');
  return rest;
}

/** A found name with its offsets in the text. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Keeps the widest of overlapping spans, in text order. */
export function widestSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const span of sorted) if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}
