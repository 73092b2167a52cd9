import { parseNumeral } from '../numbers/chinese-numeral';

const N = '([\\d一二两三四五六七八九十几零]+)';

/** How many months of pay are unpaid, most specific wording first. */
/** A month by name: 十二月, 3月份. */
const MONTH_NAME = '(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月份?';
const UNPAID_MONTHS = [
  // 最后走的时候还差三个月 (before 欠一个月发一个月, which tells how it was paid)
  new RegExp(`(还差|还欠)(我|我们)?${N}个(多|半)?月`),
  // 欠我们四个人两个月: the workers between the debt and its months
  new RegExp(`(欠|拖|拖欠)(了)?(我们|他们)[\\d一二两三四五六七八九十几]+个人${N}个(多|半)?月`),
  new RegExp(`(欠|拖|拖欠|差|扣|压)(了)?(我|我们|他|她|他们|工人)?(的)?\\s?${N}个(多|半)?月`),
  // 拖欠工资两个月
  new RegExp(`(欠|拖|拖欠|压)(了)?(我|我们)?(的)?(工资|工钱|薪水)\\s?${N}个(多|半)?月`),
  new RegExp(`(最后|还有|剩下|剩|后面|后头|最近|(?<![以之])后)(的)?${N}个(多|半)?月`),
  // (not 只给了一个月的钱: the month paid)
  new RegExp(`(?<!给了|发了|结了|付了|只给|只发|只结|给|发|结)${N}个(多|半)?月(的)?(工资|工钱|工姿|薪水|薪资|钱)`),
  // 他也是四千二，也欠三个月: the same months as the worker before
  new RegExp(`(也是|都是|也欠|也拖了?)${N}个(多|半)?月`),
  // 4月5月两个月: the months named, then counted
  // (not "做到2月，一个月四千": a month rate after the last month named)
  new RegExp(`(?:${MONTH_NAME}[、，,和跟到]?)+${N}个(多|半)?月(?![\\d一二两三四五六七八九十]+[百千万块元])`),
  // 四月五月两个月都冇发, 最后两个月的工资也冇发了
  new RegExp(`${N}个(多|半)?月(的)?(工资|工钱)?(都|也|全|还)?(冇|没|没有|未|莫)(发|给|结|付)`),
  // 欠了我六、七、八三个月: the months listed between the debt and their count
  new RegExp(`(欠|拖|拖欠)(了)?(我|我们)?[、，,]?(?:${MONTH_NAME.replace('月份?', '')}[、，,]?)+${N}个(多|半)?月`),
  // 每人两个月: each worker's months owed
  new RegExp(`(每人|每个人|各)(?!一个月)${N}个(多|半)?月`),
];
/** Verbs of work done, with 了: 做了, 喂了 (鸡), 守了 (店), 送了 (外卖). */
const WORK_VERBS_DONE =
  '做了|干了|上了|搞了|开了|帮了|守了|跑了|跟了|教了|带了|喂了|看了|送了|养了|种了|修了|砌了|装了|摘了|采了|扫了|煮了|洗了|当了|放了|焊了|贴了|刷了|铺了|挖了|搬了|扛了|砍了|割了|插了';
/** Months worked; less the months paid ("做了五个月 只发了两个月的") they are the months unpaid. */
const WORKED_MONTHS = [
  new RegExp(`(${WORK_VERBS_DONE}|做|干|帮)${N}个(多|半)?月`),
  // 帮他喂鸡捡蛋三个月: the work, then how long
  new RegExp(`(?:喂|养|种|捡|采|摘|守|看|带|送|跑|开|挖|砍)[\\u4e00-\\u9fa5]{1,4}?${N}个(多|半)?月`),
  // 当学徒两个月, 做保姆三个月: the job, then how long
  new RegExp(`(?:当|做)(?!了)[\u4e00-\u9fa5]{1,4}?${N}个(多|半)?月`),
  // 上学期五个月只发了两个月的: the period named just before a partial payment
  new RegExp(`${N}个(多|半)?月[^，。,\\s]{0,3}(只|才)(发|给|结|付)`),
];
const PAID_MONTHS = [new RegExp(`(只|才)?(发了|给了|结了|付了|发过|给过|结过|付过)(我|我们|他|她)?${N}个(多|半)?月`)];
const WORKED_HALF_YEAR = new RegExp(`(${WORK_VERBS_DONE}|包了|做|干|帮)(大)?半年`);
/** "十个月，一个月两千": a bare span answering 做了多久. */
const BARE_MONTHS = [new RegExp(`(?:^|[，。,\\s])${N}个(多|半)?月(的)?(?=[，。,\\s]|$)`, 'm')];
/** "两个月了" answering how long: the time the pay has been owed, read last. */
const MONTHS_SO_FAR = [
  new RegExp(`(?<![做干上搞开])${N}个(多|半)?月(了|哒)`),
  // 十月份开始就冇发了，到现在三个月
  new RegExp(`(到现在|到今天|到如今|至今|已经)(有|都)?${N}个(多|半)?月`),
];
const HALF_YEAR =
  /(欠|拖|拖欠)(了)?(我|我们)?(的)?(工资|工钱)?(大)?半年|(大)?半年(的)?(工资|工钱)|(大)?半年(了)?(都|也|还)?(冇|没|没有|未|莫)(发|给|结|付)/;

/** How many days were worked at a daily rate. */
const WORKED_DAYS = [
  new RegExp(`(${WORK_VERBS_DONE}|做|干|一共|总共|共|算了|(?:共计|合计)(?:工作|务工|做了?|干了?)?)${N}(多)?(天|个工)(半)?`),
  new RegExp(`(?<![一每])${N}(多)?(天|个工)(的)?(工资|工钱)`),
  // "做了两个月，六十天": the span restated in days, in a clause of its own
  new RegExp(`(?:做了|干了|搞了)[^，。,\\s]{1,6}[，,]${N}(多)?(天|个工)(?=[，。,\\s]|$)`),
];

/** "七八九三个月": months named one by one, then their count; the count is the last digit. */
const LISTED_THEN_COUNT = /^[一二三四五六七八九]{3,}$|^[一二三四五六七八九十]+两$/;

function firstNumber(patterns: readonly RegExp[], text: string): number | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const found = match?.slice(1).find((group) => group !== undefined && /^[\d一二两三四五六七八九十几百千万零]+$/.test(group));
    const run = found && LISTED_THEN_COUNT.test(found) ? found.slice(-1) : found;
    const value = run ? parseNumeral(run)?.value : undefined;
    // 一个半月 is one and a half months, 十八天半 eighteen and a half days.
    if (value) return match?.[0].includes('个半月') || /天半$/.test(match?.[0] ?? '') ? value + 0.5 : value;
  }
  return null;
}

/** "三月四月五月工资都冇发", "3月、4月的工资没发": months named one by one, then said unpaid. */
const NAMED_MONTHS_UNPAID = new RegExp(
  `((?:${MONTH_NAME}[、，,和跟]?){2,})(的)?(工资|工钱|薪水|钱)?(都|也|全|一直|还|又)*(冇|没|没有|未|莫|不)(发|给|结|付)`,
);
const MONTH_NAME_ALL = new RegExp(MONTH_NAME, 'g');

/** 拖了我1月份和2月份的工资: months named one by one after the debt. */
const NAMED_MONTHS_OWED = new RegExp(`(欠|拖|拖欠|压|差)(了)?(我|我们)?(的)?((?:${MONTH_NAME}[、，,和跟]?){2,})`);

function namedMonthsUnpaid(text: string): number | null {
  const list = NAMED_MONTHS_UNPAID.exec(text)?.[1] ?? NAMED_MONTHS_OWED.exec(text)?.[5];
  return list ? [...list.matchAll(MONTH_NAME_ALL)].length : null;
}

const MONTH_NUMBER = '(十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])';
/** 四月到七月, 9月份至12月: a span of months named by its ends. */
const MONTH_SPAN = new RegExp(`${MONTH_NUMBER}月份?(?:到|至|-|~|一直到|做到|干到)${MONTH_NUMBER}月份?`);
/** The span said unpaid (四月到七月的工资冇发) or owed (欠了四月到七月的). */
const SPAN_UNPAID = /^[^，。,！？\s]{0,6}(冇|没|没有|未|莫|不)(发|给|结|付)/;
const SPAN_OWED = /(欠|拖|拖欠|压)(了)?(我|我们)?(从)?$/;

/** The months of a named span, counting both ends and across the new year (十一月到二月 → 4). */
function monthSpan(text: string, owedOnly: boolean): number | null {
  const match = MONTH_SPAN.exec(text);
  if (!match) return null;
  const after = text.slice(match.index + match[0].length);
  const before = text.slice(Math.max(0, match.index - 4), match.index);
  if (owedOnly && !SPAN_UNPAID.test(after) && !SPAN_OWED.test(before)) return null;
  const from = parseNumeral(match[1] ?? '')?.value;
  const to = parseNumeral(match[2] ?? '')?.value;
  if (!from || !to || from > 12 || to > 12) return null;
  return to >= from ? to - from + 1 : 12 - from + to + 1;
}

/** 上个月和这个月的工资都冇发: last month and this one. */
const LAST_AND_THIS_MONTH = /(上个?月|这个?月|本月)(和|跟|加|还有)(上个?月|这个?月|本月)/;

export function unpaidMonths(text: string): number | null {
  const owed =
    firstNumber(UNPAID_MONTHS, text) ??
    namedMonthsUnpaid(text) ??
    monthSpan(text, true) ??
    (HALF_YEAR.test(text) ? 6 : null) ??
    (LAST_AND_THIS_MONTH.test(text) ? 2 : null);
  if (owed !== null) return owed;
  const worked = firstNumber(WORKED_MONTHS, text) ?? (WORKED_HALF_YEAR.test(text) ? 6 : null);
  const paid = firstNumber(PAID_MONTHS, text);
  if (worked !== null) return paid !== null && paid < worked ? worked - paid : worked;
  return firstNumber(MONTHS_SO_FAR, text) ?? monthSpan(text, false) ?? firstNumber(BARE_MONTHS, text);
}

/** "做了三个月，发了一个月的": fewer months paid than worked, which says the rest is unpaid. */
export function fewerMonthsPaid(text: string): boolean {
  const worked = firstNumber(WORKED_MONTHS, text) ?? (WORKED_HALF_YEAR.test(text) ? 6 : null);
  const paid = firstNumber(PAID_MONTHS, text);
  return worked !== null && paid !== null && paid < worked;
}

/** How many pieces or orders a piece rate is paid on: 派了三千件, 送了八百单, 贴了两千个平方. */
// 一件一块二 is the rate, not the count.
const PIECES = [
  // 一件, 一个平方: the unit of a rate, not a count
  new RegExp(
    `(?<![一每])(?!一个?(件|单|票|箱|双|平|方|吨|公斤|斤|床|条|亩|车|趟|小时|钟|节|课时|场|班|夜班|套))([\\d一二两三四五六七八九十几百千万零]+)(多)?(个)?(件|单|票|箱|双|平方|平米|方|吨|公斤|斤|床|条|亩|车|趟|小时|钟头|钟|节课|节|课时|场|夜班|白班|班|套)(?![\\d一二两三四五六七八九十块元])`,
  ),
];

const ALL_PIECES = PIECES.map((p) => new RegExp(p.source, 'g'));

/** "九百多单 … 九百二十单": an exact count said after a rough one is the count. */
export function workedPieces(text: string): number | null {
  const counts = ALL_PIECES.flatMap((p) => [...text.matchAll(p)]);
  const exact = counts.filter((m) => m[3] !== '多').at(-1);
  const chosen = exact && counts[0]?.[3] === '多' ? exact : counts[0];
  return chosen ? firstNumber(PIECES, chosen[0]) : null;
}

/** "做了多久？" "二十二天，讲好一天三百五": a bare count of days answering how long. */
const BARE_DAYS = [new RegExp(`(?:^|[，。,\\s])${N}(多)?天(半)?(?=[，。,\\s]|$)`, 'm')];

export function workedDays(text: string): number | null {
  return firstNumber(WORKED_DAYS, text) ?? firstNumber(BARE_DAYS, text);
}
