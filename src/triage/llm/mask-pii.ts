/**
 * Phone and ID numbers never leave the process: each is replaced by a numbered placeholder before the
 * text goes to the LLM, and a placeholder the LLM returns as the callback number is mapped back here.
 */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const PHONE = /(?<!\d)(?:\+?86[\s-]?)?(?:1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8})(?!\d)/g;
/** Spoken digits on a transcript (一三九…, 幺 for 1) read out as a phone number. */
const SPOKEN_PHONE = /[幺一二三四五六七八九零〇两]{7,}/g;

export interface MaskedText {
  text: string;
  /** placeholder → original digits */
  phones: Map<string, string>;
}

const SPOKEN: Record<string, string> = {
  幺: '1',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  零: '0',
  〇: '0',
};

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
  const masked = text
    .replace(ID_NUMBER, '[身份证号]')
    .replace(PHONE, (m) => placeholder(m.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')))
    .replace(SPOKEN_PHONE, (m) => placeholder([...m].map((c) => SPOKEN[c] ?? '').join('')));
  return { text: masked, phones };
}
