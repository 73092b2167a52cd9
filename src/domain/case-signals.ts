import { createHash } from 'node:crypto';
import { isKindOnly, nameKey, syllablesOf } from './name-key';
import { readPeriods, type MonthSpan } from './owed-period';

export type { MonthSpan };

/**
 * What a person reads in complaints to tell whether two are about one case: who owes (the business,
 * the boss and how he is called), where (the site, the township, the village), what work (the trade),
 * when (the months owed), and who is owed (the worker's own phone). A case keeps the union of its
 * complaints' signals.
 */
export interface CaseSignals {
  /** Distinctive parts of the business names (see nameKey). */
  employerKeys: string[];
  /** Distinctive parts of the site or project names. */
  projectKeys: string[];
  /**
   * Bosses and foremen: the full name (张文斌), the surname alone (张总, 张老板, 姓张的 → 张), or a given
   * name alone as workers call him (栋哥, 小军 → ~栋, ~军; see isGivenOnly).
   */
  bosses: string[];
  /** The worker's own numbers (fingerprints): a relative's number they call from is not among them. */
  phones: string[];
  /** The worker's name (fingerprints): the sender's own, or the one a relative gives (他叫王建国). */
  workers: string[];
  villages: string[];
  trades: string[];
  /** The months the wages are owed for. */
  periods: MonthSpan[];
  /**
   * A complaint that names no months and speaks of no earlier time is about wages owed now: the half
   * year before it came in (a case keeps none; see compareSignals).
   */
  recent?: MonthSpan | null;
  /** The township: routing's, or the one the text names. */
  area: string | null;
  /** Every township the text names (work in one, a road to another): another township rules a case out only if none is shared. */
  places: string[];
  sector: string | null;
  /** The phases or blocks of an estate the text names, numbered alike (期3 for 三期 and 3期, 区C for C区). */
  phases: string[];
  /** The streets a shop or site is on (人民路): one street is something in common, two are two places. */
  streets?: string[];
  /**
   * What trade the employer's own name says it is in (锦程物流 → 物流, 锦程鞋业 → 鞋): one name in two
   * trades is two businesses.
   */
  employerKinds?: string[];
  /**
   * A factory's workshops the worker is in (针车车间 → 针车): one factory's two workshops may be two crews;
   * ALL_WORKSHOPS when the complaint is about the whole factory (全厂都冇发).
   */
  workshops?: string[];
}

/** A boss known by a character of his given name only (栋哥, 小军), written ~栋. */
export const isGivenOnly = (boss: string): boolean => boss.startsWith('~');

/** The county's places and surnames, handed in by the caller (the domain imports no lexicon). */
export interface SignalLexicon {
  townships: readonly { name: string; short: string }[];
  surnames: ReadonlySet<string>;
}

export interface SignalSource {
  text: string;
  employer: string | null;
  project: string | null;
  location: string | null;
  area: string | null;
  phone: string | null;
  sector: string | null;
  senderName: string | null;
  senderPhone: string | null;
  receivedAt: Date;
}

export const NO_SIGNALS: CaseSignals = {
  employerKeys: [],
  projectKeys: [],
  bosses: [],
  phones: [],
  workers: [],
  villages: [],
  trades: [],
  periods: [],
  area: null,
  places: [],
  sector: null,
  phases: [],
};

/** Characters a name does not run across when read backwards from its suffix. */
const STOP = new Set([
  ...'的在给帮替是和跟到去了我们你他她欠拖被对从说讲找个一那这该镇乡村县市省区街道里上下做干搞于及与或把让叫喊称姓就都也还又才时候啥么什哪边去来过得着呢吧啊呀嘛离',
]);
const ORG_SUFFIX =
  /(有限责任公司|有限公司|分公司|公司|集团|建设|建筑|劳务|工程队|施工队|装饰|装修|路桥|市政|园林|绿化|鞋业|鞋厂|服饰|制衣厂|制衣|服装厂|纺织|电子|科技|物流|快递|配送|出行|培训学校|培训|客运|运输|传媒|饭店|饭馆|酒楼|酒店|餐馆|菜馆|餐厅|餐饮|饭庄|茶业|茶叶|茶厂|米业|纸业|竹业|砖厂|竹木|木业|石材|建材|包装|印刷|机械|汽修|幼儿园|学校|KTV|超市|商行|商贸|实业|物业|保洁|家政|水利|电气|养殖场|养猪场|养鸡场|猪场|鸡场|渔场|农庄|合作社|基地|加工厂|蛋糕店|面包店|站点|(?<![车油费])站(?!长|点|在|着|起)|(?<!工)厂|店)/gi;
const SITE_SUFFIX =
  /(小区|花园|华府|家园|新城|公寓|广场|大厦|大楼|医院|中学|小学|校区|食堂|宿舍|工地|项目|安置房|村部|村道|公路|大桥|厂房|楼盘|山庄|公馆|民宿|景区|敬老院|养老院|卫生院|湾|苑|郡|(?<![政食])府)/g;
/**
 * The kind of works, however said (修路, 修公路, 村道硬化 are all road works): a site of the same kind is
 * something in common, never enough alone (see isKindOnly).
 */
const SITE_KINDS: readonly [string, RegExp][] = [
  ['公路', /修路|修公路|公路|道路|路面|路改造|路基/],
  // a village road (修村道, 通组公路硬化) is other works than the township's road
  ['村道', /村道|通村|通组|组级路|硬化/],
  ['堤防', /河堤|大堤|堤防|修堤|护坡|堤坝/],
  ['安置房', /安置房|安置小区/],
  // kinds of workplace a crew is told by when its name is not (漆家河那个养猪场，老板姓彭)
  ['猪场', /养猪|猪场/],
  ['鸡场', /养鸡|鸡场|蛋鸡/],
  ['鱼塘', /鱼塘|养鱼|看塘/],
  ['茶厂', /茶厂|茶叶加工|炒茶/],
  ['果园', /橘子园|橘园|柑橘|果园|摘橘/],
  ['砍树', /砍树|伐木|林场|砍杉/],
  ['食堂', /食堂/],
  ['建房', /起屋|建房|起房子|建房子|盖房|修房子/],
  ['冷库', /冷链|冷库/],
  ['砖厂', /砖厂|机砖|码坯/],
  ['石场', /石场|采石|放炮/],
  ['砂场', /砂场|河砂|采砂|筛砂|砂石场/],
  ['水渠', /水渠|灌溉渠|渠道|沟渠|衬砌/],
  ['光伏', /光伏|太阳能板/],
  ['路灯', /路灯/],
];
/**
 * "郑家驿到茶庵铺那条路": a road between two townships goes by their first characters (郑茶公路), as
 * the county names its roads, so that it is one site however it is told.
 */
function roadsBetween(text: string, lex: SignalLexicon): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(townshipTables(lex).roadBetween)) {
    const key = `${m[1]![0]}${m[2]![0]}公路`;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** Places a township has one of, named by the township (黄甲铺镇卫生院, 西安镇中学). */
const INSTITUTION = /^(卫生院|中学|小学|中心校|敬老院|养老院|幼儿园|学校)$/;
/** Words a name does not run across: what stands before them is a place, a company or a verb, not part of the name (陬市工业园盛宏 → 盛宏). */
const NAME_BREAK =
  /(今天|昨天|明天|前天|现在|今年|去年|反映|投诉|举报|请问|问下|所属|工钱|工资|薪水|老板娘|老板|老总|包工头|工头|经理|有限责任公司|有限公司|公司|集团|工业园区|工业园|产业园|园区|开发区|工业区|古镇|县城|城区|集镇|街上|正街|那个|这个|那家|这家|那条|这条|那栋|这栋|那座|这座|那边|这边|(?:企业|单位|对象|公司)为|进入|来到|追讨|讨要|帮助)/g;
/** A business named as a landmark (就在盛宏鞋业对面, 蜀味轩隔壁那家) is not the one the complaint is about. */
const LANDMARK = /^[^\s，,。；的在是和跟]{0,4}?(?:的|那个|那家)?斜?(?:对面|隔壁|旁边|附近|边上|后面|背后|楼上|楼下|对门)/;
const ROLE = '(?:老板娘|老板|老总|包工头|工头|包头|班组长|班长|带班的|负责人|施工员|经理|承包人|校长|园长|站长|厂长|店长|老板是|包工头是)';
const TRADES: readonly [string, RegExp][] = [
  ['木工', /木工|模板|支模|木匠/],
  ['钢筋', /钢筋|扎筋/],
  ['泥工', /泥工|泥瓦|瓦工|砌|抹灰|贴砖/],
  ['水电', /水电|电工|水管|布线|弱电/],
  ['油漆', /油漆|刷墙|涂料|腻子|刷漆|真石漆/],
  ['外墙', /外墙|幕墙|吊篮/],
  ['架子工', /架子工|脚手架/],
  ['焊工', /焊工|电焊/],
  ['保洁', /保洁|清洁工|扫地/],
  ['厨师', /厨师|炒菜|后厨|帮厨|洗碗/],
  ['服务员', /服务员|传菜/],
  ['搬运', /搬运|装卸|搬砖|搬货/],
  ['快递', /快递员|派件|送快递|分拣/],
  ['车位', /车位|车工|缝纫|针车/],
  ['采茶', /采茶/],
  ['教师', /老师|教师|保育员/],
  ['保安', /保安/],
  ['司机', /司机|货车|开车/],
];
const ROLE_WORD = new RegExp(`^${ROLE}$`);
/** The complaint is made for someone else: the caller's own number is not the worker's. */
const KIN =
  '(爸爸|爸|父亲|老爸|妈妈|妈|母亲|老公|丈夫|老婆|妻子|爱人|男人|老头子|老伴|媳妇|对象|儿子|女儿|孙子|孙女|公公|婆婆|岳父|岳母|爷爷|奶奶|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|侄子|外甥|女婿|儿媳|亲戚|老乡|家人|家老头|家老人)';
const FOR_SOMEONE = new RegExp(`(替|帮|代)(我|他|她)?的?${KIN}|我${KIN}|我是(他|她)的?${KIN}|(他|她)(的)?(电话|手机|号码)`);
/** A number said to be the boss's, not the worker's. */
const OTHERS_NUMBER = /(老板|包工头|工头|老总|经理|负责人|对方|公司|厂里)(的)?(电话|手机|号码)(是|为)?[：:]?$/;
const NOT_VILLAGE = new Set(['农', '乡', '本', '该', '我', '山', '新农']);

/**
 * "坐席：是修黄甲铺公路那个谭老板吗？ 来电人：那我不晓得，我们这是修堤的": an operator's guess the caller
 * denies is not what the complaint is about, so it is left out; a guess the caller confirms stays.
 */
const DENIED = /^(不是|不晓得|不知道|不清楚|冇|没有|那我不晓得|那不是|不对)/;
function withoutDeniedGuesses(text: string): string {
  const turns = text.split(/(?=(?:坐席|接线员|来电人)[：:])/);
  return turns
    .filter((turn, i) => {
      if (!/^(坐席|接线员)[：:]/.test(turn) || !/[？?]\s*$/.test(turn)) return true;
      const next = turns[i + 1];
      return !(next && /^来电人[：:]/.test(next) && DENIED.test(next.replace(/^来电人[：:]\s*/, '').replace(/^[喂嗯啊哦呃，,\s]+/, '')));
    })
    .join('');
}

const normalize = (text: string) =>
  withoutDeniedGuesses(text)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(坐席|来电人|接线员)[：:]/g, '\n')
    // (139 0000 6218 is one number; 8 9月 are two months)
    .replace(/\d[\d\s-]{6,}\d/g, (digits) => digits.replace(/[\s-]+/g, ''));

/**
 * The name read backwards from a suffix at `at`: up to ten characters, stopping at words that end names,
 * cut after the last place, company or verb inside (NAME_BREAK).
 */
function nameBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && at - start < 10) {
    const ch = text[start - 1]!;
    // A word that ends in a stop character is part of a longer name (佳惠超市城东店, 金色阳光小区物业).
    if (STOP.has(ch) && start - 2 >= 0 && WHOLE_WORD.test(text.slice(start - 2, start)) && at - start < 8) {
      start -= 2;
      continue;
    }
    if (!/[\p{Script=Han}A-Za-z0-9]/u.test(ch) || STOP.has(ch) || /\d/.test(ch)) break;
    start--;
  }
  // 县城骑速站: 县 stops the name, and 城 with it is the county seat, not part of the name.
  const name = text.slice(start, at).replace(text[start - 1] === '县' ? /^城/ : /^$/, '');
  const last = [...name.matchAll(NAME_BREAK)].pop();
  return last ? name.slice(last.index + last[0].length) : name;
}

/** Words inside names that end in a character names otherwise stop at. */
const WHOLE_WORD = /^(超市|市场|市政|小区|校区|园区|社区|村部|村道|古镇)$/;

/** The last `max` characters of a name read backwards, once places are taken off its front. */
const tail = (name: string, max: number) => [...name].slice(-max).join('');

function withoutPlaces(name: string, lex: SignalLexicon, shortToo: boolean): string {
  for (let changed = true; changed;) {
    changed = false;
    for (const t of lex.townships) {
      for (const p of shortToo ? [t.name, t.short] : [t.name]) {
        // (枫树溪大桥: a short name running on into another place's name stays)
        if (name.startsWith(p) && name.length > p.length && !(p === t.short && RUNS_ON.test(name.slice(p.length)))) {
          name = name.slice(p.length);
          changed = true;
        }
      }
    }
  }
  return name;
}

/**
 * What a township's short name runs on into when it is part of another place's name (枫树溪, 沙坪湾; as in
 * townshipTables), or of an estate's (漳江府, 漳江苑).
 */
const RUNS_ON = /^[溪桥湾坪冲岭垭洲港塘府苑郡]/;

/** 泓源水利三阳港堤防 → 泓源水利堤防, 汤泉热市项目 → 汤泉项目: a township inside a name says where, not which. */
function withoutInnerPlaces(name: string, lex: SignalLexicon): string {
  for (const t of lex.townships) {
    for (const p of [t.name, t.short]) {
      const at = name.indexOf(p);
      if (p === t.short && RUNS_ON.test(name.slice(at + p.length))) continue;
      if (at > 0 && [...name].length - [...p].length >= 2) return withoutInnerPlaces(name.slice(0, at) + name.slice(at + p.length), lex);
    }
  }
  return name;
}

/**
 * "工业园的电子厂，叫湘涛", "做纸箱的厂，鑫湘，", "砖厂，红达还是宏达", "县城这个站，骑速的": the name a
 * caller gives right after saying what kind of place.
 */
function namesAfterKind(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:厂|公司|店|站|站点|酒店|饭店|超市|工地|学校)[，,]\s*(?:叫|名字叫|是)?(\p{Script=Han}{2})(?:的)?(?=[，,。？?！!\s]|还是|$)((?:还是)(\p{Script=Han}{2})(?=[，,。？?！!\s]|$))?/gu,
  )) {
    for (const name of [m[1], m[3]]) {
      if (!name || [...name].some((ch) => STOP.has(ch)) || /^(老板|工资|工钱|老总|经理|包工|对的|是的|好的|不是|没有|冇得)$/.test(name))
        continue;
      const key = nameKey(name);
      if (key && !out.includes(key)) out.push(key);
    }
  }
  return out;
}

/** Words before 路 or 街 that make no street of it: a road of a kind, not a name. */
const NOT_STREET = /^(水泥|机耕|乡村|高速|柏油|泥巴|田间|进村|出村|盘山|大马|小马|那条|这条|一条|通村|组级|村级|施工|便道)$/;

/** 人民路, 建设街, 漳江北路 (as 江北路): the streets the text names, by their last two characters and the suffix. */
function streetsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(路|街|大道)(?![口边上段灯面基道桥])/g)) {
    const before = nameBefore(text, m.index);
    if ([...before].length < 2) continue;
    const name = tail(before, 2);
    // 跑路, 走路, 带路: a verb's road.
    // 漆热公路 is a road between townships, not a street.
    if (NOT_STREET.test(name) || /^(修|在|到|条)/.test(name) || /[跑走带让修开绕问找赶过公]$/.test(name)) continue;
    const street = name + m[0];
    if (!out.includes(street)) out.push(street);
  }
  return out;
}

/** 桃嫂米粉人民路店 and 人民路桃嫂粉店: the street in a shop's name says where, not which. */
function withoutStreets(name: string, streets: readonly string[]): string {
  for (const street of streets) {
    const at = name.indexOf(street);
    if (at >= 0 && [...name].length - [...street].length >= 2) return name.slice(0, at) + name.slice(at + street.length);
  }
  return name;
}

/** Estate suffixes that may follow a township's short name directly (漳江府). */
const ESTATE = /^(府|苑|郡)$/;

function namesWithSuffix(text: string, suffix: RegExp, lex: SignalLexicon, streets: readonly string[]): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(suffix)) {
    if (LANDMARK.test(text.slice(m.index + m[0].length))) continue;
    const before = tail(withoutInnerPlaces(withoutPlaces(withoutStreets(nameBefore(text, m.index), streets), lex, true), lex), 6);
    // 黄甲铺镇卫生院 is 黄甲铺卫生院: a township's own school, clinic or home, by the township's name.
    // 漳江府, 漳江苑: an estate called by the township's short name.
    const estate = ESTATE.test(m[0]) ? lex.townships.find((t) => text.slice(0, m.index).endsWith(t.short)) : undefined;
    const township = INSTITUTION.test(m[0]) ? lex.townships.find((t) => text.slice(0, m.index).endsWith(t.name)) : estate;
    if ([...before].length < 2 && !township) continue;
    const key = nameKey((township && [...before].length < 2 ? township.short : before) + m[0]);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

const PERSON = (lex: SignalLexicon, name: string) =>
  lex.surnames.has(name[0]!) && /^[\p{Script=Han}]{2,3}$/u.test(name) && !/(老板|老总|总|经理|工头|师傅|哥|姐)$/.test(name);
/** 小军, 阿强, 栋哥: a man called by his given name. */
const GIVEN_ONLY = /^(?:(?:小|阿)(\p{Script=Han})|(\p{Script=Han})哥)$/u;
/** An operator's question after the name of the one who owes. */
const NAME_ASKED = /(全名|真名|大名|名字|叫什么|叫么子|是谁|哪个老板|负责人|(哪个|谁)(欠|拖))/;
/** …about the one who owes, not the caller (您叫什么名字 asks the caller). */
const OWER_ASKED = /(老板|包工头|工头|负责人|对方|单位|公司|校长|站长|厂长|店长|经理|(哪个|谁)(欠|拖))/;
/** A given name ends before a word that is not part of it (陈勇欠 → 陈勇). */
const NAME_TAIL = /^[欠拖说把给的在是了和跟带也都就还建盖修包开做干叫喊称讲不没有，。、；！？\s（(]/;

/** Verbs that also begin given names (建华, 开明, 修文), and what they build when they are verbs. */
const GIVEN_VERB = /^[建修开带]$/;
const BUILT = /^[房楼屋路桥厂棚墙车个了的]$/;
/** 总 as a title (张总, 覃总讲), not a word (总共, 总额). */
const ZONG = '总(?![共计额数价体结算之而部公经量和裁监])';
/** A nickname (刘胖子, 向老三) or a title (覃总, 杨经理) says no more than the surname. */
const NICKNAME = new RegExp(
  `^(胖子|矮子|瘦子|麻子|拐子|胡子|秃子|大个|老板|老总|${ZONG}|经理|工头|包工头|班长|组长|队长|校长|园长|站长|厂长|店长|师傅|哥|姐|某|老[大二三四五六七八九幺满]|[一二三四五六七八九十幺满](?=[^\u4e00-\u9fff]|$))`,
);

/** What follows a payer's name at the start of a message: his money, what he said, that he still does not pay. */
const PAYER_NEXT = /^(的钱|的工钱|那边|那个|还是|又|讲|说|电话|答应|一直|到现在)/;
/** 胡老四, 胡四爷, 陈姐: a nickname after a surname, at the start of a message. */
const NICKNAME_AT = /^(老[大二三四五六七八九十幺]|[二三四五六七八九十幺]爷|姐|哥)(的钱|那边|那个|还是|又|讲|说|电话|答应)/;

/** Words whose last character is also a surname: 厨房 (房), 车间 (间), 食堂 (堂), 工地 (地). */
const WORD_ENDING_IN_SURNAME = /^(厨房|车间|食堂|工地|木工|泥工|电工|焊工|仓库|门面|大堂|水电|后厨|学校|酒店|工厂|厂房)$/;

/** 包工头叫…, 老板是…: a role, then maybe the name. */
const ROLE_THEN = new RegExp(`${ROLE}(?:叫|是|名叫|为)?`, 'g');
/** 张老板, 彭建华老板, 姓张的包工头, 谭某: a surname (or a full name) before a title. */
const SURNAME_THEN_TITLE = new RegExp(
  `(姓|叫)?(\\p{Script=Han})(?:老板娘|老板|老总|${ZONG}|经理|工头|包工头|包头|师傅|班长|班组长|队长|组长|校长|园长|站长|厂长|店长|某)`,
  'gu',
);
/** 包工头栋哥, 包工头叫小军: a role, then a man called by his given name. */
const ROLE_THEN_GIVEN = new RegExp(
  `${ROLE}(?:叫|是|名叫)?(?:(?:小|阿)(\\p{Script=Han})(?=[^\\p{Script=Han}]|$|${NAME_TAIL.source.slice(1)})|(\\p{Script=Han})哥)`,
  'gu',
);

function fullNameAt(text: string, at: number, lex: SignalLexicon): string | null {
  const first = text[at];
  if (!first || !lex.surnames.has(first)) return null;
  let given = '';
  for (let i = at + 1; i < text.length && given.length < 2; i++) {
    const ch = text[i]!;
    if (!/\p{Script=Han}/u.test(ch)) break;
    // 龚建华, 李开明: a verb that begins many given names is one where a name character follows it (not 建房).
    const first =
      !given &&
      GIVEN_VERB.test(ch) &&
      /\p{Script=Han}/u.test(text[i + 1] ?? '') &&
      !NAME_TAIL.test(text[i + 1]!) &&
      !BUILT.test(text[i + 1]!);
    if (NAME_TAIL.test(ch) && !first) break;
    given += ch;
  }
  if (NICKNAME.test(text.slice(at + 1))) return first;
  return given.length ? first + given : null;
}

/** The turn the match is at opens with the caller's answer to being asked their own name (您贵姓？ / 姓向). */
function answersOwnName(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^\s*([^：:\n]{1,4}[：:])?\s*(我)?$/.test(text.slice(lineStart, at))) return false;
  const previous = text.slice(0, lineStart).trimEnd().split('\n').at(-1) ?? '';
  return /贵姓|您姓|你姓|怎么称呼|叫什么名字|您的名字/.test(previous);
}

/** 黄甲铺, 沙坪镇: a township read where a name would stand (its first character is also a surname). */
const isTownshipWord = (name: string, lex: SignalLexicon) => lex.townships.some((t) => t.name.startsWith(name) || name.startsWith(t.short));

function bossesIn(text: string, src: SignalSource, lex: SignalLexicon): string[] {
  const out: string[] = [];
  const add = (b: string | null) => {
    if (b && b !== src.senderName && !out.includes(b)) out.push(b);
  };
  // 胡德明的钱还是冇到, 唐建军讲元旦前给, 胡四爷讲…: a message that starts with the one who owes.
  for (const m of text.matchAll(/(?:^|[。！？!?\n])\s*/g)) {
    const at = m.index + m[0].length;
    if (lex.surnames.has(text[at] ?? '') && NICKNAME_AT.test(text.slice(at + 1))) {
      add(text[at]!);
      continue;
    }
    const name = fullNameAt(text, at, lex);
    // (黄甲铺那个制衣厂: a township, not a man)
    if (name && [...name].length >= 2 && !isTownshipWord(name, lex) && PAYER_NEXT.test(text.slice(at + name.length))) add(name);
  }
  // 被投诉单位：覃和平（钢筋班组负责人）: a name the form gives with the role after it.
  for (const m of text.matchAll(/([\p{Script=Han}]{2,3})[（(][^）)]{0,8}(负责人|包工头|班组长|班长|老板|工头)[）)]/gu)) {
    if (PERSON(lex, m[1]!)) add(m[1]!);
  }
  for (const m of text.matchAll(ROLE_THEN)) {
    const name = fullNameAt(text, m.index + m[0].length, lex);
    if (name && !/(老板|总|经理)$/.test(name)) add(name);
    else if (/^姓(?![什啥么哪])/.test(text.slice(m.index + m[0].length))) add(text[m.index + m[0].length + 1] ?? null);
  }
  for (const m of text.matchAll(SURNAME_THEN_TITLE)) {
    if (!lex.surnames.has(m[2]!) || /^(老|包|工|大|小)$/.test(m[2]!)) continue;
    // 厨房师傅, 车间班长: the end of a word before the title, not a surname.
    if (!m[1] && WORD_ENDING_IN_SURNAME.test(text.slice(Math.max(0, m.index - 1), m.index + 1))) continue;
    // 彭建华老板: the full name before the title, when one stands there.
    const at = m.index + (m[1]?.length ?? 0);
    const full = m[1] ? null : text.slice(Math.max(0, at - 2), at + 1);
    const place = lex.townships.some((t) => text.slice(0, at).endsWith(t.short) || text.slice(0, at).endsWith(t.name)); // 沙坪冯老板
    add(
      full && full.length === 3 && !place && !ROLE_WORD.test(full.slice(0, 2)) && PERSON(lex, full) && ![...full].some((ch) => STOP.has(ch))
        ? full
        : m[2]!,
    );
  }
  // 姓钟的, 老板是个女的姓钟。: the surname alone, where no given name follows it.
  for (const m of text.matchAll(/姓(\p{Script=Han})(?=的|[^\p{Script=Han}]|$)/gu)) {
    // 请问您贵姓？ 姓胡: the caller's own surname, not the boss's.
    if (
      lex.surnames.has(m[1]!) &&
      !/(贵姓|您姓|你姓)[^\n]{0,8}\n*$|(我|本人)$/.test(text.slice(Math.max(0, m.index - 14), m.index)) &&
      !answersOwnName(text, m.index)
    )
      add(m[1]!);
  }
  // 老罗带的班, 老张欠我们: the boss by surname, as workers call him.
  for (const m of text.matchAll(/老(\p{Script=Han})(?=带|包|欠|拖|那个班|的班|不给|冇给|没给|喊我|请我|叫我|讲|说)/gu))
    if (lex.surnames.has(m[1]!)) add(m[1]!);
  // 覃老四带我们做的, 帮田老五砌墙: a surname and the boss's place among brothers, as workers call him.
  for (const m of text.matchAll(/(\p{Script=Han})老[大二三四五六七八九十幺满](?![月年天个样次])/gu))
    if (lex.surnames.has(m[1]!) && !/[养古元]/.test(text[m.index - 1] ?? '')) add(m[1]!);
  // A person's business: 唐永红养猪场, 周德明的砖厂.
  for (const m of text.matchAll(/(\p{Script=Han}{3})的?(?:养猪场|养殖场|养鸡场|猪场|鸡场|渔场|砖厂|超市|小卖部|作坊|包的)/gu)) {
    const name = m[1]!;
    if (
      !isTownshipWord(name, lex) &&
      lex.surnames.has(name[0]!) &&
      !/[记氏家镇乡村县市区的在给帮是]|老板|老总|总$|经理|师傅|工头/.test(name.slice(1))
    )
      add(name);
  }
  // (跟随彭建华（人称彭胖子）在该项目做模板: the name and its gloss before the work)
  for (const m of text.matchAll(
    /(给|帮|跟随|跟着|跟|替)(?=\p{Script=Han}{2,3}(?:[（(][^）)]{0,10}[）)])?(在|做|干|砌|建|盖|修|打工|扎|搞|当))/gu,
  )) {
    const name = fullNameAt(text, m.index + m[1]!.length, lex);
    if (name && !/(老板|总)$/.test(name)) add(name);
  }
  // A crew known by its head: 黄大海带的那个班, 跟罗德胜的钢筋班, 张文斌木工班组, 李德旺带的.
  for (const m of text.matchAll(
    /(\p{Script=Han}{2,3}?)(?:(?:带的那个|带的|那个|的)(?:木工|钢筋|泥工|水电|架子工?|油漆|模板|瓦工)?|木工|钢筋|泥工|水电|架子工?|油漆|模板|瓦工)班组?(?![长主车次费])|(\p{Script=Han}{2,3}?)带的/gu,
  )) {
    const name = m[1] ?? m[2]!;
    if (!lex.surnames.has(name[0]!) || [...name].some((ch) => STOP.has(ch))) continue;
    if (NICKNAME.test(name.slice(1))) add(name[0]!);
    else if (PERSON(lex, name)) add(name);
  }
  // 我投诉向国庆，…: the person complained about, named in full.
  for (const m of text.matchAll(/(?:投诉|告|举报)(?:一个|那个)?(\p{Script=Han}{3})(?=[，,。；\s他她欠拖]|$)/gu)) {
    const name = m[1]!;
    if (PERSON(lex, name) && ![...name].some((ch) => STOP.has(ch))) add(name);
  }
  // 周国栋（外号周胖子）欠我工钱: a person named in full right before what he owes is the one who owes.
  for (const m of text.matchAll(
    /(?:^|[，,。；！!\s])(\p{Script=Han}{2,3}?)(?:[（(][^）)]{0,12}[）)])?(?:欠|拖欠)(?:了)?(?:我|我们|他|她|工人|大家)/gu,
  )) {
    const name = m[1]!;
    if (PERSON(lex, name) && ![...name].some((ch) => STOP.has(ch)) && name !== src.senderName) add(name);
  }
  // 强哥欠我杂工钱: a man called by his given name right before what he owes.
  for (const m of text.matchAll(
    /(?:^|[，,。；！!\s])(?:(?:小|阿)(\p{Script=Han})|(\p{Script=Han})哥)(?:欠|拖欠)(?:了)?(?:我|我们|他|她)/gu,
  )) {
    const ch = m[1] ?? m[2]!;
    if (!lex.surnames.has(ch)) add(`~${ch}`);
  }
  // 黄德明 包工头: a full name, then the title.
  for (const m of text.matchAll(/(?:^|[，,。；！!\s])(\p{Script=Han}{2,3})\s+(?:包工头|工头|包头|老板|老总|经理)/gu)) {
    if (PERSON(lex, m[1]!) && ![...m[1]!].some((ch) => STOP.has(ch))) add(m[1]!);
  }
  // 包工头栋哥, 包工头叫小军: the boss by a character of his given name (not a surname: 周哥 is 周).
  for (const m of text.matchAll(ROLE_THEN_GIVEN)) {
    const ch = m[1] ?? m[2]!;
    if (!lex.surnames.has(ch)) add(`~${ch}`);
  }
  // A call where the operator asks who owes and the caller names him in the next turn (熊校长，熊丽 / 好像是叫龚建华).
  const turns = text.split(/\n+/);
  for (let i = 0; i + 1 < turns.length; i++) {
    const asked = turns[i]!;
    if (
      !NAME_ASKED.test(asked) ||
      !/[？?]\s*$/.test(asked) ||
      (/您|你/.test(asked) && !OWER_ASKED.test(asked)) ||
      /^我/.test(turns[i + 1]!)
    )
      continue;
    const answer = turns[i + 1]!.replace(/^(好像|应该|可能|大概)?(是)?(叫|喊)?/, '');
    for (let at = 0; at < Math.min(answer.length, 16); at++) {
      const name = fullNameAt(answer, at, lex);
      if (name && (name.length === 1 ? /^.(老板|总|经理|校长|园长|站长|厂长|店长|师傅|某)/.test(answer.slice(at)) : PERSON(lex, name))) {
        add(name);
        at += name.length - 1;
      }
    }
  }
  // A person triage took for the one who owes, unless the text says they are owed (泥工王建国, 本人…).
  const e = src.employer;
  if (e && PERSON(lex, e) && !new RegExp(`(工|本人|我是|我叫|他叫|她叫|名叫|名字叫|员)${e}`).test(text))
    add(NICKNAME.test(e.slice(1)) ? e[0]! : e);
  const boss = e ? /^(\p{Script=Han})(老板|总|经理|包工头|校长|园长|站长|厂长|店长|哥|姐|师傅)$/u.exec(e) : null;
  if (boss && lex.surnames.has(boss[1]!)) add(boss[1]!);
  const given = e ? GIVEN_ONLY.exec(e) : null;
  if (given && !lex.surnames.has(given[1] ?? given[2]!)) add(`~${given[1] ?? given[2]!}`);
  return out;
}

function phonesIn(text: string, src: SignalSource): string[] {
  const forSomeone = FOR_SOMEONE.test(text);
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!\d)(1[3-9]\d{9}|0\d{2,3}\d{7,8})(?!\d)/g)) {
    if (!OTHERS_NUMBER.test(text.slice(Math.max(0, m.index - 10), m.index))) out.add(m[1]!);
  }
  // Triage's number is the worker's unless it is the number of the relative who calls.
  if (src.phone && !(forSomeone && src.phone === src.senderPhone)) out.add(src.phone);
  if (src.senderPhone) {
    if (forSomeone) out.delete(src.senderPhone);
    else out.add(src.senderPhone);
  }
  return [...out];
}

function workersIn(text: string, src: SignalSource, lex: SignalLexicon): string[] {
  const out: string[] = [];
  if (src.senderName && PERSON(lex, src.senderName) && !FOR_SOMEONE.test(text)) out.push(src.senderName);
  for (const m of text.matchAll(new RegExp(`(?:他|她|我|我${KIN})(?:叫|是)|本人|名叫`, 'g'))) {
    const name = fullNameAt(text, m.index + m[0].length, lex);
    if (name && name.length === 3 && !out.includes(name)) out.push(name);
  }
  return out;
}

function villagesIn(text: string, location: string | null, lex: SignalLexicon): string[] {
  const out: string[] = [];
  for (const t of [text, location ?? '']) {
    // Not 村道, 村部, 村里: the village is the name before.
    for (const m of t.matchAll(/村(?![道部里民委级])/g)) {
      const before = tail(withoutPlaces(nameBefore(t, m.index), lex, true), 3);
      if ([...before].length >= 2 && !NOT_VILLAGE.has(before) && !out.includes(`${before}村`)) out.push(`${before}村`);
    }
  }
  return out;
}

/** A township named as where someone is from (陬市镇人) or in a street's name (桃花源路) is not where the work is. */
const NOT_THERE = /^(?:人(?!民)|路|大道)/;

/** What matching reads townships with, built once per lexicon. */
interface TownshipTables {
  /** 郑家驿到茶庵铺那条路: a road from one township to another. */
  roadBetween: RegExp;
  /** 我们都是盘塘沙坪这边的: where the workers are from (a bare 我是黄甲铺的 may say where the work is, and stays). */
  home: RegExp;
  /** Each township and how the text names it; a short name that runs on into another place's name (枫树溪大桥) is not it. */
  mentions: readonly [SignalLexicon['townships'][number], RegExp][];
  /** Townships by the first character of their short name (漆 → 漆家河镇). */
  byFirst: ReadonlyMap<string, readonly string[]>;
}
const tables = new WeakMap<SignalLexicon, TownshipTables>();
function townshipTables(lex: SignalLexicon): TownshipTables {
  let t = tables.get(lex);
  if (!t) {
    const alt = lex.townships
      .flatMap((x) => [x.name, x.short])
      .sort((a, b) => b.length - a.length)
      .join('|');
    const byFirst = new Map<string, string[]>();
    for (const x of lex.townships) byFirst.set(x.short[0]!, [...(byFirst.get(x.short[0]!) ?? []), x.name]);
    t = {
      // (陬市黄甲铺那条路: the two townships said one after the other)
      roadBetween: new RegExp(`(${alt})(?:到|至|往|和|—|-|～|~)?(${alt})[^，,。；！？\\s]{0,6}?(?:路|公路)`, 'g'),
      home: new RegExp(
        `(?:都是|老家是?|家住|家在|屋在)(?:(?:${alt})[、和及]?)+(?:这边|那边|那里|这里)?(?:的人|的|人|等地)|(?:我是|我们是)(?:${alt})+(?:(?:这边|那边|那里|这里)的|的人|人)`,
        'g',
      ),
      mentions: lex.townships.map((x) => [x, new RegExp(`${x.name}|${x.short}(?![村乡溪桥湾坪冲岭垭洲港塘])`, 'g')]),
      byFirst,
    };
    tables.set(lex, t);
  }
  return t;
}

function placesIn(fullText: string, lex: SignalLexicon): string[] {
  const { home, mentions } = townshipTables(lex);
  const text = fullText.replace(home, '');
  const named = mentions
    .filter(([, re]) => [...text.matchAll(re)].some((m) => !NOT_THERE.test(text.slice(m.index + m[0].length))))
    .map(([t]) => t.name);
  return [...new Set([...named, ...townshipsOfRoadNames(text, lex)])];
}

/** 漆热公路, 郑茶线: a road named by the first characters of the townships it joins lies in both. */
function townshipsOfRoadNames(text: string, lex: SignalLexicon): string[] {
  const { byFirst } = townshipTables(lex);
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5])([\u4e00-\u9fa5])(公路|线|路)(?!\p{Script=Han}?桥)/gu)) {
    const [a, b] = [byFirst.get(m[1]!), byFirst.get(m[2]!)];
    if (a?.length === 1 && b?.length === 1 && a[0] !== b[0]) out.push(a[0]!, b[0]!);
  }
  return out;
}

/** A township the text names only as where someone is from or in a street's name. */
function namedOnlyElsewhere(text: string, township: string, lex: SignalLexicon): boolean {
  const t = lex.townships.find((x) => x.name === township);
  if (!t) return false;
  const named = new RegExp(`${t.name}|${t.short}(?![村乡])`, 'g');
  if (!named.test(text)) return false;
  // (家住龙潭镇、郑家驿镇等地: where the workers live)
  const rest = text.replace(townshipTables(lex).home, '');
  return [...rest.matchAll(named)].every((m) => NOT_THERE.test(rest.slice(m.index + m[0].length)));
}

const CN_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

/** The phases and blocks of an estate (三期, 3期, C区), numbered alike. */
function phasesIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/([一二三四五六七八九十]|\d{1,2})期(?!间|限|望|待|货)/g)) out.add(`期${CN_DIGITS[m[1]!] ?? m[1]!}`);
  for (const m of text.matchAll(/(?<![A-Za-z])([A-Ha-h])区/g)) out.add(`区${m[1]!.toUpperCase()}`);
  return [...out];
}

/** Words that place the wages owed in an earlier time than the complaint's. */
const PAST = /去年|前年|年前|往年|以前|之前|当时|那时|那年|老问题|早就|一年|几年|年多/;

/** The half year up to the month a complaint came in (China Standard Time). */
function recentMonths(receivedAt: Date): MonthSpan {
  const local = new Date(receivedAt.getTime() + 8 * 3_600_000);
  const month = local.getUTCFullYear() * 12 + local.getUTCMonth();
  return { from: month - 5, to: month };
}

/** A complaint's signals, from its triage fields, its sender and its text. */
export function readSignals(src: SignalSource, lex: SignalLexicon): CaseSignals {
  const text = normalize(src.text);
  const periods = readPeriods(text, src.receivedAt);
  const bosses = bossesIn(text, src, lex);
  const places = placesIn(text, lex);
  const personEmployer = Boolean(
    src.employer && (PERSON(lex, src.employer) || /^.(老板|总|经理|包工头)$/.test(src.employer) || GIVEN_ONLY.test(src.employer)),
  );
  const streets = streetsIn(text);
  const field = (name: string | null) => nameKey(name && withoutInnerPlaces(withoutPlaces(withoutStreets(name, streets), lex, true), lex));
  const employerKeys = [
    ...(personEmployer ? [] : [field(src.employer)]),
    ...namesWithSuffix(text, ORG_SUFFIX, lex, streets),
    ...namesAfterKind(text),
  ].filter((k): k is string => Boolean(k) && !bosses.includes(k!));
  // 恒晟漳江华府 is 漳江华府: the site, without the business named before it (compared as the business already).
  const withoutEmployer = (k: string | null) => {
    const owner = k ? employerKeys.find((e) => e && k.startsWith(e) && [...k].length - [...e].length >= 2) : undefined;
    return owner && k ? k.slice(owner.length) : k;
  };
  const projectKeys = [
    field(src.project),
    ...namesWithSuffix(text, SITE_SUFFIX, lex, streets),
    ...roadsBetween(text, lex),
    ...SITE_KINDS.filter(([, re]) => re.test(text)).map(([k]) => k),
  ]
    .map(withoutEmployer)
    .filter((k): k is string => Boolean(k) && !employerKeys.includes(k!));
  // 佳惠超市城西店 reads as 佳惠超市城西, 佳惠超市 and 城西: the whole name says which shop, its parts do not.
  const whole = [...new Set(employerKeys)].filter((k, _, all) => !all.some((o) => o !== k && o.includes(k)));
  return {
    employerKeys: whole,
    projectKeys: [...new Set(projectKeys)],
    bosses,
    phones: phonesIn(text, src).map(fingerprint),
    workers: workersIn(text, src, lex).map(fingerprint),
    villages: villagesIn(text, src.location, lex),
    trades: TRADES.filter(([, re]) => re.test(text)).map(([t]) => t),
    periods,
    recent: periods.length || PAST.test(text) ? null : recentMonths(src.receivedAt),
    area: src.area && !namedOnlyElsewhere(text, src.area, lex) ? src.area : places.length === 1 ? places[0]! : null,
    places,
    sector: src.sector,
    phases: phasesIn(text),
    streets,
    employerKinds: personEmployer ? [] : kindsOfBusiness(src.employer),
    workshops: workshopsIn(text),
  };
}

/** 针车车间, 线束二车间 (线束): the workshop's name, without its number. */
const WORKSHOP = /(\p{Script=Han}{2})[一二三四五六七八九十\d]{0,2}号?车间/gu;
/** 针车车间的工人闹事, 成型车间那边: a workshop spoken of as others'. */
const OTHERS_AFTER = /^(那边|那里|的工人|的人|闹事)/;
/** A complaint (and so its case) about every workshop of the factory. */
export const ALL_WORKSHOPS = '*';
const WHOLE_FACTORY = /全厂|整个厂|全体(员工|职工|工人)|所有车间|各个车间|几个车间/;
const NO_WORKSHOP = /^(生产|加工|整个|同一|所有|全部|每个|各个|几个|两个)$/;

/** The workshops a complaint tells of (针车车间 → 针车); one spoken of as others' only when the worker's own is named too. */
function workshopsIn(text: string): string[] {
  // (我在成型车间，全厂都冇发: the whole factory, whatever workshop the worker is in)
  if (WHOLE_FACTORY.test(text)) return [ALL_WORKSHOPS];
  const told = [...text.matchAll(WORKSHOP)]
    .filter((m) => !NO_WORKSHOP.test(m[1]!) && ![...m[1]!].some((ch) => STOP.has(ch)))
    .map((m) => ({ name: m[1]!, others: OTHERS_AFTER.test(text.slice(m.index + m[0].length)) }));
  const own = told.filter((w) => !w.others);
  return [...new Set((own.length ? own : told).map((w) => w.name))];
}

/** Families of trades a business's name may carry; names in one family may be one business. */
const BUSINESS_KINDS: readonly (readonly [string, RegExp])[] = [
  ['鞋', /鞋/],
  ['物流', /物流|快递|快运|速运|运输|货运|配送/],
  ['餐饮', /餐饮|饭店|饭馆|酒楼|餐馆|菜馆|面馆|粉馆|小吃|快餐|火锅|食府/],
  ['服装', /服装|服饰|制衣|织造/],
  ['电子', /电子/],
  ['纸', /纸业|纸箱|纸品/],
  ['茶', /茶业|茶叶|茶厂/],
  ['米', /米业|米厂/],
  ['竹木', /竹业|竹木|木业|家具/],
  ['包装', /包装/],
  ['机械', /机械|五金/],
  ['汽车', /汽车|汽修|汽配/],
  ['养殖', /养殖|养猪|养鸡|养鸭|生猪/],
  ['物业', /物业|保洁|家政/],
  ['建设', /建设|建筑|工程|劳务|路桥|市政|装饰|装修/],
];

function kindsOfBusiness(name: string | null): string[] {
  return name ? BUSINESS_KINDS.filter(([, re]) => re.test(name)).map(([kind]) => kind) : [];
}

/** A site word right after a name (湘运广场): the name is the site's, not a business's. */
const SITE_NEXT = /^(广场|小区|花园|家园|新城|公寓|大厦|大楼|楼盘|工地|山庄|华府|公馆)/;
/** A business word right after a name (湘韵服饰): the name is the business's, not a site's. */
const BUSINESS_NEXT = /^(服饰|制衣|服装|电子|科技|公司|厂|酒店|饭店|超市|物流|学校|培训)/;

/** What a site or shop is called for short, without the kind of place (锦绣江南小区 → 锦绣江南, 蜀味轩火锅 → 蜀味轩). */
const KIND_TAIL = /(小区|花园|家园|公寓|广场|大厦|大楼|工地|火锅|饭店|饭馆|酒店|酒楼|餐馆|超市|便利店|商店|客栈|山庄|民宿)$/;

/**
 * The complaint's signals with the names of open cases its text contains as written, though nothing in
 * the text marks them as names (碧桂园那个三期, 洁美的杨经理, 锦绣江南做外墙). A name that says only what
 * kind of place it is, a landmark (…对面) and two characters inside a person's name (谭永兴 holds 永兴)
 * do not count.
 */
/** A name said and taken back at once (湘里人家，哦不是，乡里人家). */
const TAKEN_BACK_AFTER = /^[^，,。\s]{0,6}[，,\s]*(哦|噢|呃|啊)?[，,\s]*(不是|不对|说错了|讲错了|搞错了)/;

export function withNamesFrom(signals: CaseSignals, text: string, known: readonly CaseSignals[], lex: SignalLexicon): CaseSignals {
  const t = normalize(text);
  const runs = [...t.matchAll(/\p{Script=Han}{3,}/gu)].map((m) => ({ run: m[0], at: m.index, sounds: syllablesOf(m[0]) }));
  // 湘运 known as a business (湘运服饰) is not written in 湘运广场, a site: a name of the other kind follows it.
  const written = (name: string, otherKind: RegExp) => {
    for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + 1)) {
      if (LANDMARK.test(t.slice(at + name.length))) continue;
      // (青林路湘里人家，哦不是，乡里人家: a name taken back)
      if (TAKEN_BACK_AFTER.test(t.slice(at + name.length))) continue;
      if (otherKind.test(t.slice(at + name.length))) continue;
      if ([...name].length === 2 && at > 0 && lex.surnames.has(t[at - 1]!)) continue;
      return true;
    }
    return false;
  };
  // Three characters or more by sound too: 金鼎花庭 for 金鼎华庭, 祥瑞大 for 祥瑞达.
  // (the name as this text writes it: 乡里人家 heard as 湘里人家 stays 乡里人家, a name alike only by sound)
  const said = (name: string): string | null => {
    const sounds = syllablesOf(name);
    if (sounds.length < 3 || sounds.length !== [...name].length) return null;
    for (const { run, at, sounds: s } of runs) {
      if (s.length !== run.length) continue;
      for (let i = 0; i + sounds.length <= s.length; i++) {
        const end = i + sounds.length;
        if (sounds.every((x, j) => s[i + j] === x) && !LANDMARK.test(run.slice(end)) && !TAKEN_BACK_AFTER.test(t.slice(at + end)))
          return run.slice(i, end);
      }
    }
    return null;
  };
  const seen = new Map<string, string | null>();
  /** The key as this text holds it: the case's own when written alike, the text's spelling when only said alike. */
  const found = (key: string, otherKind: RegExp): string | null => {
    const memo = `${otherKind === SITE_NEXT ? 'e' : 'p'}:${key}`;
    let as = seen.get(memo);
    if (as === undefined) {
      // 锦绣江南小区 as 锦绣江南; but 阳光小区 not as 阳光, a word of any text.
      const short = key.replace(KIND_TAIL, '');
      const name = short.length >= 3 ? short : key;
      if (isKindOnly(key)) as = null;
      else if (written(name, otherKind)) as = key;
      else {
        const heard = said(name);
        as = heard && key.replace(name, heard);
      }
      seen.set(memo, as);
    }
    return as;
  };
  const employerKeys = [...signals.employerKeys];
  const projectKeys = [...signals.projectKeys];
  const workshops = [...(signals.workshops ?? [])];
  // 相元鞋业 针车 8 9月: a workshop a case knows, named without 车间, when the complaint names none of its own.
  const ownWorkshop = workshops.length > 0;
  for (const k of known) {
    for (const key of k.employerKeys) {
      const as = found(key, SITE_NEXT);
      if (as && !employerKeys.includes(as)) employerKeys.push(as);
    }
    for (const key of k.projectKeys) {
      const as = found(key, BUSINESS_NEXT);
      if (as && !projectKeys.includes(as) && !employerKeys.includes(as)) projectKeys.push(as);
    }
    for (const shop of k.workshops ?? [])
      if (!ownWorkshop && !workshops.includes(shop) && t.includes(shop) && !OTHERS_AFTER.test(t.slice(t.indexOf(shop) + shop.length)))
        workshops.push(shop);
  }
  return employerKeys.length === signals.employerKeys.length &&
    projectKeys.length === signals.projectKeys.length &&
    workshops.length === (signals.workshops ?? []).length
    ? signals
    : { ...signals, employerKeys, projectKeys, workshops };
}

/**
 * The phone numbers and names of people that matching reads from a complaint, before they become
 * fingerprints: what erasing its sender must take out of a case's signals.
 */
export function personalIn(src: Pick<SignalSource, 'text' | 'phone' | 'senderName' | 'senderPhone'>, lex: SignalLexicon) {
  const text = normalize(src.text);
  const full = { ...src, employer: null, project: null, location: null, area: null, sector: null, receivedAt: new Date(0) };
  return { phones: phonesIn(text, full), names: workersIn(text, full, lex) };
}

/**
 * Phones and names are compared, never shown: the case and the index keep a fingerprint of each, so that
 * neither the store's matching data nor Redis key names carry them in clear.
 */
export function fingerprint(personal: string): string {
  return createHash('sha256').update(`wage-arrears-dedup:${personal}`).digest('base64url').slice(0, 16);
}

const LIMIT = 24;
/** A large crew's phones and names: each member's follow-up call finds the case by them. */
const PEOPLE = 96;
const union = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y, limit = LIMIT) =>
  [...a, ...b.filter((y) => !a.some((x) => same(x, y)))].slice(0, limit);
const people = (a: readonly string[], b: readonly string[]) => union(a, b, undefined, PEOPLE);

/** A case's signals once another complaint (or a merged case) adds its own. */
export function unionSignals(a: CaseSignals, b: CaseSignals): CaseSignals {
  return {
    employerKeys: union(a.employerKeys, b.employerKeys),
    projectKeys: union(a.projectKeys, b.projectKeys),
    bosses: union(a.bosses, b.bosses),
    phones: people(a.phones, b.phones),
    workers: people(a.workers, b.workers),
    villages: union(a.villages, b.villages),
    trades: union(a.trades, b.trades),
    periods: union(a.periods, b.periods, (x, y) => x.from === y.from && x.to === y.to),
    recent: null,
    phases: union(a.phases ?? [], b.phases ?? []),
    streets: union(a.streets ?? [], b.streets ?? []),
    employerKinds: union(a.employerKinds ?? [], b.employerKinds ?? []),
    workshops: union(a.workshops ?? [], b.workshops ?? []),
    area: a.area ?? b.area,
    places: union(a.places, b.places),
    sector: a.sector ?? b.sector,
  };
}
