import {
  ARREARS_TOPIC,
  CONSUMER_MATTER,
  HYPOTHETICAL,
  LABOR_OTHER,
  NON_WAGE_DEBT,
  OPERATOR_PRESUPPOSES,
  PAY_WORDS,
  SETTLEMENT_WORDS,
  STILL_UNPAID,
  UNPAID_IMPLIED,
  UNPAID_WORDS,
  WAGES_PAID,
  WORK_CONTEXT,
} from '../lexicon/category-cues';
import { findMoney } from './money-mentions';
import { fewerMonthsPaid } from './durations';
import { personNameAt } from './person-names';
import { SURNAMES } from '../lexicon/surnames';
import { TAOYUAN_TOWNSHIPS } from '../lexicon/taoyuan-gazetteer';

/** A boss by nickname or title at the start: 胡老四, 胡四爷, 吴哥, 陈姐, 王总. */
const NICKNAMED_AT_START = /^[\u4e00-\u9fa5](老[大二三四五六七八九十幺]|[二三四五六七八九十幺]爷|哥|姐|总|老板|师傅|班长|包头)/;

/** A title after a surname (王总, 唐老板); 怕老板, 找老板 start with a verb, not a surname. */
const TITLE = /^(总|老板|师傅|班长|包头)$/;
const NOT_A_NICKNAME_START = /^[怕找跟给让叫问等被把向对帮说讲和与我你他她这那哪有是在]/;

function nicknamedAtStart(text: string): boolean {
  const match = NICKNAMED_AT_START.exec(text);
  if (!match) return false;
  return TITLE.test(match[1] ?? '') ? SURNAMES.has(text[0] ?? '') : !NOT_A_NICKNAME_START.test(text);
}

/**
 * "胡德明的钱还是冇到", "向明华还是不给钱", "胡老四的钱么时候给": a message that starts with the one who
 * owes, by name or nickname, is about a boss and his workers (the payer stands for the work relation).
 */
export function startsWithPayer(sentence: string): boolean {
  return payerAtStart(sentence) !== null;
}

/** What follows the payer's name: his money, his excuses, his running off, his not paying (更不得给钱). */
const AFTER_PAYER = /^(的钱|还是|又|讲|电话|那边|那个|跑|卷|(更|也|还|就|都|硬是)*(不得|不|冇|没)(给|发|结))/;

/** The payer a sentence starts with (胡老四, 胡德明 in "胡德明的钱还是冇到"), or null (see startsWithPayer). */
export function payerAtStart(sentence: string): string | null {
  const text = sentence.trim();
  if (nicknamedAtStart(text)) return NICKNAMED_AT_START.exec(text)![0];
  const name = personNameAt(text, 0);
  // (沙坪镇那个光伏项目: a township, not a man)
  const place =
    name !== null && (/[镇乡村县区市街]/.test(text[name.length] ?? '') || TAOYUAN_TOWNSHIPS.some((t) => name.startsWith(t.short)));
  return name && !place && AFTER_PAYER.test(text.slice(name.length)) ? name : null;
}

/**
 * How strongly a text says that pay for work is unpaid. An unpaid signal alone (欠, 冇给, 跑路) is
 * ambiguous; each cue that ties it to work adds weight: a pay word beside it, a sum beside it, a work
 * relation anywhere. Two points make a case, so "做了三个月一分钱没拿到" and "欠我七八千" count
 * while a lone "欠" does not.
 */
export const WAGE_CASE_THRESHOLD = 2;

const DEDUCTED_FOR_INSURANCE = /扣(了|着)?[^，。,]{0,8}(社保|保险|医保|公积金)/;

const WEIGHT = { unpaid: 1, payWord: 2, amount: 1, work: 1, operatorAsks: 2 } as const;

export function sentences(text: string): string[] {
  return text.split(/[。！!？?\n；;]+/).filter((s) => s.trim());
}

function clauses(sentence: string): string[] {
  return sentence.split(/[，,\s]+/).filter((s) => s.trim());
}

const ALL_NON_WAGE_DEBT = new RegExp(NON_WAGE_DEBT.source, 'g');

/** A pay word, not counting 结账 where the sentence is about a bill for goods. */
function namesPayFor(text: string, debtInSentence: boolean): boolean {
  const match = PAY_WORDS.exec(text);
  if (!match) return false;
  return !debtInSentence || !SETTLEMENT_WORDS.test(match[0]) || PAY_WORDS.test(text.replace(new RegExp(SETTLEMENT_WORDS.source, 'g'), ''));
}

const ALL_WAGES_PAID = new RegExp(WAGES_PAID.source, 'g');
/** 工资还没给, 工钱一直冇发: the pay itself said to be unpaid. */
const PAY_UNPAID = new RegExp(
  `(${PAY_WORDS.source})((还|都|也|一直|至今|到现在)*(冇|没|没有|未|莫|不)(给|发|结|付)|[^，,。\\s]{0,3}?一分(钱)?(都|也)?(冇|没|没有|莫|不给))`,
);

const hasAmount = (text: string): boolean => findMoney(text).some((m) => !m.nonWage);

const PROMISED_PAY = /(讲好|说好|答应|讲定|保证|承诺)[^，。,！？\s]{0,8}(把)?(工资|工钱)[^，。,！？\s]{0,4}(结清|发了|给了|付清)/g;
/** 我是开五金店的, 挖机租给…: a trader or a lessor, whose unpaid bills are no wages. */
const TRADER = /我是开[^，。,\s]{1,6}(店|门面|超市)的|我自己有门面|租给|出租给/;
const HEARD_CLAUSE_START = /(?:^|(?<=[，,\s]))(听讲|听说|听人讲|听人说|据说|听别人讲)[^，,\s]*/g;
const HOURLY_RATE = /(一|每)个?(小时|钟头)[\d一二两三四五六七八九十]+(块|元)?/;
const HOURS = /[\d十一二三四五六七八九百]+个(小时|钟头)/g;

/** A clause that tells of a payment: 给了三千, 发了一个月的. */
const PAID_CLAUSE = /(给了|发了|付了|结了|拿了|拿到了?|领了)/;

/**
 * "讲好八千，给了三千", "做了三个月，发了一个月的": less paid than the sum agreed or the months worked,
 * which tells that the rest is unpaid without saying so.
 */
function paidLessThanOwed(sentence: string): boolean {
  if (fewerMonthsPaid(sentence)) return true;
  const money = findMoney(sentence).filter((m) => !m.nonWage);
  return money.some(
    (paid) =>
      paid.paid && money.some((owed) => !owed.paid && owed.start < paid.start && owed.value > paid.value && !owed.perDay && !owed.perPiece),
  );
}

const ALL_UNPAID_WORDS = new RegExp(UNPAID_WORDS.source, 'g');

/**
 * The clause up to its last word of pay withheld: "…到现在一分冇给我屋里老娘还在住院", written without
 * a stop, tells the unpaid pay first and another worry after it, which is no other labour matter.
 */
function upToUnpaid(clause: string): string {
  const last = [...clause.matchAll(ALL_UNPAID_WORDS)].at(-1);
  // (with what was withheld right after it: 好不给补偿 is about compensation, 冇给我们交社保 insurance)
  if (!last) return clause;
  const end = (last.index ?? 0) + last[0].length;
  const insurance = INSURANCE_AFTER.exec(clause.slice(end))?.[0].length ?? 0;
  return clause.slice(0, end + Math.max(2, insurance));
}

/**
 * "欠我九千块工资，春节前不给的话我过年都回不去": the clauses told before the first supposed one are
 * facts; from the supposition on ("如果老板不给…", "万一做了他不给钱") nothing has happened yet.
 */
function toldBeforeSupposing(sentence: string): string {
  const parts = sentence.split(/(?<=[，,\s])/);
  const first = parts.findIndex((clause) => HYPOTHETICAL.test(clause));
  return first <= 0
    ? ''
    : parts
        .slice(0, first)
        .join('')
        .replace(/[，,\s]+$/, '');
}

/** A sentence that moves on to another job or a later time. */
const CHANGE_OF_MATTER = /^(后来|现在|但是?|可是|然后|之后|接着|这次|这回|又)/;

const INSURANCE_AFTER = /^[^，。,！？\s]{0,4}(交|买|缴|上|办)(社保|保险|五险|医保|养老保险)/;

export interface WageEvidence {
  score: number;
  /** The best unpaid clause names the pay itself (工资冇发), not only a sum or a work relation. */
  namesPay: boolean;
}

/**
 * The strongest unpaid clause of the caller's words. A clause about something else (社保, 押金,
 * 材料款, 补偿) does not count, nor does an imagined one; once the caller says the wages were paid,
 * only a clause that names the pay itself counts.
 */
export function weighWageEvidence(callerText: string, operatorText = ''): WageEvidence {
  const work = WORK_CONTEXT.test(callerText) || sentences(callerText).some(startsWithPayer);
  // (讲好过年前把工资结清: a promise of payment, not a payment)
  const wagesPaid = WAGES_PAID.test(callerText.replace(PROMISED_PAY, ''));
  const paidIn = (s: string): boolean => WAGES_PAID.test(s.replace(PROMISED_PAY, ''));
  let best: WageEvidence = { score: 0, namesPay: false };
  const all = sentences(callerText);
  const paid = all.map(paidIn);
  for (const [index, whole] of all.entries()) {
    // "…那边工资都结清了；后来跳到宏发，宏发欠我两个月": a paid job told before a change of job.
    const paidBefore = paid.slice(0, index).some(Boolean);
    const paidHere = paid.slice(index).some(Boolean) || (paidBefore && !CHANGE_OF_MATTER.test(whole.trim()));
    // (听讲…以前拖过工资: what others say happened is no matter of the speaker's own)
    const told = whole.replace(HEARD_CLAUSE_START, '');
    const sentence = HYPOTHETICAL.test(told) && !STILL_UNPAID.test(told) ? toldBeforeSupposing(told) : told;
    if (!sentence) continue;
    const debt = NON_WAGE_DEBT.test(sentence);
    const names = (s: string): boolean => namesPayFor(s, debt);
    const payInSentence = names(sentence) && !WAGES_PAID.test(sentence);
    // 一小时15块，做了120个小时: hours worked at an hourly rate are pay, not working-time rules.
    const otherMatter = LABOR_OTHER.test(HOURLY_RATE.test(sentence) ? sentence.replace(HOURS, '') : sentence) || debt;
    const unpaidAt = UNPAID_WORDS.exec(sentence)?.index ?? -1;
    let partPaid: boolean | undefined;
    let amount: boolean | undefined;
    const parts = clauses(sentence);
    for (const [index, clause] of parts.entries()) {
      // "欠我们材料款两万 人工费三万六": one 欠 runs over a list of sums; "提成一共八千七，到现在冇给":
      // the sum, then its being unpaid. ("工资从四千降到两千五，…，好不给补偿" owes no pay.)
      const next = parts[index + 1] ?? '';
      const unpaidNext = (): boolean => UNPAID_WORDS.test(next) && !LABOR_OTHER.test(upToUnpaid(next)) && !NON_WAGE_DEBT.test(next);
      const listed =
        names(clause) && hasAmount(clause) && ((unpaidAt >= 0 && unpaidAt < sentence.indexOf(clause) + clause.length) || unpaidNext());
      const unpaid =
        UNPAID_WORDS.test(clause) ||
        listed ||
        (!otherMatter && (UNPAID_IMPLIED.test(clause) || (PAID_CLAUSE.test(clause) && (partPaid ??= paidLessThanOwed(sentence)))));
      if (!unpaid || WAGES_PAID.test(clause)) continue;
      // "工资3100还有押金都冇退", "试用期的工资还没给": pay with its sum, or pay said to be unpaid, is owed
      // beside another matter; a sentence about another matter with no pay word and no sum is about it
      // ("砸伤了手，厂里不给治").
      const payWithSum = names(clause) && hasAmount(clause);
      const payUnpaid = PAY_UNPAID.test(clause);
      if (
        (LABOR_OTHER.test(upToUnpaid(clause)) && !payWithSum && !payUnpaid) ||
        NON_WAGE_DEBT.test(clause) ||
        // (工资条上扣了三百多的社保: a deduction for insurance not paid in is an insurance matter)
        DEDUCTED_FOR_INSURANCE.test(clause) ||
        CONSUMER_MATTER.test(clause) ||
        (CONSUMER_MATTER.test(sentence) && !payInSentence)
      )
        continue;
      amount ??= hasAmount(sentence);
      if (otherMatter && !payInSentence && !amount) continue;
      const topicOnly = ARREARS_TOPIC.test(clause);
      const namesPay = !topicOnly && names(clause);
      if (paidHere && !namesPay) continue;
      let score = WEIGHT.unpaid;
      if (namesPay || (!topicOnly && payInSentence)) score += WEIGHT.payWord;
      if (amount) score += WEIGHT.amount;
      if (work) score += WEIGHT.work;
      if (score > best.score) best = { score, namesPay };
    }
  }
  if (!wagesPaid && work && OPERATOR_PRESUPPOSES.test(operatorText)) {
    best = { score: best.score + WEIGHT.operatorAsks, namesPay: best.namesPay };
  }
  return best;
}

/**
 * "老板讲货款冇回来", "厂里讲订单冇结算": the employer's excuse names a debt owed to him, which says
 * nothing about what the worker is owed.
 */
const EXCUSE =
  /(讲|说|推说|等|因为|要等)[^，。,；！？\s]{0,3}(货款|工程款|材料款|订单|回款|贷款|运费|款|账)[^，。,；！？\s]{0,2}(冇|没|没有|未|不)?(回来|到账|到|结算|结|拨|收回来|收不回来|下来|批下来)|(讲|说|推说|因为)[^，。,；！？\s]{0,6}(不交|冇交|没交|不给|冇给|没给)[^，。,；！？\s]{0,4}(物业费|货款|工程款|运费|房租)|(讲|说|推说)[^，。,；！？\s]{0,6}(尾款|工程款|货款)(冇|没|没有|不)(给|到|结)|(讲|说)[^，。,；！？\s]{0,4}(冇|没|没有)(卖出去|卖掉|卖完|回款)|(讲|说)?等[^，。,；！？\s]{1,4}(卖出去|卖了|卖完)|(讲|说|推说|因为)[^，。,；！？\s]{0,4}订单(取消|黄|冇得|没有|少)[^，。,；！？\s]{0,4}|(讲|说|推说)等[^，。,；！？\s]{0,2}(货款|回款|工程款|拨款)(?=[，。,；！？\s]|$)/g;

/** 医院讲装修款都付给美居了: the party above has paid the contractor, which leaves the workers' pay as it was. */
const UPSTREAM_PAID =
  /(讲|说)[^，。,；！？\s]{0,4}(装修款|工程款|货款|款|钱)(都|已经|早就)?(付给|给了|打给|结给|付清|结清)[^，。,；！？\s]{0,16}/g;

const RENAMED_AS_PAY = /其实(就)?是[^。！？]{0,20}(工钱|工资|人工费)/;

const CAMPAIGN = /(全国)?根治欠薪(工作)?(线索反映平台|热线|办|办公室|专班|平台|专项行动|冬季攻坚)?/g;

/** A concrete case of unpaid pay, unless the only money named is a debt that is not pay. */
export function hasWageCase(text: string, operatorText = ''): boolean {
  // 根治欠薪 names the campaign (根治欠薪线索反映平台, 根治欠薪热线), not this matter.
  // (the excuse still says the pay is held back: 老板一直讲货款冇收回来)
  // (欠我们的工程款两万四 其实就是我们三个人做泥工的工钱: the debt named again as pay)
  const renamed = RENAMED_AS_PAY.test(text) ? text.replace(/工程款/g, '工钱') : text;
  const callerText = renamed.replace(UPSTREAM_PAID, '').replace(EXCUSE, '冇给').replace(CAMPAIGN, '');
  const evidence = weighWageEvidence(callerText, operatorText);
  if (evidence.score < WAGE_CASE_THRESHOLD) return false;
  if (!NON_WAGE_DEBT.test(callerText)) return true;
  // A trader who says "司机的工资我都发了" names pay only as paid; 结账 beside the bill is the bill.
  const rest = callerText.replace(ALL_NON_WAGE_DEBT, '').replace(ALL_WAGES_PAID, '');
  if (namesPayFor(rest, true)) return true;
  // 我是开五金店的…赊了一批水管: a trader's or lessor's unpaid bill, with no pay of their own named.
  if (TRADER.test(callerText)) return false;
  // "帮他开挖机，一个月九千，一分没拿到，另外他还借了我五千": with the clauses about the other debt
  // left out, work, a sum and its being unpaid still tell of pay owed.
  const withoutDebt = callerText
    .split(/[，,。；;！!？?\n]+/)
    .filter((clause) => !NON_WAGE_DEBT.test(clause) && !TRADER.test(clause))
    .join('，');
  return (
    weighWageEvidence(withoutDebt, operatorText).score >= WEIGHT.unpaid + WEIGHT.amount + WEIGHT.work && !NON_WAGE_DEBT.test(withoutDebt)
  );
}
