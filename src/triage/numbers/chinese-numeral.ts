/**
 * Reads the numbers people write in complaints: Arabic or Chinese digits with 十百千万 units,
 * colloquial tails (一万二 = 12000, 3万5 = 35000, 一百二 = 120), ranges (七八千 → the lower 7000),
 * approximate words (二十多万, 十几万 → 100000) and w/k shorthands (3.5w, 8k).
 * Written here rather than with `nzh`, which reads 两 and colloquial tails wrongly.
 */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, k: 1000, K: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, w: 10_000, W: 10_000, 亿: 100_000_000 };
const APPROX = new Set(['多', '来', '余', '几']);

/** A maximal run of numeral characters, starting with a digit, 十/两, or 万/千 said for 一万/一千 (万六, 千把). */
export const NUMERAL_RUN =
  /(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]|(?<![\d零〇一二两三四五六七八九十百千万])[千万](?=[二两三四五六七八九]|把|多))(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿几多来余]|(?<=\d)[wWkK](?![a-zA-Z]))*/g;

/**
 * A last digit that begins the next word rather than ending the number: 三万|一直拖着, 五千|一分冇给,
 * 两千|两个月, 一千八|一个月, 2800|一个月 (while 三万一 alone is 31000).
 */
const WORD_AFTER_LAST_DIGIT = /^[个直分共起下点样定些次天年月周号]/;
const DIGIT_AFTER_NUMBER = /([百千万][一二两三四五六七八九]?|\d|[多来余])[一二两三四五六七八九]$/;

type Token =
  | { kind: 'digit'; value: number; single: boolean }
  | { kind: 'small'; value: number }
  | { kind: 'big'; value: number }
  | { kind: 'zero' }
  | { kind: 'approx'; char: string };

function tokenize(run: string): Token[] {
  const tokens: Token[] = [];
  for (const match of run.matchAll(/\d+(?:\.\d+)?|./g)) {
    const piece = match[0];
    if (/^\d/.test(piece)) tokens.push({ kind: 'digit', value: Number(piece), single: /^\d$/.test(piece) });
    else if (piece === '零' || piece === '〇') tokens.push({ kind: 'zero' });
    else if (piece in DIGITS) tokens.push({ kind: 'digit', value: DIGITS[piece] ?? 0, single: true });
    else if (piece in SMALL_UNITS) tokens.push({ kind: 'small', value: SMALL_UNITS[piece] ?? 1 });
    else if (piece in BIG_UNITS) tokens.push({ kind: 'big', value: BIG_UNITS[piece] ?? 1 });
    else if (APPROX.has(piece)) tokens.push({ kind: 'approx', char: piece });
  }
  return tokens;
}

export interface ParsedNumeral {
  value: number;
  /** Whether a 百/千/万 (or w/k) scale appears: such runs are amounts of money rather than counts. */
  hasMoneyScale: boolean;
}

export function parseNumeral(run: string): ParsedNumeral | null {
  const tokens = tokenize(run);
  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let pendingSingle = false;
  let lastUnit: number | null = null;
  let previous: Token | null = null;
  let sawDigit = false;
  for (const token of tokens) {
    switch (token.kind) {
      case 'digit':
        sawDigit = true;
        // 七八千, 两三万: a second digit right after a first one makes a range; keep the lower bound.
        if (!(previous?.kind === 'digit' && pending !== null)) {
          pending = token.value;
          pendingSingle = token.single;
        }
        break;
      case 'approx':
        // 十几万: 几 stands for an unknown digit, read as 0.
        if (token.char === '几' && pending === null) {
          pending = 0;
          pendingSingle = true;
        }
        break;
      case 'zero':
        pending = null;
        lastUnit = null;
        break;
      case 'small':
        sawDigit = true;
        section += (pending ?? 1) * token.value;
        pending = null;
        lastUnit = token.value;
        break;
      case 'big':
        section += pending ?? 0;
        total += (section || 1) * token.value;
        section = 0;
        pending = null;
        lastUnit = token.value;
        break;
    }
    previous = token;
  }
  if (!sawDigit) return null;
  if (pending !== null) {
    // 一万二 = 12000, 3万5 = 35000: a lone digit after a unit counts in the next unit down.
    const colloquial = lastUnit !== null && lastUnit >= 100 && pendingSingle && previous?.kind !== 'approx';
    section += colloquial && lastUnit !== null ? (pending * lastUnit) / 10 : pending;
  }
  const value = total + section;
  return { value: Math.round(value * 100) / 100, hasMoneyScale: /[百千万亿wWkK]/.test(run) };
}

export interface NumeralMention extends ParsedNumeral {
  start: number;
  end: number;
  raw: string;
}

/** 大写 numerals of formal letters (壹万柒仟伍佰元整), mapped one character for one so offsets hold. */
const FORMAL: Record<string, string> = {
  壹: '一',
  贰: '二',
  叁: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
};
// Only runs with a unit: a lone 伍 or 陆 is a surname.
const FORMAL_RUN = /[壹贰叁肆伍陆柒捌玖拾佰仟萬零万千百]*[拾佰仟萬][壹贰叁肆伍陆柒捌玖拾佰仟萬零万千百]*/g;

function plainNumerals(text: string): string {
  return text.replace(FORMAL_RUN, (run) => [...run].map((c) => FORMAL[c] ?? c).join(''));
}

export function findNumerals(text: string): NumeralMention[] {
  const mentions: NumeralMention[] = [];
  const plain = plainNumerals(text);
  for (const match of plain.matchAll(NUMERAL_RUN)) {
    const start = match.index ?? 0;
    let raw = match[0];
    if (DIGIT_AFTER_NUMBER.test(raw) && WORD_AFTER_LAST_DIGIT.test(plain.slice(start + raw.length))) raw = raw.slice(0, -1);
    const parsed = parseNumeral(raw);
    if (parsed) mentions.push({ ...parsed, start, end: start + raw.length, raw });
  }
  return mentions;
}
