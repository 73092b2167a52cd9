import { NAME_BOUNDARY_CHARS, NAME_BOUNDARY_WORDS } from '../lexicon/org-suffixes';

const NAME_CHAR = /[\u4e00-\u9fa5A-Za-z0-9]/;

/**
 * Reads a name backwards from where its suffix starts (湖南鑫达建设|有限公司) and returns where the
 * name begins: at punctuation, or after a word that introduces names (在, 是, 投诉, 那家).
 */
export function nameStart(text: string, suffixStart: number, maxLength = 16): number {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < maxLength) {
    const ch = text[start - 1] ?? '';
    if (!NAME_CHAR.test(ch) || NAME_BOUNDARY_CHARS.has(ch)) break;
    const head = text.slice(0, start);
    if (NAME_BOUNDARY_WORDS.some((word) => head.endsWith(word))) break;
    start--;
  }
  return start;
}

/** Removes each listed word once from the text, longest first. */
export function withoutWords(text: string, words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).reduce((rest, word) => rest.split(word).join(''), text);
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
