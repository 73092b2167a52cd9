import { personNameAt } from '../rules/person-names';
import { findNumbers } from '../../domain/masking';
/** Words with which complainants give their own name: 我叫覃春生, 本人滕秋菊, 姓名：符永旺. */
const SELF_NAME_CUE = /(?:我叫|我是|本人|我姓名|姓名[:：]?\s*|名字叫|名叫)/g;

/** The complainant's own name, wherever it appears, once they have said it: it tells the model nothing it needs. */
export function maskOwnNames(text: string): string {
  const names = new Set<string>();
  for (const m of text.matchAll(SELF_NAME_CUE)) {
    const name = personNameAt(text, (m.index ?? 0) + m[0].length);
    if (name) names.add(name);
  }
  let out = text;
  for (const name of names) out = out.split(name).join('[投诉人]');
  return out;
}

/**
 * Phone and ID numbers (and the complainant's own name) never leave the process: each is replaced by a
 * numbered placeholder before the text goes to the LLM, and a placeholder the LLM returns as the
 * callback number is mapped back here. Numbers are found in every written form by the one reader of
 * domain/masking (spaced, dashed, +86, full-width, read out digit by digit).
 */
export interface MaskedText {
  text: string;
  /** placeholder → original digits */
  phones: Map<string, string>;
}

export function maskPii(text: string): MaskedText {
  const phones = new Map<string, string>();
  const byDigits = new Map<string, string>();
  const placeholder = (digits: string): string => {
    const known = byDigits.get(digits);
    if (known) return known;
    const p = `[电话${byDigits.size + 1}]`;
    byDigits.set(digits, p);
    phones.set(p, digits);
    return p;
  };
  const named = maskOwnNames(text);
  let masked = '';
  let at = 0;
  for (const n of findNumbers(named)) {
    masked += named.slice(at, n.start) + (n.kind === 'id' ? '[身份证号]' : placeholder(n.digits));
    at = n.end;
  }
  return { text: masked + named.slice(at), phones };
}
