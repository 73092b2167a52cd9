/**
 * Phone and ID numbers written the ways people write and say them, to plant them in complaints; and a
 * finder that reads them back in any of those forms (full-width, spoken, spaced, dashed, +86, split by
 * HTML tags), so that a copy that changed its form still counts as a copy.
 */

const SPOKEN_DIGIT: Record<string, string> = {
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
const SAY = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** How radio and hotline operators read digits out: 幺 for 1, 拐 for 7, 洞 for 0. */
const SAY_RADIO = ['洞', '幺', '两', '三', '四', '五', '六', '拐', '八', '九'] as const;

const fullWidth = (s: string) => s.replace(/[0-9X+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const spoken = (s: string, digits: readonly string[] = SAY) => s.replace(/\d/g, (d) => digits[Number(d)]!);
const groups = (phone: string) => [phone.slice(0, 3), phone.slice(3, 7), phone.slice(7)] as const;

/** One mobile number in each written form a complaint or a note may carry, by name of the form. */
export function phoneForms(phone: string): Record<string, string> {
  const [a, b, c] = groups(phone);
  return {
    plain: phone,
    spaced: `${a} ${b} ${c}`,
    dashed: `${a}-${b}-${c}`,
    '+86': `+86 ${a} ${b} ${c}`,
    '+86 joined': `+86${phone}`,
    '0086': `0086-${a}-${b}-${c}`,
    'full-width': fullWidth(phone),
    'full-width dashed': fullWidth(`${a}-${b}-${c}`),
    'spoken, pauses': `${spoken(a)}，${spoken(b)}，${spoken(c)}`,
    'spoken, radio digits': `${spoken(a, SAY_RADIO)} ${spoken(b, SAY_RADIO)} ${spoken(c, SAY_RADIO)}`,
    'spoken, 、 pauses': `${spoken(a)}、${spoken(b)}、${spoken(c)}`,
    'spoken, ellipsis pauses': `${spoken(a)}…${spoken(b)}…${spoken(c)}`,
  };
}

/** One 18-character ID number in each written form: in one run, in 6-8-4 groups, full-width, spoken. */
export function idForms(id: string): Record<string, string> {
  const g = [id.slice(0, 6), id.slice(6, 14), id.slice(14)] as const;
  return {
    plain: id,
    spaced: g.join(' '),
    dashed: g.join('-'),
    'full-width': fullWidth(id),
    'lower-case x': id.toLowerCase(),
    spoken: spoken(id),
    'spoken, pauses': g.map((x) => spoken(x)).join('，'),
  };
}

/** Full-width → ASCII, spoken digits → digits; HTML tags and entities read as the browser would show them. */
export function normaliseDigits(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .normalize('NFKC')
    .replace(/[零〇洞一幺二两三四五六七拐八九]/g, (c) => SPOKEN_DIGIT[c]!);
}

/** Runs of digits with at most three separators (space, dash, dot, comma, pause, bracket) between two of them. */
const RUN = /[0-9Xx](?:[\s\-.,，、。·…/()（）_]{0,3}[0-9Xx])*/g;

export interface PlantedNumbers {
  readonly phones: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

/** Every planted phone ("phone 138…") and ID number ("id 430…") that appears whole in the text, in any form. */
export function findPlanted(text: string, planted: PlantedNumbers): string[] {
  const hits = new Set<string>();
  const scan = (t: string) => {
    for (const m of normaliseDigits(t).matchAll(RUN)) {
      const s = m[0].replace(/[^0-9Xx]/g, '').toUpperCase();
      if (s.length < 11) continue;
      for (let i = 0; i + 11 <= s.length; i++) {
        const phone = s.slice(i, i + 11);
        if (planted.phones.has(phone)) hits.add(`phone ${phone}`);
        const id = s.slice(i, i + 18);
        if (id.length === 18 && planted.ids.has(id)) hits.add(`id ${id}`);
      }
    }
  };
  scan(text);
  // A number split by markup (<b>139</b> 1234 5678) is still shown whole.
  if (text.includes('<')) scan(text.replace(/<[^>]*>/g, ''));
  return [...hits];
}
