import { recentResults } from '../text/recent-results';
import { findNumerals, NUMERAL_RUN, parseNumeral, type NumeralMention } from '../numbers/chinese-numeral';
import { clauseAt, splitClauses } from '../text/clauses';

/** What a sum of money is, read from the words around it. */
export interface MoneyMention {
  value: number;
  start: number;
  perDay: boolean;
  perMonth: boolean;
  perPerson: boolean;
  /** A piece rate: 一件一块二, 每单五块. */
  perPiece: boolean;
  /** A piece rate paid per stretch of time each worker puts in (一个钟, 一节课, 一场, 一个班), not per output. */
  perShift: boolean;
  /** Another pay item added to the one before: "工资3500和提成1200". */
  addOn: boolean;
  total: boolean;
  paid: boolean;
  remaining: boolean;
  /** Not pay: medical costs, deposits, material bills, rent. */
  nonWage: boolean;
  /** Held back from pay (扣了, 罚了): part of what is owed, not a payment and not the whole. */
  deducted: boolean;
  /** Follows "不对，是…": replaces the sum said just before. */
  correction: boolean;
  /** Written with a scale or a currency word (2.3万, 3200块), not a bare number. */
  explicit: boolean;
}

/** Service numbers people quote ("打12345"): never a sum. */
const HOTLINES = new Set(['12345', '12333', '12348', '12315', '12366', '12369', '12320', '110', '119', '120', '122']);

const CURRENCY_AFTER = /^(多|左右|上下)?(块|元|圆|块钱|元钱|rmb|RMB)/;
/** Units that make a number a count of something other than money. */
const NOT_MONEY_AFTER =
  /^(多|来|余)?(件|单|票|箱|双|个|名|位|人(?!工)|天|年|岁|号|点|米|斤|公斤|床|条|根|桶|袋|包|套|公里|平|方|栋|层|次|户|家|台|辆|吨|车|趟|亩|头|只|期|月|倍|%|小时|分钟|钟头|节|班|夜班|周|礼拜|星期)/;
const MONEY_CONTEXT_BEFORE =
  /(讲好|说好|谈好|讲定|定好|欠|(?<![\u4e00-\u9fa5])(我|她|他)的|工资|工钱|工姿|人工费|劳务费|提成|绩效|奖金|补贴|加班费|全勤|薪|月|天|人|共|计|差|给了|付了|结了|给过|付过|发过|结过|只给|打了|转了|只打|只转|有|是|剩|底薪|拿了|拿到|领了|借支|预支|借了|支了|扣了|扣|罚了|发了)[了我们的有是大概差不多约]*\s?$/;
/** What may sit between a sum and the unit it is paid per: 五千左右一个月, 300块钱一天. */
const UNIT_GAP = '(多|左右|上下)?(块|元)?(钱)?(左右)?';
const RATE_AFTER = new RegExp(`^${UNIT_GAP}(一天|每天|\\/天|一日|一个月|每个月|每月|\\/月|一月)`);
const DAY_AFTER = new RegExp(`^${UNIT_GAP}(一天|每天|\\/天|一日)`);
const MONTH_AFTER = new RegExp(`^${UNIT_GAP}(一个月|每个月|每月|\\/月|一月)`);
const PERSON_AFTER = new RegExp(`^${UNIT_GAP}(一个人|每人|一人)`);

/** A piece rate: 一件一块二, 一双八毛, 一个平方给我们十五块 (the unit may come a few words before the sum). */
const PIECE_UNIT =
  '(件|单|票|箱|个件|双|平方|个平方|平米|方|吨|公斤|斤|床|条|亩|车|趟|个小时|小时|个钟头|钟头|个钟|钟|节课|节|个课时|课时|场|个班|个夜班|夜班|班|套)';
const PER_PIECE = new RegExp(`(一|每)${PIECE_UNIT}[^\\d一二两三四五六七八九十百千万，,]{0,4}$`);
const PER_SHIFT =
  /(一|每)(个小时|小时|个钟头|钟头|个钟|钟|节课|节|个课时|课时|场|个班|个夜班|夜班|班)[^\d一二两三四五六七八九十百千万，,]{0,4}$/;
/** A rate word right before a small number makes it money: 一天80, 一件一块二. */
const RATE_BEFORE = new RegExp(`(一天|每天|一日|日薪|一个工|(一|每)${PIECE_UNIT})$`);
const CURRENCY_BEFORE = /[¥￥]$|人民币$/;
/** 一块二 = 1.2, 两块五 = 2.5 yuan. */
const YUAN_AND_TENTHS = /^块([一二两三四五六七八九]|[1-9])(?![\d十百千万块元])/;
/** 八毛, 5角: tenths of a yuan, as piece rates are told. */
const JIAO_AFTER = /^(毛|角)/;
const ADD_ON_BETWEEN =
  /^[^，。,！？\s]{0,8}(和|加上?|外加|还有|另外|以及)[^，。,！？\s]{0,4}(提成|奖金|加班费|补贴|绩效|全勤|课时费)[^，。,！？\s]{0,2}$/;
/** "…，还有上个月的提成两千": a clause that adds another pay item to the sum before. */
const ADD_ON_CLAUSE =
  /^(还有|另外|加上|外加|以及|再加上?)[^，。,！？\s\d]{0,6}(提成|奖金|加班费|补贴|绩效|全勤|底薪|课时费|工资)[^，。,！？\s]{0,2}$/;
/** A clause that is only another pay item and its sum: 提成一千一. */
const PAY_ITEM_CLAUSE = /^(提成|奖金|加班费|补贴|绩效|全勤|课时费)(是|有)?$/;
/** A clause that is only the wage and its sum: 工资两千六. */
const WAGE_CLAUSE = /^(工资|底薪|基本工资)(是|有)?[\d一二两三四五六七八九十百千万]+(块|元)?(钱)?$/;
const PER_DAY = /一天|每天|日薪|日工资|一日|每日|天工资|一个工|每个工/;
/** 最后一个月工资, 十二月一个月工资: the pay of one month named, a sum rather than a rate (but 后三个月一个月两千 is one). */
const PER_MONTH =
  /(?<![最上这那头前第])(?<!最后)(?<!(?<!个)月)一个月|每个月|每月|月薪|(?<![个\d一二三四五六七八九十])月工资|(讲好|说好|谈好|约好)的?底薪|(?<![\d一二三四五六七八九十])一月(?!份)/;
/** 每个月给我保底工资五千: a distributive rate word earlier in the clause, with no other number between. */
const EACH_DAY_BEFORE = /每(天|日)[^\d一二两三四五六七八九十百千万几]*$/;
const EACH_MONTH_BEFORE = /每个?月[^\d一二两三四五六七八九十百千万几]*$/;
const PER_PERSON = /每人|每个人|一人|人均|一个人|每位|每个工人/;
const PER_PERSON_START = /^(每人|每个人|一人|人均|每位)/;
const HEDGE_ONLY = /^(大概|大约|约|差不多|将近|快|估计|可能)*$/;
const HAS_SUM = /[\d一二两三四五六七八九十][百千万块元]/;
const TOTAL = /一共|总共|共计|合计|加起来|总计|累计|总额|全部|一起|总的/;
/** Paid, or advanced against the wages (借支, 预支, 借了 from the boss): comes off what is owed. */
const PAID =
  /(?<![冇没不未])(给了|付了|发了|结了|给过|付过|发过|结过|拿到了|拿了|拿过|领了|领过|支付了|预支了?|预支过|借支了?|借支过|支了|支过|打了|转了|还了)|只给|只发|只结|只付|已给|已经给|已付|先给|(只|才)(拿到|领到|收到)/;
const DEDUCTED = /扣了|扣掉|扣除|扣我|被扣|扣下|罚了|罚我|罚款/;
/** 扣掉我的伙食费五百: the thing held back is named between the verb and its sum. */
const DEDUCTED_ITEM = /(扣|罚)[^\d一二两三四五六七八九十百千万，,]{0,8}$/;
/** Living or travel money handed over is an advance on the wages, not a cost of its own. */
const ADVANCE = /生活费|路费|伙食费|车费/;
const REMAINING = /还差|还欠|剩下|剩余|还剩|尚欠|尾款|差(了)?(我|我们)?$|还有(?=.*(冇|没|未))/;
const NON_WAGE =
  /医药费|医疗费|押金|学费|材料款|装修款|维修款|设计费|材料钱|材料费|货款|房租|租金|借款|利息|贷款|罚款|路费|生活费|保证金|补偿|赔偿|社保|工程款(?!.{0,4}人工)|台班费|机械费|租赁费|运费|运输费|油费|借给|借的|(砂石|石料|沙子|砂|水泥|钢材|木材|木料|建材|瓷砖|饲料|化肥|种子|苗木|设备|配件)(款|钱|费)|(在|找|向|问|跟)我(这里?|这儿|那里?)?借|借了?我/;
const CORRECTION = /不对|说错|搞错|讲错|更正|纠正|应该是|我是说/;

const NON_WAGE_ALL = new RegExp(NON_WAGE.source, 'g');
const PAID_ALL = new RegExp(PAID.source, 'g');
const OFFERED_BEFORE = /(最多|顶多|只肯|只愿意)(再)?(给|发|补|出)(我|我们)?$|再(给|补)(我|我们)?$/;
const TOTAL_ALL = new RegExp(TOTAL.source, 'g');
const PAY_WORD_ALL = /工资|工钱|薪水|劳务费|人工费|提成|底薪|加班费|奖金|血汗钱/g;
/** 3000的押金, 押金三千 — but not 工资3100还有押金: the other item must name this sum. */
const NON_WAGE_AFTER = new RegExp(`^(?:(?!还有|和|以及|跟|加上)[^，,。]){0,5}?(${NON_WAGE.source})`);

function lastMatch(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].at(-1)?.index ?? -1;
}

/** Whether the sum is a cost that is not pay: the nearest item word before it, or one right after it. */
function isNonWage(before: string, after: string): boolean {
  const item = lastMatch(before, NON_WAGE_ALL);
  if (item >= 0 && item > lastMatch(before, PAY_WORD_ALL)) return true;
  return NON_WAGE_AFTER.test(after);
}

/** 一共, 一直, 一起: a lone digit that begins a word is no number (一天一共九百). */
const LONE_DIGIT_IN_WORD = /^[共直起下些定样点分]/;

/** "公司欠我两个月工资，8400": a bare number as its own clause right after a clause about the pay owed. */
const PAY_CLAUSE = /工资|工钱|薪水|劳务费|人工费|欠|(每个?|一个)(月|天)$/;

function isMoney(n: NumeralMention, before: string, after: string, previousClause = ''): boolean {
  if (n.value <= 0) return false;
  if (/^[一二两三四五六七八九]$/.test(n.raw) && LONE_DIGIT_IN_WORD.test(after)) return false;
  if (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before) || YUAN_AND_TENTHS.test(after)) return true;
  if (JIAO_AFTER.test(after) && n.value < 10) return true;
  if (NOT_MONEY_AFTER.test(after)) return false;
  if (n.hasMoneyScale) return true;
  if (RATE_BEFORE.test(before) && !HOTLINES.has(n.raw)) return true;
  if (n.value < 100 || HOTLINES.has(n.raw)) return false;
  if (/^\d+$/.test(n.raw) && before === '' && after === '' && PAY_CLAUSE.test(previousClause)) return true;
  return /\d/.test(n.raw) && (MONEY_CONTEXT_BEFORE.test(before) || RATE_AFTER.test(after));
}

/** 将近十万块，九万六: a bare sum right after a rough one of about its size says it exactly. */
const ROUGH_SUM_CLAUSE = /(将近|差不多|大概|大约|接近|快)[\d一二两三四五六七八九十百千万]+(多)?(块|元)?(钱)?$/;

function narrowsHedge(previous: MoneyMention | undefined, value: number, before: string, previousClause: string): boolean {
  if (!previous || !HEDGE_ONLY.test(before) || !ROUGH_SUM_CLAUSE.test(previousClause)) return false;
  return value !== previous.value && Math.abs(value - previous.value) <= previous.value * 0.15;
}

/** Every sum of money in the text, with what the clause around it says about it (read-only). */
export const findMoney: (text: string) => readonly MoneyMention[] = recentResults(readMoney);

function readMoney(text: string): MoneyMention[] {
  const clauses = splitClauses(text);
  const mentions: MoneyMention[] = [];
  for (const n of findNumerals(text)) {
    const clause = clauseAt(clauses, n.start);
    if (!clause) continue;
    const before = text.slice(clause.start, n.start);
    const after = text.slice(n.end, clause.start + clause.text.length);
    const previousClause = clauses[clauses.indexOf(clause) - 1]?.text ?? '';
    if (!isMoney(n, before, after, previousClause)) continue;
    // 他讲最多再给一千: a payment offered, not a sum owed or paid.
    if (OFFERED_BEFORE.test(before)) continue;
    const near = before.slice(-6);
    // "只发了一个月…一共一万一千四": of a payment and a total said before the sum, the nearer one tells.
    const paidAt = lastMatch(before, PAID_ALL);
    const totalAt = lastMatch(before, TOTAL_ALL);
    const tenths = YUAN_AND_TENTHS.exec(after)?.[1];
    const previous = mentions.at(-1);
    mentions.push({
      value: tenths ? n.value + (parseNumeral(tenths)?.value ?? 0) / 10 : JIAO_AFTER.test(after) && n.value < 10 ? n.value / 10 : n.value,
      start: n.start,
      // ("每个月 2300": the rate word in the clause before, the sum alone in its own)
      perDay:
        PER_DAY.test(near) ||
        DAY_AFTER.test(after) ||
        EACH_DAY_BEFORE.test(before) ||
        (before === '' && /(每|一)(天|日)$/.test(previousClause)),
      perMonth:
        PER_MONTH.test(near) ||
        MONTH_AFTER.test(after) ||
        EACH_MONTH_BEFORE.test(before) ||
        (before === '' && /(每个?|一个)月$/.test(previousClause)),
      perPerson:
        PER_PERSON.test(near) ||
        PERSON_AFTER.test(after) ||
        // "每人欠一个半月工资，大概六千": a bare sum after a per-person clause is per person too.
        (PER_PERSON_START.test(previousClause) && !HAS_SUM.test(previousClause) && HEDGE_ONLY.test(before)) ||
        // "每人两个月合计七千二": the clause is each worker's, with no other sum before this one.
        (PER_PERSON_START.test(before) && !HAS_SUM.test(before)),
      perPiece: PER_PIECE.test(before),
      perShift: PER_SHIFT.test(before),
      addOn:
        previous !== undefined &&
        ((previous.start >= clause.start && ADD_ON_BETWEEN.test(text.slice(previous.start, n.start).replace(NUMERAL_RUN, ''))) ||
          (!previous.nonWage && ADD_ON_CLAUSE.test(before)) ||
          // "工资两千六，提成一千一": another pay item in its own clause right after the wage's
          (PAY_ITEM_CLAUSE.test(before) &&
            WAGE_CLAUSE.test(previousClause) &&
            previous.start >= text.indexOf(previousClause, clause.start - previousClause.length - 2))),
      // 总共只给了三千 is a payment, not a total.
      total: totalAt >= 0 && totalAt > paidAt,
      paid: paidAt >= 0 && paidAt >= totalAt,
      remaining: REMAINING.test(before) || (/^(块|元)?(钱)?(还)?(冇|没有?|未)(给|付|结|发)/.test(after) && /还/.test(before + after)),
      nonWage: isNonWage(before, after) && !(PAID.test(before) && ADVANCE.test(clause.text)),
      deducted: (DEDUCTED.test(before.slice(-4)) || DEDUCTED_ITEM.test(before)) && !PAID.test(before) && !REMAINING.test(before),
      correction: CORRECTION.test(before) || CORRECTION.test(previousClause) || narrowsHedge(previous, n.value, before, previousClause),
      explicit: n.hasMoneyScale || CURRENCY_AFTER.test(after),
    });
  }
  return mentions;
}
