import type { ReadableText, Turn } from '../text/transcript';

/** A callback number found in one stretch of text, with where it ends. */
interface PhoneMention {
  digits: string;
  start: number;
  end: number;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;
/** Digits as callers read a number out: 幺 for 1, 拐 for 7, 洞 for 0. */
export const SPOKEN_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  洞: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  拐: '7',
  八: '8',
  九: '9',
};
const ARABIC_GROUPS = /\d+(?:[ \t-]+\d+)*/g;
const SPOKEN_RUN = /[零〇洞一幺二两三四五六七拐八九](?:[\s，,、-]*[零〇洞一幺二两三四五六七拐八九]){6,}/g;
/** Case numbers (WA20241102) are digits too; they are not phones. */
const CASE_NUMBER = /[A-Z]{2,4}[ -]?\d[\d -]*/g;
/** +8613574129908, 008613574129908: the country code written against the mobile number. */
const COUNTRY_CODE = /(?:\+|00)?86(?=1[3-9]\d{9}(?!\d))/g;
/** A number introduced as someone else's: the boss's, the manager's. */
const OTHER_PERSONS_NUMBER =
  /(老板|经理|包工头|工头|老总|站长|主管|负责人|对方|公司|他|她)(的)?(电话|手机|号码|手机号|联系方式|微信)(号码)?(是|为)?[：:]?\s*$/;

export function isPhoneNumber(digits: string): boolean {
  return MOBILE.test(digits) || LANDLINE.test(digits);
}

/** Joins neighbouring digit groups ("150 7362 4418") until they make a phone number. */
function phonesInGroups(groups: { text: string; start: number; end: number }[]): PhoneMention[] {
  const found: PhoneMention[] = [];
  let i = 0;
  while (i < groups.length) {
    let digits = '';
    let matched: PhoneMention | null = null;
    let j = i;
    for (; j < groups.length && digits.length < 12; j++) {
      digits += groups[j]?.text ?? '';
      if (isPhoneNumber(digits)) matched = { digits, start: groups[i]?.start ?? 0, end: groups[j]?.end ?? 0 };
    }
    if (matched) {
      found.push(matched);
      i = groups.findIndex((g) => g.end === matched.end) + 1;
    } else i++;
  }
  return found;
}

/** Phone numbers in the text; someone else's (the boss's) are left out unless `includeOthers`. */
export function findPhones(text: string, includeOthers = false): PhoneMention[] {
  const clean = text.replace(CASE_NUMBER, (m) => ' '.repeat(m.length)).replace(COUNTRY_CODE, (m) => ' '.repeat(m.length));
  const mentions: PhoneMention[] = [];
  for (const run of clean.matchAll(ARABIC_GROUPS)) {
    const base = run.index ?? 0;
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({
      text: g[0],
      start: base + (g.index ?? 0),
      end: base + (g.index ?? 0) + g[0].length,
    }));
    mentions.push(...phonesInGroups(groups));
  }
  for (const run of clean.matchAll(SPOKEN_RUN)) {
    const digits = [...run[0]].map((ch) => SPOKEN_DIGITS[ch] ?? '').join('');
    const start = run.index ?? 0;
    if (isPhoneNumber(digits)) mentions.push({ digits, start, end: start + run[0].length });
  }
  return mentions
    .filter((m) => includeOthers || !OTHER_PERSONS_NUMBER.test(text.slice(Math.max(0, m.start - 12), m.start)))
    .sort((a, b) => a.start - b.start);
}

const AFFIRM = /^(对|是的|是|嗯|没错|对的|对对|就是这个|好)/;

/**
 * The caller's own callback number. The last one the caller gives wins (so "不对，是…" corrects);
 * on a transcript the operator's read-back fills in when the caller's digits cannot be read,
 * and wins when the caller confirms it.
 */
export function extractPhone(text: ReadableText): string | null {
  if (!text.isTranscript) return findPhones(text.whole).at(-1)?.digits ?? null;
  let callerNumber: string | null = null;
  let readBack: { digits: string; turnIndex: number } | null = null;
  text.turns.forEach((turn: Turn, index) => {
    const last = findPhones(turn.text).at(-1);
    if (!last) return;
    if (turn.speaker === 'caller') {
      callerNumber = last.digits;
      readBack = null;
    } else readBack = { digits: last.digits, turnIndex: index };
  });
  const confirmed = readBack as { digits: string; turnIndex: number } | null;
  if (!confirmed) return callerNumber;
  if (!callerNumber) return confirmed.digits;
  const reply = text.turns[confirmed.turnIndex + 1];
  return reply?.speaker === 'caller' && AFFIRM.test(reply.text.trim()) ? confirmed.digits : callerNumber;
}
