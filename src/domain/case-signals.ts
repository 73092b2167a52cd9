import { createHash } from 'node:crypto';
import { nameKey } from './name-key';
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
  /** Bosses and foremen: the full name (张文斌), or the surname alone (张总, 张老板, 姓张的 → 张). */
  bosses: string[];
  /** The worker's own numbers (fingerprints): a relative's number they call from is not among them. */
  phones: string[];
  /** The worker's name (fingerprints): the sender's own, or the one a relative gives (他叫王建国). */
  workers: string[];
  villages: string[];
  trades: string[];
  /** The months the wages are owed for. */
  periods: MonthSpan[];
  /** The township: routing's, or the one the text names. */
  area: string | null;
  /** Every township the text names (work in one, a road to another): another township rules a case out only if none is shared. */
  places: string[];
  sector: string | null;
}

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
};

/** Characters a name does not run across when read backwards from its suffix. */
const STOP = new Set([
  ...'的在给帮替是和跟到去了我们你他她欠拖被对从说个一那这该镇乡村县市省区街道里上下做干搞于及与或把让叫喊称姓就都也还又才时候啥么什哪边去来过得着呢吧啊呀嘛',
]);
const ORG_SUFFIX =
  /(有限责任公司|有限公司|分公司|公司|集团|建设|建筑|劳务|工程队|施工队|装饰|装修|鞋业|鞋厂|服饰|制衣厂|服装厂|电子|科技|物流|快递|饭店|酒楼|酒店|餐馆|菜馆|餐厅|饭庄|茶业|茶厂|米业|纸业|砖厂|竹木|木业|机械|幼儿园|学校|KTV|超市|商行|物业|电气|养殖场|养猪场|养鸡场|猪场|鸡场|渔场|农庄|合作社|加工厂|蛋糕店|面包店|站点|厂|店)/gi;
const SITE_SUFFIX =
  /(小区|花园|华府|家园|新城|公寓|广场|大厦|大楼|医院|中学|小学|宿舍|工地|项目|安置房|村部|村道|公路|大桥|厂房|楼盘|山庄|公馆|敬老院|养老院|卫生院|湾|苑|郡)/g;
const ROLE = '(?:老板娘|老板|老总|包工头|工头|班组长|班长|带班的|负责人|施工员|经理|承包人|老板是|包工头是)';
const TRADES: readonly [string, RegExp][] = [
  ['木工', /木工|模板|支模|木匠/],
  ['钢筋', /钢筋|扎筋/],
  ['泥工', /泥工|泥瓦|瓦工|砌|抹灰|贴砖/],
  ['水电', /水电|电工|水管|布线|弱电/],
  ['油漆', /油漆|刷墙|涂料|腻子|刷漆/],
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
/** The complaint is made for someone else: the caller's own number is not the worker's. */
const KIN =
  '(爸爸|爸|父亲|老爸|妈妈|妈|母亲|老公|丈夫|老婆|妻子|爱人|儿子|女儿|孙子|孙女|公公|婆婆|岳父|岳母|爷爷|奶奶|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|侄子|外甥|女婿|儿媳|亲戚|老乡|家人|家老头|家老人)';
const FOR_SOMEONE = new RegExp(`(替|帮|代)(我|他|她)?的?${KIN}|我${KIN}|我是(他|她)的?${KIN}|(他|她)(的)?(电话|手机|号码)`);
/** A number said to be the boss's, not the worker's. */
const OTHERS_NUMBER = /(老板|包工头|工头|老总|经理|负责人|对方|公司|厂里)(的)?(电话|手机|号码)(是|为)?[：:]?$/;
const NOT_VILLAGE = new Set(['农', '乡', '本', '该', '我', '山', '新农']);

const normalize = (text: string) =>
  text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(坐席|来电人|接线员)[：:]/g, '\n')
    .replace(/(\d)[\s-]+(?=\d)/g, '$1');

/** The name read backwards from a suffix at `at`, up to `max` characters, stopping at words that end names. */
function nameBefore(text: string, at: number, max: number): string {
  let start = at;
  while (start > 0 && at - start < max) {
    const ch = text[start - 1]!;
    if (!/[\p{Script=Han}A-Za-z0-9]/u.test(ch) || STOP.has(ch) || /\d/.test(ch)) break;
    start--;
  }
  return text.slice(start, at);
}

function withoutPlaces(name: string, lex: SignalLexicon, shortToo: boolean): string {
  for (let changed = true; changed;) {
    changed = false;
    for (const t of lex.townships) {
      for (const p of shortToo ? [t.name, t.short] : [t.name]) {
        if (name.startsWith(p) && name.length > p.length) {
          name = name.slice(p.length);
          changed = true;
        }
      }
    }
  }
  return name;
}

function namesWithSuffix(text: string, suffix: RegExp, lex: SignalLexicon): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(suffix)) {
    const before = withoutPlaces(nameBefore(text, m.index, 6), lex, true);
    if ([...before].length < 2) continue;
    const key = nameKey(before + m[0]);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

const PERSON = (lex: SignalLexicon, name: string) =>
  lex.surnames.has(name[0]!) && /^[\p{Script=Han}]{2,3}$/u.test(name) && !/(老板|老总|总|经理|工头|师傅|哥|姐)$/.test(name);
/** A given name ends before a word that is not part of it (陈勇欠 → 陈勇). */
const NAME_TAIL = /^[欠拖说把给的在是了和跟带也都就还建盖修包开做干叫喊称讲不没有，。、；！？\s（(]/;

/** A nickname (刘胖子) says no more than the surname. */
const NICKNAME = /^(胖子|矮子|瘦子|麻子|拐子|胡子|秃子|大个|老板|老总|师傅|哥|姐)/;

function fullNameAt(text: string, at: number, lex: SignalLexicon): string | null {
  const first = text[at];
  if (!first || !lex.surnames.has(first)) return null;
  let given = '';
  for (let i = at + 1; i < text.length && given.length < 2; i++) {
    const ch = text[i]!;
    if (!/\p{Script=Han}/u.test(ch) || NAME_TAIL.test(ch)) break;
    given += ch;
  }
  if (NICKNAME.test(text.slice(at + 1))) return first;
  return given.length ? first + given : null;
}

function bossesIn(text: string, src: SignalSource, lex: SignalLexicon): string[] {
  const out: string[] = [];
  const add = (b: string | null) => {
    if (b && b !== src.senderName && !out.includes(b)) out.push(b);
  };
  for (const m of text.matchAll(new RegExp(`${ROLE}(?:叫|是|名叫)?`, 'g'))) {
    const name = fullNameAt(text, m.index + m[0].length, lex);
    if (name && !/(老板|总|经理)$/.test(name)) add(name);
    else if (/^姓/.test(text.slice(m.index + m[0].length))) add(text[m.index + m[0].length + 1] ?? null);
  }
  for (const m of text.matchAll(/(姓|叫)?(\p{Script=Han})(?:老板娘|老板|老总|总|经理|工头|包工头|师傅|班长|班组长|队长|组长)/gu)) {
    if (lex.surnames.has(m[2]!) && !/^(老|包|工|大|小)$/.test(m[2]!)) add(m[2]!);
  }
  for (const m of text.matchAll(/姓(\p{Script=Han})的/gu)) if (lex.surnames.has(m[1]!)) add(m[1]!);
  // 老罗带的班, 老张欠我们: the boss by surname, as workers call him.
  for (const m of text.matchAll(/老(\p{Script=Han})(?=带|包|欠|拖|那个班|的班|不给)/gu)) if (lex.surnames.has(m[1]!)) add(m[1]!);
  // A person's business: 唐永红养猪场, 周德明的砖厂.
  for (const m of text.matchAll(/(\p{Script=Han}{3})的?(?:养猪场|养殖场|养鸡场|猪场|鸡场|渔场|砖厂|超市|小卖部|作坊|包的)/gu)) {
    const name = m[1]!;
    if (lex.surnames.has(name[0]!) && !/[记氏家镇乡村县市区的在给帮是]|老板|老总|总$|经理|师傅|工头/.test(name.slice(1))) add(name);
  }
  for (const m of text.matchAll(/(给|帮|跟|替)(?=\p{Script=Han}{2,3}(做|干|砌|建|盖|修|打工|扎|搞|当))/gu)) {
    const name = fullNameAt(text, m.index + 1, lex);
    if (name && !/(老板|总)$/.test(name)) add(name);
  }
  // A person triage took for the one who owes, unless the text says they are owed (泥工王建国, 本人…).
  const e = src.employer;
  if (e && PERSON(lex, e) && !new RegExp(`(工|本人|我是|我叫|员)${e}`).test(text)) add(e);
  const boss = e ? /^(\p{Script=Han})(老板|总|经理|包工头)$/u.exec(e) : null;
  if (boss && lex.surnames.has(boss[1]!)) add(boss[1]!);
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
  for (const m of text.matchAll(/(?:他|她|我)(?:叫|是)|本人|名叫/g)) {
    const name = fullNameAt(text, m.index + m[0].length, lex);
    if (name && name.length === 3 && !out.includes(name)) out.push(name);
  }
  return out;
}

function villagesIn(text: string, location: string | null, lex: SignalLexicon): string[] {
  const out: string[] = [];
  for (const t of [text, location ?? '']) {
    for (const m of t.matchAll(/村/g)) {
      const before = withoutPlaces(nameBefore(t, m.index, 3), lex, false);
      if ([...before].length >= 2 && !NOT_VILLAGE.has(before) && !out.includes(`${before}村`)) out.push(`${before}村`);
    }
  }
  return out;
}

function placesIn(text: string, lex: SignalLexicon): string[] {
  return lex.townships.filter((t) => text.includes(t.name) || new RegExp(`${t.short}(?![村乡])`).test(text)).map((t) => t.name);
}

/** A complaint's signals, from its triage fields, its sender and its text. */
export function readSignals(src: SignalSource, lex: SignalLexicon): CaseSignals {
  const text = normalize(src.text);
  const bosses = bossesIn(text, src, lex);
  const places = placesIn(text, lex);
  const personEmployer = Boolean(src.employer && (PERSON(lex, src.employer) || /^.(老板|总|经理|包工头)$/.test(src.employer)));
  const employerKeys = [...(personEmployer ? [] : [nameKey(src.employer)]), ...namesWithSuffix(text, ORG_SUFFIX, lex)].filter(
    (k): k is string => Boolean(k) && !bosses.includes(k!),
  );
  const projectKeys = [nameKey(src.project), ...namesWithSuffix(text, SITE_SUFFIX, lex)].filter(
    (k): k is string => Boolean(k) && !employerKeys.includes(k!),
  );
  return {
    employerKeys: [...new Set(employerKeys)],
    projectKeys: [...new Set(projectKeys)],
    bosses,
    phones: phonesIn(text, src).map(fingerprint),
    workers: workersIn(text, src, lex).map(fingerprint),
    villages: villagesIn(text, src.location, lex),
    trades: TRADES.filter(([, re]) => re.test(text)).map(([t]) => t),
    periods: readPeriods(text, src.receivedAt),
    area: src.area ?? (places.length === 1 ? places[0]! : null),
    places,
    sector: src.sector,
  };
}

/**
 * Phones and names are compared, never shown: the case and the index keep a fingerprint of each, so that
 * neither the store's matching data nor Redis key names carry them in clear.
 */
export function fingerprint(personal: string): string {
  return createHash('sha256').update(`wage-arrears-dedup:${personal}`).digest('base64url').slice(0, 16);
}

const LIMIT = 24;
const union = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y) =>
  [...a, ...b.filter((y) => !a.some((x) => same(x, y)))].slice(0, LIMIT);

/** A case's signals once another complaint (or a merged case) adds its own. */
export function unionSignals(a: CaseSignals, b: CaseSignals): CaseSignals {
  return {
    employerKeys: union(a.employerKeys, b.employerKeys),
    projectKeys: union(a.projectKeys, b.projectKeys),
    bosses: union(a.bosses, b.bosses),
    phones: union(a.phones, b.phones),
    workers: union(a.workers, b.workers),
    villages: union(a.villages, b.villages),
    trades: union(a.trades, b.trades),
    periods: union(a.periods, b.periods, (x, y) => x.from === y.from && x.to === y.to),
    area: a.area ?? b.area,
    places: union(a.places, b.places),
    sector: a.sector ?? b.sector,
  };
}
