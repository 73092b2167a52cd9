import { findMoney, type MoneyMention } from './money-mentions';
import { unpaidMonths, workedDays, workedPieces } from './durations';
import { AGREES, type Turn } from '../text/transcript';

/** Drops a sum that a later "不对，是…" replaces. */
function applyCorrections(mentions: MoneyMention[]): MoneyMention[] {
  const kept: MoneyMention[] = [];
  for (const mention of mentions) {
    const replaced = mention.correction && kept.length > 0 ? kept.pop() : undefined;
    // "每个月2300，哦不对是2100": the sum said again is of the same kind.
    const bare = !mention.perMonth && !mention.perDay && !mention.perPerson && !mention.perPiece;
    kept.push(
      replaced && bare
        ? { ...mention, perMonth: replaced.perMonth, perDay: replaced.perDay, perPerson: replaced.perPerson, perPiece: replaced.perPiece }
        : mention,
    );
  }
  return kept;
}

const UNTOLD_MONTHS = /几个月|好几个月|好多个月/;
const EACH_DID_PIECES = /(每人|每个人|一个人|各人)[^，。,！？\s]{0,6}?(采|摘|做|送|搬|挑|装|卸|砍|挖)了?[\d一二两三四五六七八九十百几]/;
/** 老板只发了一半: half of what the work came to was paid. */
const HALF_PAID = /(只|才)(发|给|结|付)(了|过)?一半/;

/** A rate times every factor the text gives: head count, months, days. Null when a factor is missing. */
function fromRates(rate: MoneyMention, text: string, workerCount: number | null): number | null {
  let amount = rate.value;
  // A day or month rate told by a group is each worker's rate (几个婆婆…一天一百二 → unknown), unless
  // it is said to be theirs added up (我们两个一个月加起来七千二); a piece rate times the pieces the
  // group did is already the whole.
  if (rate.perPerson || (workerCount !== 1 && !rate.total && (!rate.perPiece || rate.perShift))) {
    if (workerCount === null) return null;
    amount *= workerCount;
  }
  if (rate.perPiece) {
    const pieces = workedPieces(text);
    if (pieces === null) return null;
    amount *= pieces;
    // 每人采了三百斤: the pieces are each worker's.
    if (EACH_DID_PIECES.test(text) && workerCount !== null && workerCount > 1 && !rate.perPerson) amount *= workerCount;
  } else if (rate.perDay) {
    const days = workedDays(text);
    if (days === null) return null;
    amount *= days;
  } else if (rate.perMonth) {
    const months = unpaidMonths(text);
    // 拖了几个月工资，一个月两千六: the months are not told.
    if (months === null && UNTOLD_MONTHS.test(text)) return null;
    amount *= months ?? 1;
  }
  return amount;
}

/**
 * "还欠九千，对吗？" "对对，九千。": a bare sum the caller repeats after the operator's reckoning of
 * what is still owed (or owed in all) means what the operator's did.
 */
function confirmReadBack(mentions: MoneyMention[], operatorText: string): MoneyMention[] {
  if (!operatorText) return mentions;
  const reckoned = findMoney(operatorText).filter((m) => m.remaining || m.total);
  return mentions.map((m) => {
    const bare = !m.remaining && !m.total && !m.paid && !m.perDay && !m.perMonth && !m.perPerson && !m.perPiece;
    const same = bare ? reckoned.find((r) => r.value === m.value) : undefined;
    return same ? { ...m, remaining: same.remaining, total: same.total } : m;
  });
}

/**
 * The total still unpaid (LABELS.md amount_yuan): a stated remainder first, else a stated total less
 * what was paid, else rates multiplied out. `explicitOnly` keeps sums written with 万/千/块 (for the
 * operator's read-back, where bare numbers are hotline numbers and dates).
 */
/** 还有我外甥在那里传菜…他一个月三千五: where a second worker's own pay is told. */
const ANOTHER_WORKER =
  /(?:^|[，。,！？\n\s])(?:还有|另外)?(?:我的?|我屋里的?)?(?:堂客|老婆|老公|爱人|媳妇|儿子|女儿|老弟|侄儿|姐夫|妹夫|外甥女?|侄女|侄子|我弟|弟弟|哥哥|姐姐|妹妹|表弟|表哥|表妹|一个老乡|一个徒弟|个伙计|阿姨|小伙子)|(?:^|[，。,！？\n\s])(?:他|她)(?=也|一个月|每个月|每月|的)|(?:^|[，。,！？\n\s])(?:还有|另外还有|另外)(?:一)?个(?=[^，。,！？\s]{0,6}?(?:阿姨|伙计|小伙子|小伙|姑娘|妹子|师傅|工友|同事|老乡|徒弟|大姐|大哥|婆婆))/g;
const TOTAL_WORDS = /一共|总共|加起来|合计|两个人|两人/;
const ALSO = /也/;

/**
 * "欠了我五千八…，我堂客也在那里做欠了四千", "三个月，一个月七千…还有我外甥…他一个月三千五，也是三个月":
 * two workers each tell their own pay; what each is owed, added up. Only when the first worker's sum
 * is complete on its own (a sum, or a rate with its months) and no total is said after.
 */
function twoWorkersOwn(text: string, explicitOnly: boolean): number | null {
  for (const match of text.matchAll(ANOTHER_WORKER)) {
    const at = match.index ?? 0;
    const first = text.slice(0, at);
    const second = text.slice(at);
    if (TOTAL_WORDS.test(second)) return null;
    const firstMoney = findMoney(first).filter((m) => !m.nonWage && !m.paid && (m.explicit || !explicitOnly));
    const secondMoney = findMoney(second).filter((m) => !m.nonWage && !m.paid && (m.explicit || !explicitOnly));
    if (firstMoney.length === 0 || secondMoney.length === 0) continue;
    const firstRate = firstMoney.find((m) => m.perMonth || m.perDay);
    // (我一个月三千五，我儿子三千，都欠了三个月: months said once for both)
    const months = unpaidMonths(first) ?? (/都/.test(second) ? unpaidMonths(second) : null);
    if (firstRate && months === null && workedDays(first) === null && !firstMoney.some((m) => !m.perMonth && !m.perDay)) return null;
    // (我一个月三千五 with the months told after the second worker: 都欠了三个月)
    const a =
      unpaidMonths(first) === null && months !== null && firstRate?.perMonth && firstMoney.length === 1
        ? firstRate.value * months
        : extractAmount(first, 1, explicitOnly);
    if (a === null) return null;
    // 他也是四千二，也欠三个月: the same rate as the first worker's, for the same months unless told.
    const only = secondMoney.length === 1 ? secondMoney[0] : undefined;
    const bareRate = only !== undefined && !only.perMonth && !only.perDay && !only.perPerson && !only.total && !only.remaining;
    // 他也是四千二: the same rate; 我老婆两千五 after 我一个月三千: a rate of the same kind.
    const same =
      (only !== undefined && ALSO.test(second) && firstRate !== undefined && only.value === firstRate.value) ||
      (bareRate && firstRate !== undefined && months !== null);
    const secondMonths = unpaidMonths(second) ?? months;
    const b = same
      ? (only?.value ?? firstRate.value) * (firstRate.perMonth ? (secondMonths ?? 1) : (workedDays(second) ?? workedDays(first) ?? 1))
      : secondMoney.some((m) => m.perMonth) && unpaidMonths(second) === null && months !== null
        ? (secondMoney.find((m) => m.perMonth)?.value ?? 0) * months
        : extractAmount(second, 1, explicitOnly);
    return b === null ? null : a + b;
  }
  return null;
}

export function extractAmount(text: string, workerCount: number | null, explicitOnly = false, operatorText = ''): number | null {
  if (workerCount === 2) {
    const both = twoWorkersOwn(text, explicitOnly);
    if (both !== null) return both;
  }
  const found = confirmReadBack(applyCorrections(findMoney(text).filter((m) => m.explicit || !explicitOnly)), operatorText);
  const all = found.filter((m) => !m.addOn);
  const main = mainAmount(all, text, workerCount);
  if (main === null) return null;
  // "工资3500和提成1200": items listed together are owed together, unless a total said after the
  // item already counts it ("…还有课时费一千六，总共一万一千二").
  const totalAfter = (m: MoneyMention): boolean => all.some((t) => t.total && t.start > m.start);
  return found.filter((m) => m.addOn && !m.nonWage && !m.paid && !totalAfter(m)).reduce((sum, m) => sum + m.value, main);
}

/** Whose sum follows: 我的, 她的, 我老婆, 他哥的工钱. */
const RELATIVE =
  '老婆|老公|爱人|堂客|儿子|女儿|爹|娘|爸|妈|老爹|老娘|老弟|弟弟|哥哥|姐姐|妹妹|舅舅|叔叔|表哥|表弟|表姐|表妹|侄儿|侄子|侄女|外甥|徒弟|老乡|嫂子';
/** Whose sum follows: 我的, 她的, 我老婆, 老张, 我舅舅欠, 邻居刘叔欠, 表哥被欠. */
const OWNER_BEFORE = new RegExp(
  `(?:^|[，,。\\s\\d零一二两三四五六七八九十百千万块元])(还有)?(我自己|我|她|他|[老小][\\u4e00-\\u9fa5]|我的?(${RELATIVE})|(${RELATIVE})|邻居[\\u4e00-\\u9fa5]{0,2}|(他|她)(哥|弟|姐|妹|老婆|老公)|(隔壁的)?[\\u4e00-\\u9fa5]{1,2}(满爹|嫂子|婶子|大爹|大叔|阿姨|大姐|师傅))(的)?(工资|工钱)?([搞做][\\u4e00-\\u9fa5]{1,3}?)?(是|有|被欠|欠了?|还差)?$`,
);

/** The workers a text lists each with a sum of their own (老张九千，老李七千五，我一万一), when two or more. */
export function workersListedWithSums(text: string): number {
  const owners = findMoney(text).filter((m) => !m.nonWage && !m.paid && OWNER_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start)));
  const sums = findMoney(text).filter((m) => !m.nonWage && !m.paid && !m.total);
  return owners.length > 1 ? (owners.length >= sums.length - 1 ? sums.length : owners.length) : 0;
}

/** 第一个月三千九，第二个月四千一: each month's pay, told one by one. */
const NTH_MONTH_BEFORE = /(第[一二三四五六七八九十\d]+个?月|(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月份?)(的)?(工资)?(是)?$/;

function mainAmount(all: MoneyMention[], text: string, workerCount: number | null): number | null {
  const wage = all.some((m) => !m.nonWage) ? all.filter((m) => !m.nonWage) : all;
  if (wage.length === 0) return null;

  const remaining = wage.filter((m) => m.remaining && !m.paid);
  const last = remaining.at(-1);
  // "我老公还差一万六，他哥差一万四，两个人一共三万": a total after several remainders adds them up.
  // "扣了我两千多，还有上个月的工资四千一冇发，加起来六千一": so does one after other items listed with it.
  const listedBefore = last !== undefined && all.some((m) => m.start < last.start && !m.paid && !m.remaining);
  const totalOfRemainders =
    remaining.length > 1 || listedBefore
      ? wage.find((m) => m.total && last !== undefined && m.start > last.start && m.value > last.value)
      : undefined;
  if (totalOfRemainders) return totalOfRemainders.value;
  // "每个人还差一万块钱冇结": what each worker is still owed, for all of them.
  if (last) return last.perPerson && workerCount !== null ? last.value * workerCount : last.value;

  const rates = wage.filter((m) => (m.perDay || m.perMonth || m.perPerson || m.perPiece) && !m.paid);
  const paid = wage.filter((m) => m.paid && !m.total);
  const deducted = wage.filter((m) => m.deducted && !rates.includes(m) && !paid.includes(m));
  const sums = wage.filter((m) => !rates.includes(m) && !paid.includes(m) && !deducted.includes(m));
  const totals = sums.filter((m) => m.total);
  const nthMonths = sums.filter((m) => NTH_MONTH_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start)));
  if (totals.length === 0 && nthMonths.length > 1 && nthMonths.length === sums.length)
    return nthMonths.reduce((sum, m) => sum + m.value, 0);
  // "我的五千六，她的四千八": each worker's own sum, told one after the other, is owed together.
  const owners = sums.filter((m) => OWNER_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start)));
  // (one more sum told of a worker introduced a clause before: "还有个小伢子，十九岁，四千")
  if (totals.length === 0 && owners.length > 1 && owners.length >= sums.length - 1) return sums.reduce((sum, m) => sum + m.value, 0);
  const base = Math.max(0, ...(totals.length > 0 ? totals : sums).map((m) => m.value));
  // "每人给了一千": a payment to each worker is paid to all of them.
  // "每月只发一千生活费": a payment made every month is paid for each month worked.
  const paidValue = (p: MoneyMention): number =>
    (p.perPerson && workerCount !== null ? p.value * workerCount : p.value) * (p.perMonth ? (unpaidMonths(text) ?? 1) : 1);
  if (base > 0) {
    const paidAfter = paid.filter((p) => paidValue(p) < base).reduce((sum, p) => sum + paidValue(p), 0);
    return base - paidAfter;
  }
  const owed = fromAllRates(rates, text, workerCount);
  // "老板扣了我六千": what was held back is owed when nothing else is; beside a wage it is part of it.
  if (owed === null) return deducted.length > 0 ? deducted.reduce((sum, d) => sum + d.value, 0) : null;
  if (HALF_PAID.test(text) && paid.length === 0) return owed / 2;
  // 一天两百做了五十天，只给了三千: what was paid comes off the multiplied total.
  const paidSum = paid.filter((p) => paidValue(p) < owed).reduce((sum, p) => sum + paidValue(p), 0);
  return owed - paidSum;
}

/**
 * Several rates of one kind are each worker's own ("我老公一天三百五 我一天两百"): each is multiplied
 * out for one worker and summed. Otherwise the first rate stands for everyone.
 */
function fromAllRates(rates: MoneyMention[], text: string, workerCount: number | null): number | null {
  const first = rates[0];
  if (!first) return null;
  const sameKind = rates.filter(
    (r) => r.perDay === first.perDay && r.perMonth === first.perMonth && r.perPiece === first.perPiece && !r.perPerson,
  );
  if (sameKind.length > 1 && workerCount === sameKind.length) {
    let total = 0;
    for (const rate of sameKind) {
      const one = fromRates(rate, text, 1);
      if (one === null) return null;
      total += one;
    }
    return total;
  }
  return fromRates(first, text, workerCount);
}

/** The operator summing up what is owed (一共…, 那就是…, …对吧？). */
const RECKONING = /一共|总共|合计|加起来|算下来|那就是|就是|还差|对吧|对吗|是吧|是吗|对不对|是不是/;
/** A total the operator states rather than asks; it stands unless the caller objects. */
const STATED_TOTAL = /一共|总共|合计|加起来|算下来|那就是/;
const OBJECTS = /^(不|错|没有|冇|也不|唔)/;

/**
 * "坐席：那就是七十五天，每天三百，两万二千五，对吧？" "来电人：对的。": on a transcript, the sum the
 * operator reckons from the caller's figures and the caller accepts is what is owed. The last such
 * reckoning counts; rates, payments and other costs read back are not one.
 */
export function reckonedByOperator(turns: readonly Turn[]): number | null {
  let value: number | null = null;
  turns.forEach((turn, i) => {
    if (turn.speaker !== 'operator' || !RECKONING.test(turn.text)) return;
    const sum = findMoney(turn.text)
      .filter((m) => m.explicit && !m.perDay && !m.perMonth && !m.perPerson && !m.perPiece && !m.paid && !m.nonWage && !m.deducted)
      .at(-1);
    if (!sum) return;
    const reply = turns
      .slice(i + 1)
      .find((t) => t.speaker === 'caller')
      ?.text.trim();
    if (reply === undefined) return;
    if (AGREES.test(reply) || (STATED_TOTAL.test(turn.text) && !OBJECTS.test(reply))) value = sum.value;
  });
  return value;
}
