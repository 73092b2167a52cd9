import type { Lead } from './lead';
import type { OutboundMessage } from './outbound';

/**
 * Phone and ID numbers kept out of what people and machines read: logs, the console, API answers,
 * text sent to an LLM, exports. One reader finds them in every written form — 13912345678,
 * 139 1234 5678, 139-1234-5678, +86 139…, 0086…, full-width digits, (0736)7221234, and digits read out
 * on a call (一三九，幺二三四…, 洞 for 0, 拐 for 7).
 */

/** Characters that stand for a digit: ASCII, full-width, and as a caller reads a number out. */
const DIGIT_OF: Record<string, string> = {
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
for (let i = 0; i < 10; i++) DIGIT_OF[String.fromCharCode(0xff10 + i)] = String(i);
DIGIT_OF['Ｘ'] = 'X';
DIGIT_OF['ｘ'] = 'x';
DIGIT_OF['＋'] = '+';

/**
 * What may stand between two digits of one number: up to two of a space, a dash, a dot, a comma, a
 * pause (、…), a slash or a bracket — "139-1234-5678", "一三八，七七七七", "一三八…七七七七", "139 ，1234".
 * Reading a list of sums as a number now and then masks too much, never too little.
 */
const SEP = '[ \\u3000\\-－—.．,，、…⋯·/／_()（）]{0,2}';
const D = '\\d';
// ID numbers are written in one run or in their 6-8-4 groups (area, birth date, sequence) with up to
// two separators between groups: "430723-19900101-123X", "四三零七二三，一九九零零一零一，一二三X".
const ID_NUMBER = new RegExp(`(?<![0-9A-Za-z])${D}{6}${SEP}${D}{8}${SEP}${D}{3}[0-9Xx](?![0-9A-Za-z])`, 'g');
const MOBILE = new RegExp(`(?<![0-9+])(?:(?:\\+|00)86${SEP})?1[3-9](?:${SEP}${D}){9}(?![0-9])`, 'g');
const LANDLINE = new RegExp(`(?<![0-9])(?:[(（]0${D}{2,3}[)）]${SEP}|0${D}{2,3}${SEP})${D}(?:${SEP}${D}){6,7}(?![0-9])`, 'g');

export interface NumberMention {
  start: number;
  end: number;
  kind: 'phone' | 'id';
  /** The number as the store keeps it: digits only (an ID may end in X), without a country code. */
  digits: string;
}

/** Every phone and ID number in the text, in order, whatever way it is written. */
export function findNumbers(text: string): NumberMention[] {
  // Each character maps to one character, so positions in the normalized text are positions in the text.
  const normal = text.replace(/[\uff10-\uff19Ｘｘ＋零〇洞一幺二两三四五六七拐八九]/g, (c) => DIGIT_OF[c] ?? c);
  const found: NumberMention[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  const collect = (re: RegExp, kind: NumberMention['kind']) => {
    for (const m of normal.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      let digits = m[0].replace(/[^0-9Xx+]/g, '').toUpperCase();
      if (kind === 'phone') digits = digits.replace(/^(\+|00)86/, '');
      found.push({ start, end, kind, digits: digits.replace(/\+/g, '') });
    }
  };
  collect(ID_NUMBER, 'id');
  collect(MOBILE, 'phone');
  collect(LANDLINE, 'phone');
  return found.sort((a, b) => a.start - b.start);
}

/** 13900004821 → 139****4821: enough to recognise, not enough to dial. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 张三丰 → 张**: enough for an audit record to tell people apart, not enough to name them. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** The text with every phone and ID number masked (139****4821, 430****123X), in any written form. */
export function maskNumbersInText(text: string): string {
  let out = '';
  let at = 0;
  for (const n of findNumbers(text)) {
    out += text.slice(at, n.start) + maskPhone(n.digits);
    at = n.end;
  }
  return out + text.slice(at);
}

/** maskNumbersInText for a text that may be missing. */
export function maskOrNull<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? maskNumbersInText(text) : text) as T;
}

/**
 * A case as staff read it outside the audited reveal: the callback number masked, and numbers in every
 * text of it — the fields, timeline notes and changes, recovery notes, the workers' answers.
 */
export function maskedLead<T extends Lead>(lead: T): T {
  return {
    ...lead,
    phone: maskPhone(lead.phone),
    employer: maskOrNull(lead.employer),
    project: maskOrNull(lead.project),
    location: maskOrNull(lead.location),
    timeline: lead.timeline.map((e) => ({
      ...e,
      note: maskOrNull(e.note),
      changes: e.changes.map((c) => ({ ...c, before: maskOrNull(c.before), after: maskOrNull(c.after) })),
    })),
    recoveries: lead.recoveries.map((r) => ({ ...r, note: maskOrNull(r.note) })),
    paymentChecks: lead.paymentChecks.map((c) => ({
      ...c,
      words: maskOrNull(c.words),
      satisfaction: c.satisfaction && { ...c.satisfaction, comment: maskOrNull(c.satisfaction.comment) },
    })),
  };
}

/** A message or call-back task as staff read it: the number, a phone-based contact id and numbers in the text masked. */
export function maskedMessage(m: OutboundMessage): OutboundMessage {
  return {
    ...m,
    phone: maskPhone(m.phone),
    channelUserId: m.channelUserId.startsWith('phone:') ? `phone:${maskPhone(m.channelUserId.slice(6))}` : m.channelUserId,
    text: maskNumbersInText(m.text),
  };
}
