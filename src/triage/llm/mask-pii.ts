import { personNameAt } from '../rules/person-names';
import { SPOKEN_DIGITS } from '../rules/phone';
/** Words with which complainants give their own name: 我叫覃春生, 本人滕秋菊, 姓名：符永旺. */
const SELF_NAME_CUE = /(?:我叫|我是|本人|我姓名|姓名[:：]?\s*|名字叫|名叫)/g;

/** The complainant's own name, wherever it appears, once they have said it: it tells the model nothing it needs. */
function maskOwnNames(text: string): string {
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
 * Phone and ID numbers (and the complainant's own name) never leave the process: each is replaced by a numbered placeholder before the
 * text goes to the LLM, and a placeholder the LLM returns as the callback number is mapped back here.
 */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const PHONE = /(?<!\d)(?:\+?86[\s-]?)?(?:1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g;
/** Spoken digits on a transcript (一三九…, 幺 for 1) read out as a phone number. */
const SPOKEN_PHONE = new RegExp(`[${Object.keys(SPOKEN_DIGITS).join('')}]{7,}`, 'g');

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
  const masked = maskOwnNames(text)
    .replace(ID_NUMBER, '[身份证号]')
    .replace(PHONE, (m) => placeholder(m.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')))
    .replace(SPOKEN_PHONE, (m) => placeholder([...m].map((c) => SPOKEN_DIGITS[c] ?? '').join('')));
  return { text: masked, phones };
}
