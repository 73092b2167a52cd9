import { placeChainAt } from './place-chain';
import type { Span } from './name-span';
import type { ReadableText } from '../text/transcript';

/**
 * Businesses named without a suffix (湘味轩, 汤泉山庄 said as "叫汤泉"): people introduce the name
 * with 叫 after saying what kind of place it is, or answer the operator's "店叫什么".
 */
const BUSINESS_NOUN =
  '店|饭店|餐馆|饭馆|菜馆|面馆|粉馆|酒楼|酒店|宾馆|超市|门面|餐厅|厂|公司|会所|作坊|摊子|馆子|场子|单位|机构|园子|托管班|辅导班|培训班|装卸队|搬运队|车队|驿站|网点|站点|诊所|' +
  '画室|健身房|养老院|敬老院|基地|影院|影城|学校|工作室|琴行|农家乐|民宿|山庄|网吧|茶楼|幼儿园|托儿所|美容院|合作社|养殖场|猪场|鸡场|果园|茶园|农场|鱼塘';
// Not across words that come between names (一个, 一家, 的, 在, 叫).
// 家 only as 一家, 那家 (大力搬家, 湘里人家 hold it).
const NAME = '((?:(?![个的在是叫到去给帮和跟])(?!(?<=[一那这哪某每])家)[\\u4e00-\\u9fa5A-Za-z0-9]){2,8}?)';
const NAME_END = '(?=[，。,！？!?\\s的]|当|做|上班|打工|干|帮|$)';
/** 一家饭店叫湘味轩, 那个店名字叫做老街坊. */
const NOUN_THEN_NAME = new RegExp(`(${BUSINESS_NOUN})(的)?(名字|店名|招牌)?[，,\\s]?(叫做|名叫|叫|是)${NAME}${NAME_END}`, 'g');
/** 一家叫湘味轩的饭店. */
const NAME_THEN_NOUN = new RegExp(`(叫做|名叫|叫)${NAME}的[\\u4e00-\\u9fa5]{0,3}?(${BUSINESS_NOUN})`, 'g');
/** 一个搬家公司做搬运，叫大力搬家: the kind of business, what the speaker did there, then its name. */
/** 一个小奶茶店打工，老板自己开的，叫茶语时光: a clause that says who runs it may come between. */
const NOUN_WORK_THEN_NAME = new RegExp(
  `(${BUSINESS_NOUN})(做|当|上班|打|干|帮)[^，。,！？\\s]{0,4}[，,](?:[^，。,！？\\s叫]{1,8}的[，,])?(它|那个店|店)?(叫做|名叫|叫)${NAME}${NAME_END}`,
  'g',
);
/** 美甲店"指尖艺术", "味之源"早餐店: a name in quotation marks beside the kind of business. */
const QUOTED_NAME = new RegExp(
  `(?<=(?:${BUSINESS_NOUN}|那家|这家|一家|那间|这间)(?:的)?(?:名字)?(?:叫做?|名叫|是)?)[“"「『]([\\u4e00-\\u9fa5A-Za-z0-9]{2,10})[”"」』]|[“"「『]([\\u4e00-\\u9fa5A-Za-z0-9]{2,10})[”"」』](?=的?[\\u4e00-\\u9fa5]{0,3}?(?:${BUSINESS_NOUN}))`,
  'g',
);
/** 奶茶店茶小桃做兼职: the kind of business, its name, then the speaker's job there. */
const NOUN_NAME_THEN_JOB = new RegExp(
  `(?:${BUSINESS_NOUN})((?:(?![个的在是叫到去给帮和跟里])[\\u4e00-\\u9fa5]){2,5})(?:当|做)(兼职|服务员|收银员?|店员|营业员|学徒|帮厨|厨师|前台|洗碗工?)`,
  'g',
);
/** 跟迅蜂速配的站点签的, 跟快马出行签的协议: the party the worker signed with. */
const SIGNED_WITH = new RegExp(`跟${NAME}(?:的[\\u4e00-\\u9fa5]{1,3})?签(?:的|了)`, 'g');
/** 店在漳江街道沅江路口 叫鲜果时光: where it is, then its name. */
const NOUN_AT_PLACE_THEN_NAME = new RegExp(`(?:${BUSINESS_NOUN})在[^，。,！？]{1,12}?[\\s，,]?(叫做|名叫|叫)${NAME}${NAME_END}`, 'g');
/** 门头写的车之道, 招牌上是老街坊: the name on the signboard. */
const SIGNBOARD_NAME = new RegExp(`(门头|招牌|牌子)上?(写的是?|写着|是|叫)${NAME}${NAME_END}`, 'g');
/** 在湘味轩当服务员: a shop job after a place of work that is no place name. */
const WORKPLACE_THEN_JOB = new RegExp(
  `在${NAME}(当|做|打工做?)(服务员|厨师|收银员?|前台|帮厨|配菜|传菜|洗碗|店员|营业员|美容师|发型师|技师|切配|跑堂)`,
  'g',
);
const ASKS_FOR_SHOP =
  /^(叫什么|叫么子)(名字)?|(店|饭店|酒店|餐馆|超市|厂|公司|单位|那家|那个地方|农家乐|山庄|宾馆|会所|馆|场|园|院|室|房|城|中心|基地|机构|学校|合作社).{0,4}(叫什么|名字|叫么子|哪家)|(哪个|哪家|什么)(店|饭店|酒店|公司|厂|单位)/;
/** "叫好再来饭店", "好像是湖南中鸿建设的": the name, after a hedge, with a trailing 的 left off. */
// A whole answer may hold any characters of a name (山水人家): nothing else competes for the slot.
const ANSWER = new RegExp(
  `^(嗯|哦|就是)?[，,]?(好像|应该|可能|大概)?(叫做?|名叫|是)([\\u4e00-\\u9fa5A-Za-z0-9]{2,10}?)的?(?=[，。,！？!?\\s]|$)`,
);
/** Words that fill the slot of a name but are not one. */
const NOT_A_NAME =
  /^(那里|这里|哪里|那边|这边|里面|里头|店里|厂里|屋里|外面|街上|城里|工地|那个|这个|一个|一家|什么|么子|他们|我们|老板|人家|别个|包工头|包公头|工头|老总|包头|私立|公办|民办|私人|个体|个人|国营|国有|外地|本地|正规|业主|甲方|乙方|总包|开发商|这么|那么|这样|那样)|^(他|她|我|你)(们)?(的)?(店|厂|屋|家|门面|场子|那里|那边|这里|这边)/;

const BUSINESS_END = new RegExp(`(${BUSINESS_NOUN})$`);

/** 店是谭某开的: who runs the business, not its name. */
// (箱包, 面包: goods, not who runs it)
const RUN_BY_END = /(开|(?<![箱面书背挎钱])包|承包|管|搞)$/;

function acceptable(name: string): boolean {
  if (NOT_A_NAME.test(name) || BUSINESS_END.test(name) || RUN_BY_END.test(name)) return false;
  // A place (在长沙当保安) is a location, not a business; a name that starts with one (湖南中鸿建设) is.
  return placeChainAt(name, 0)?.end !== name.length;
}

function collect(text: string, pattern: RegExp, group: number, into: Span[]): void {
  for (const match of text.matchAll(pattern)) {
    const name = match[group];
    if (!name || !acceptable(name)) continue;
    const start = (match.index ?? 0) + match[0].indexOf(name);
    into.push({ text: name, start, end: start + name.length });
  }
}

const QUOTE_MARK = /[“"「『]/;

/** Shop names in the caller's words that carry no business suffix. */
export function findShopNames(callerText: string): Span[] {
  const spans: Span[] = [];
  collect(callerText, NOUN_THEN_NAME, 5, spans);
  collect(callerText, NAME_THEN_NOUN, 2, spans);
  collect(callerText, NOUN_WORK_THEN_NAME, 5, spans);
  collect(callerText, WORKPLACE_THEN_JOB, 1, spans);
  collect(callerText, NOUN_NAME_THEN_JOB, 1, spans);
  // (the rarer shapes only where their words are)
  if (callerText.includes('签')) collect(callerText, SIGNED_WITH, 1, spans);
  collect(callerText, SIGNBOARD_NAME, 3, spans);
  collect(callerText, NOUN_AT_PLACE_THEN_NAME, 2, spans);
  if (QUOTE_MARK.test(callerText)) {
    collect(callerText, QUOTED_NAME, 1, spans);
    collect(callerText, QUOTED_NAME, 2, spans);
  }
  return spans;
}

/** The name the caller gives when the operator asks what the shop is called. */
export function shopNameFromAnswers(text: ReadableText): string | null {
  for (let i = 1; i < text.turns.length; i++) {
    const question = text.turns[i - 1];
    const answer = text.turns[i];
    if (question?.speaker !== 'operator' || answer?.speaker !== 'caller' || !ASKS_FOR_SHOP.test(question.text)) continue;
    const name = ANSWER.exec(answer.text.trim())?.[4];
    if (name && acceptable(name)) return name;
  }
  return null;
}
