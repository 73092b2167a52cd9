import { recentResults } from '../text/recent-results';
import { GENERIC_ORG_WORDS, ORG_SUFFIXES, STATION_TRADES } from '../lexicon/org-suffixes';
import { endsWithBoundaryWord, nameStart, widestSpans, withoutWords, type Span } from './name-span';
import { placeChainAt } from './place-chain';
import { COUNTY_NAMES, COUNTY_SEATS, TAOYUAN_TOWNSHIPS } from '../lexicon/taoyuan-gazetteer';

const SUFFIX_PATTERN = new RegExp([...ORG_SUFFIXES].sort((a, b) => b.length - a.length).join('|'), 'g');
/** 厂房, 店长, 教育局, 公司里的人: the suffix is part of another word. */
const NOT_AN_ENDING =
  /^(房|长|区|门口|方|主|面|员|规|家|局|园|项目|工程|工地|路|街|大道|银行|厅|费|报酬|人员|派遣|合同|纠纷|关系|输出|市场)/;

/** What stands before a suffix without being a name: a length of time, someone and what they do, 该 (春节前该公司: the one just named). */
const NOT_A_NAME =
  /^(\d|[现原]?[该此本]$|[^，。,\s]*[该此]$|怎么|么子|什么|哪个|哪家|如何|[半一两三四五六七八九十几\d]+个?(年|月|天)|人家?[挖做搞修建盖帮守开]|开|冇得|没有|冇|没)/;
/** 新农村建设, 集镇建设, 农田水利基地: a public programme or kind of place, not a builder's name. */
const PROGRAMME_BEFORE = /(村|镇|乡|城|区|市|县|设施|工程|项目|集镇|基础|道路|水利|农田|城市|示范|教育|实习|实训|生产)$/;
const PROGRAMME_SUFFIX = /^(建设|劳务|路桥|基地)$/;

const PLACE_END = /(镇|乡|村|街道)$/;
/** 向阳, 向前: a name begun with a character that elsewhere is a preposition. */
const NAME_START_AFTER_PLACE = /[向]/;

/** Characters that are function words elsewhere but common inside trade names (泰和装饰, 家和物业, 好帮手家政). */
const ALSO_IN_NAMES = new Set('和家为与帮都'.split(''));

/**
 * Where the name before a suffix starts. When the stop at a function-word character leaves only
 * trade words (泰和|装饰工程有限公司 read as 装饰工程…), that character belongs to the name.
 */
function throughNameChars(text: string, suffixStart: number, suffix: string): number {
  let start = nameStart(text, suffixStart);
  for (let tries = 0; tries < 2; tries++) {
    if (isSpecific(text.slice(start, suffixStart + suffix.length), suffix)) break;
    // 龙潭镇|向前种植合作社: right after a township, a function-word character starts the name.
    if (PLACE_END.test(text.slice(Math.max(0, start - 3), start - 1)) && NAME_START_AFTER_PLACE.test(text[start - 1] ?? '')) {
      start -= 1;
      continue;
    }
    if (!ALSO_IN_NAMES.has(text[start - 1] ?? '')) break;
    // 一家|火锅店: the 家 of 一家, 那家 belongs to the word before the name.
    if (endsWithBoundaryWord(text, start)) break;
    const wider = nameStart(text, start - 1);
    if (wider === start - 1 && !ALSO_IN_NAMES.has(text[start - 2] ?? '')) break;
    start = wider;
  }
  return start;
}

/** Drops a leading township, street or 县城 (浔阳街道启航学校 → 启航学校); counties stay, they are often registered names. */
function withoutLeadingTown(text: string, span: Span): Span {
  const chain = placeChainAt(text.slice(span.start, span.end), 0);
  if (!chain) return span;
  // 广东深圳宝安区深圳市宏远电子有限公司, 常德经开区瑞丰精密厂: where it is, then a name of its own.
  const after = text.slice(span.start + chain.end, span.end);
  const suffixAfter = ORG_SUFFIXES.find((s) => after.endsWith(s)) ?? '';
  // 浙江省义乌市美佳饰品厂: a business of another county is not registered under the place it is in.
  const elsewhere =
    !REGISTERED_NAME.test(span.text) &&
    chain.parts.every((p) => p.level === 'province' || p.level === 'city' || p.level === 'county') &&
    !chain.parts.some((p) => COUNTY_NAMES.includes(p.text) || COUNTY_SEATS.includes(p.text) || /^(常德|湖南)/.test(p.text));
  if ((placeChainAt(after, 0) || ZONE_END.test(chain.text) || elsewhere) && isSpecific(after, suffixAfter)) {
    const from = span.start + chain.end;
    return { text: text.slice(from, span.end), start: from, end: span.end };
  }
  if (!chain.parts.some((p) => p.level === 'town' || p.level === 'village' || COUNTY_SEATS.includes(p.text))) return span;
  const start = span.start + chain.end;
  // 牛车河乡中学, 沙坪镇卫生院: a public body named by its township keeps it; the kind alone names none.
  if (TOWNSHIP_BODY.test(text.slice(start, span.end))) return span;
  // 桃源县沙坪茶叶专业合作社: a registered name that is only a trade once its township is taken off.
  const rest = text.slice(start, span.end);
  const suffix = ORG_SUFFIXES.find((s) => rest.endsWith(s)) ?? '';
  // 桃源县漳江街道靓妆化妆品经营部: a name registered with the county is kept as registered.
  if (
    !COUNTY_SEATS.some((seat) => span.text.startsWith(seat)) &&
    COUNTY_NAMES.some((name) => span.text.startsWith(name) && name !== '桃源')
  )
    return span;
  if (!isSpecific(rest, suffix) && COUNTY_NAMES.some((name) => span.text.startsWith(name))) return span;
  // 九溪石材厂: a township said without 镇 before a bare trade is part of the business's name.
  const shortTown = chain.parts.length === 1 && TAOYUAN_TOWNSHIPS.some((t) => t.short === chain.parts[0]?.text && t.name !== t.short);
  if (shortTown && !isSpecific(rest, suffix)) return span;
  // 渔米之乡餐馆: a "乡" or "镇" that is no township of the gazetteer is part of the name.
  const listed = chain.parts.some(
    (p) => TAOYUAN_TOWNSHIPS.some((t) => p.text === t.name || p.text === t.short) || COUNTY_SEATS.includes(p.text),
  );
  if (!listed && !chain.parts.some((p) => p.level === 'village') && !isSpecific(rest, suffix)) return span;
  // 沅江北路168号鸿福茶楼: the street address before the name.
  const address = /^[\u4e00-\u9fa5]{1,6}(路|街|大道)\d+号/.exec(rest);
  const from = start + (address?.[0].length ?? 0);
  return { text: text.slice(from, span.end), start: from, end: span.end };
}

const REGISTERED_NAME = /有限责任公司|股份有限公司|有限公司|集团/;
/** 外卖站点, 快递网点: a kind of place before a name. */
const LEADING_KIND = /^(外卖|快递)?(站点|网点)(的)?/;
const ZONE_END = /(经开区|开发区|高新区|工业园|工业区|产业园)$/;

/** The bare kind of a public body, which its township names: 中学 of 牛车河乡中学. */
const TOWNSHIP_BODY = /^(中学|小学|中心小学|学校|中心学校|幼儿园|中心幼儿园|卫生院|中心卫生院|医院|敬老院|养老院|村委会|居委会)$/;

/** Place names that make a venue's whole name (桃源大酒店, 桃源县汽车站), though not a company's (桃源公司). */
const PLACE_WORDS = ['桃源县', '桃源', '常德市', '常德', '湖南省', '湖南'];
const VENUE_SUFFIX = /^(大酒店|酒店|宾馆|饭店|酒楼|大饭店|山庄|汽车站|客运站|火车站|高铁站)$/;

/** Whether the name holds two characters beyond trade words and place names (物业公司 alone does not). */
function isSpecific(name: string, suffix: string): boolean {
  const raw = name.slice(0, name.length - suffix.length);
  if (withoutWords(raw, GENERIC_ORG_WORDS).length >= 2) return true;
  return VENUE_SUFFIX.test(suffix) && PLACE_WORDS.includes(raw);
}

/**
 * Organisation names in the text (公司, 厂, 店, 项目部 …), widest first when they overlap, so that
 * 湖南长鑫建设有限公司桃源项目部 wins over 湖南长鑫建设有限公司.
 */
/** 县一中, 市二中: a numbered school called by its short name. */
const NUMBERED_SCHOOL = /(?:桃源县|桃源|县|市|区)[一二三四五六七八九十]中(?![学国间心午秋途文断止])/g;

export const findOrganisations: (text: string) => readonly Span[] = recentResults(readOrganisations);

function readOrganisations(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(NUMBERED_SCHOOL)) {
    const start = match.index ?? 0;
    spans.push({ text: match[0], start, end: start + match[0].length });
  }
  for (const match of text.matchAll(SUFFIX_PATTERN)) {
    const suffixStart = match.index ?? 0;
    const end = suffixStart + match[0].length;
    if (NOT_AN_ENDING.test(text.slice(end))) continue;
    // 进厂, 办厂, 开店: getting or starting a job or business, not a name.
    if (/^(厂|工厂|店)$/.test(match[0]) && /[进办开建]/.test(text[suffixStart - 1] ?? '')) continue;
    // 湘建工程欠我们: a builder called by its short name, said to owe; 工程 elsewhere names a project.
    if (match[0] === '工程' && !/^(欠|拖|不给|冇给|没给|还欠|一直)/.test(text.slice(end, end + 2))) continue;
    // 当保洁, 做保洁: the job, not a cleaning firm.
    // 快递点, 快递员: a parcel point or courier, not a courier firm's name.
    if (match[0] === '快递' && /^[点员柜]/.test(text.slice(end))) continue;
    // (做客房保洁: the kind of cleaning, still the job)
    if (match[0] === '保洁' && /[当做搞干][\u4e00-\u9fa5]{0,2}$/.test(text.slice(Math.max(0, suffixStart - 3), suffixStart))) continue;
    const start = throughNameChars(text, suffixStart, match[0]);
    const whole = withoutLeadingTown(text, { text: text.slice(start, end), start, end });
    // 外卖站点捷风速递: the kind of place said before the business's own name.
    const kind = LEADING_KIND.exec(whole.text)?.[0].length ?? 0;
    const rest = whole.text.slice(kind);
    const span = kind > 0 && isSpecific(rest, match[0]) ? { text: rest, start: whole.start + kind, end: whole.end } : whole;
    if (match[0] === '站' && !STATION_TRADES.test(span.text)) continue;
    // 守了半年店, 帮人挖茶园: a time or a verb phrase before the suffix, not a name.
    if (NOT_A_NAME.test(span.text.slice(0, span.text.length - match[0].length))) continue;
    if (PROGRAMME_SUFFIX.test(match[0]) && PROGRAMME_BEFORE.test(span.text.slice(0, span.text.length - match[0].length))) continue;
    if (isSpecific(span.text, match[0])) spans.push(span);
  }
  return widestSpans(spans);
}
