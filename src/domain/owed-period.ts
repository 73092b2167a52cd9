/**
 * The months wages are owed for, as complaints write them (去年腊月, 今年3到6月, 2025年12月, 三月份开始,
 * 去年的工钱), resolved against when the complaint came in. Two pay periods of one factory are two cases;
 * a length of time (三个月) says nothing about which months, so it is not read.
 */

/** Months counted from year 0 (year × 12 + month − 1), both ends included. */
export interface MonthSpan {
  from: number;
  to: number;
}

const NUM = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const YEAR = '(去年|今年|前年|20\\d\\d年|\\d\\d年)?';
const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const LUNAR: Record<string, [number, number]> = { 冬: [11, 12], 腊: [12, 13], 正: [13, 14] };

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray, at: Clock) => MonthSpan | null }[] = [
  {
    // 5月6月, 5、6月, 10月和11月: the months listed, first to last; across a new year, 去年12月和今年1月, 12月跟1月
    re: new RegExp(`${YEAR}${NUM}(?:月份?[、,，和及与跟]?|[、,，和及与跟]|\\s+)${YEAR}${NUM}(?:两个|三个)?月`, 'g'),
    read: (m, at) => {
      const from = month(m[2]!);
      const to = month(m[4]!);
      if (!from || !to) return null;
      const across = to < from;
      if ((across ? to + 12 : to) - from > 2) return null;
      const toYear = m[3] ? year(m[3], to, at) : m[1] && across ? year(m[1], from, at) + 1 : year(m[1], to, at);
      const fromYear = across ? toYear - 1 : toYear;
      return { from: fromYear * 12 + from - 1, to: toYear * 12 + to - 1 };
    },
  },
  {
    // 4到6月, 三月到六月, 2026年4月至6月, 从四月份到六月底
    re: new RegExp(`${YEAR}从?${NUM}月?份?(?:到|至|-|~|～|—|(?:一直)?(?:做|干|搞)到)${YEAR}${NUM}月份?`, 'g'),
    read: (m, at) => {
      const to = month(m[4]!);
      const from = month(m[2]!);
      if (!from || !to) return null;
      const toYear = year(m[3] ?? m[1], to, at);
      return { from: toYear * 12 + from - 1 - (from > to ? 12 : 0), to: toYear * 12 + to - 1 };
    },
  },
  {
    // 三月份开始, 从四月份起: until the complaint
    re: new RegExp(`${YEAR}从?${NUM}月份?(?:开始|起)`, 'g'),
    read: (m, at) => {
      const from = month(m[2]!);
      if (!from) return null;
      return { from: year(m[1], from, at) * 12 + from - 1, to: at.year * 12 + at.month - 1 };
    },
  },
  {
    // 四五月份: two months said together
    re: new RegExp(`${YEAR}([一二三四五六七八九])([一二三四五六七八九])月`, 'g'),
    read: (m, at) => {
      const from = month(m[2]!);
      const to = month(m[3]!);
      if (!from || !to || to !== from + 1) return null;
      const y = year(m[1], to, at);
      return { from: y * 12 + from - 1, to: y * 12 + to - 1 };
    },
  },
  {
    // 去年腊月, 2025年12月份的工资
    re: new RegExp(`${YEAR}(${NUM.slice(1, -1)}|腊|正|冬)月份?(?:的|那个月的?)?(?:工资|工钱|工费|钱|还)`, 'g'),
    read: (m, at) => {
      const lunar = LUNAR[m[2]!];
      if (lunar) {
        const y = m[1] ? year(m[1], 12, at) : at.month === 12 ? at.year : at.year - 1;
        return { from: y * 12 + lunar[0] - 1, to: y * 12 + lunar[1] - 1 };
      }
      const mo = month(m[2]!);
      return mo ? { from: year(m[1], mo, at) * 12 + mo - 1, to: year(m[1], mo, at) * 12 + mo - 1 } : null;
    },
  },
  {
    // 去年年底: its last month
    re: /(去年|今年|前年|20\d\d年)(?:年底|年末)/g,
    read: (m, at) => {
      const y = year(m[1], 12, at);
      return { from: y * 12 + 11, to: y * 12 + 11 };
    },
  },
  {
    // 去年的工钱, 2025年一年的工资
    re: /(去年|今年|前年|20\d\d年)(?:一整年|一年|全年|整年)?的?(?:工资|工钱|工费)/g,
    read: (m, at) => {
      const y = year(m[1], 1, at);
      return { from: y * 12, to: y * 12 + 11 };
    },
  },
  {
    re: new RegExp(`${YEAR}(上半年|下半年)`, 'g'),
    read: (m, at) => {
      const y = year(m[1], 1, at);
      return m[2] === '上半年' ? { from: y * 12, to: y * 12 + 5 } : { from: y * 12 + 6, to: y * 12 + 11 };
    },
  },
  {
    // 上个月的工资; not 上个月反映过 (when they complained, not what is owed)
    re: /上个?月(?!(?:就|也|已经|都|我)?(?:反映|打过|打了|打电话|投诉|来过|来了|问过|找过|去过|说过|讲过|报过|联系))/g,
    read: (_m, at) => ({ from: at.year * 12 + at.month - 2, to: at.year * 12 + at.month - 2 }),
  },
];

interface Clock {
  year: number;
  /** 1–12. */
  month: number;
}

function month(s: string): number | null {
  const n = /^\d+$/.test(s) ? Number(s) : (CN[s] ?? null);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/** The year a month belongs to: as written, else the last one in which that month has begun. */
function year(written: string | undefined, m: number, at: Clock): number {
  if (written === '去年') return at.year - 1;
  if (written === '今年') return at.year;
  if (written === '前年') return at.year - 2;
  if (written) {
    const y = Number(written.replace('年', ''));
    return y < 100 ? 2000 + y : y;
  }
  return m > at.month ? at.year - 1 : at.year;
}

/** China Standard Time, where complainants count their months. */
function clockOf(d: Date): Clock {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** "上次七八月的是劳动局出面才发的": a clause that says those months were paid, and not that anything is owed. */
const PAID = /(才|已经|都|早就)?(发了|发的|发过|给了|结了|结清|付了|付清|拿到了|到手了|补发了)/;
const UNPAID = /冇|没|未|欠|拖|不给|差/;
function saidPaid(text: string, start: number, end: number): boolean {
  const before =
    text
      .slice(0, start)
      .split(/[，,。；;！!？?\s]/)
      .pop() ?? '';
  const after = text.slice(end).split(/[，,。；;！!？?\s]/)[0] ?? '';
  const clause = before + text.slice(start, end) + after;
  return PAID.test(clause) && !UNPAID.test(clause);
}

/** "针车那边八九月的都还冇发": months told of another crew than the speaker's (not 厂里那边, 老板那边: the employer's side). */
const OTHERS = /他们|她们|别个|别人|(?<!厂里|老板|公司|工地|店里|上面|总包|甲方|包工头|厂|站里|那)那边/;
function othersMonths(text: string, start: number): boolean {
  const before =
    text
      .slice(0, start)
      .split(/[，,。；;！!？?\n]/)
      .pop() ?? '';
  return OTHERS.test(before);
}

export function readPeriods(text: string, receivedAt: Date): MonthSpan[] {
  const at = clockOf(receivedAt);
  const taken: [number, number][] = [];
  const out: MonthSpan[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      if (saidPaid(text, start, end) || othersMonths(text, start)) {
        taken.push([start, end]);
        continue;
      }
      const span = read(m, at);
      if (!span || span.to < span.from) continue;
      taken.push([start, end]);
      if (!out.some((o) => o.from === span.from && o.to === span.to)) out.push(span);
    }
  }
  return out;
}

/** Whether two sets of periods share a month; unknown on either side is no evidence. */
export function periodsRelation(a: readonly MonthSpan[], b: readonly MonthSpan[]): 'overlap' | 'apart' | 'unknown' {
  if (!a.length || !b.length) return 'unknown';
  return a.some((x) => b.some((y) => x.from <= y.to && y.from <= x.to)) ? 'overlap' : 'apart';
}
