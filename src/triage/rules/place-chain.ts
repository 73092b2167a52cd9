import { recentResults } from '../text/recent-results';
import { CITIES, DISTRICTS, NOT_PLACE_STARTS, NOT_PLACES, PROVINCES, TOWNS_ELSEWHERE, withTraditionalForms } from '../lexicon/places';
import { COUNTY_NAMES, COUNTY_SEATS, TAOYUAN_AREAS, TAOYUAN_TOWNSHIPS, TOWNSHIP_ABBREVIATIONS } from '../lexicon/taoyuan-gazetteer';

/** How fine a place name is: a township or finer is what inspectors need. */
export type PlaceLevel = 'province' | 'city' | 'county' | 'town' | 'village' | 'road';

export interface PlacePart {
  text: string;
  level: PlaceLevel;
}

/** A run of place names written together: 广东东莞长安镇, 观音寺镇青石村. */
export interface PlaceChain {
  text: string;
  start: number;
  end: number;
  parts: PlacePart[];
}

const HAN = '[\\u4e00-\\u9fa5]';
const AMBIGUOUS_SHORTS = new Set([
  '西安',
  '架桥',
  '龙潭',
  '观音寺',
  '桃花源',
  '太平桥',
  '青林',
  '枫树',
  '寺坪',
  '芦花',
  '龙虎',
  '兴隆街',
  '漳江',
  '浔阳',
  '黄石',
]);
const alternatives = (names: readonly string[]): string => [...names].sort((a, b) => b.length - a.length).join('|');

const TOWN_NAMES = alternatives([...TAOYUAN_AREAS, ...TOWNSHIP_ABBREVIATIONS, ...TAOYUAN_TOWNSHIPS.map((t) => t.name)]);
const ELSEWHERE = {
  provinces: alternatives(withTraditionalForms(PROVINCES)),
  cities: alternatives(withTraditionalForms(CITIES)),
  counties: alternatives([...withTraditionalForms(DISTRICTS), ...COUNTY_NAMES]),
  towns: alternatives(withTraditionalForms(TOWNS_ELSEWHERE)),
};
const SHORT_TOWNS = alternatives(TAOYUAN_TOWNSHIPS.map((t) => t.short));
/** Bare township names that are no common word or other place (not 西安, 架桥, 龙潭, 桃花源, 青林 …). */
const BARE_SHORT_TOWNS = alternatives(TAOYUAN_TOWNSHIPS.map((t) => t.short).filter((short) => !AMBIGUOUS_SHORTS.has(short)));

interface PartPattern {
  level: PlaceLevel;
  pattern: RegExp;
  /** Generic patterns may only continue a chain, not start one (they would match too much alone). */
  continuesOnly?: boolean;
  /** May start a chain right after a word that introduces a place (在香樟路, 到龙华区), else only continue one. */
  startsAfterCue?: boolean;
  /** Built from a shape (XX镇) rather than a list, so it is checked against NOT_PLACES. */
  generic?: boolean;
}

const sticky = (source: string): RegExp => new RegExp(source, 'y');

/** A house number or floor after a street: 香樟路18号, 步行街二楼. */
const UNIT = '(?:(?:\\d+|[一二三四五六七八九十]+)(?:号楼|号|栋|楼|层))?';
/** Buildings that hold many workplaces, named with a floor: 金桃广场三楼. */
const BUILDING = '广场|大厦|商厦|商场|商城|写字楼|大楼|产业园|创业园|工业园|物流园|科技园|中心|市场';
const FLOOR = '(?:\\d+|[一二三四五六七八九十]+)(?:楼|层)';
/** Parks, zones and markets that name a place of work rather than a project. */
const PARK = '工业园|工业区|工业小区|工业集中区|产业园|创业园|物流园|科技园|开发区|经开区|高新区';

const PART_PATTERNS: readonly PartPattern[] = [
  { level: 'county', pattern: sticky(`(${alternatives(COUNTY_SEATS)})`) },
  { level: 'town', pattern: sticky(`(${TOWN_NAMES})`) },
  { level: 'town', pattern: sticky(`(${SHORT_TOWNS})(工业园|工业区|开发区|集镇)`) },
  // 在九溪做事, 郑家驿到茶庵铺那条路: a township without its 镇, where the bare name is no common word
  // (架桥, 龙潭 and 观音寺 only right before a landmark or 那边).
  { level: 'town', pattern: sticky(`(${BARE_SHORT_TOWNS})(?!村|组|路|街|大道|河|江|湖|水库|桥|大桥|中路|[省市县区])`) },
  { level: 'town', pattern: sticky(`(架桥|龙潭|观音寺)(?=那|这边|街上|镇上|中学|小学|卫生院|中心)`) },
  { level: 'province', pattern: sticky(`(${ELSEWHERE.provinces})(省|自治区|壮族自治区)?`) },
  // 沅江路, 长沙路: a street named after a county or city is a street.
  { level: 'county', pattern: sticky(`(${ELSEWHERE.counties})(市|區|县|縣)?(?![路巷村组]|大道|大街)`) },
  // 黄石镇 is a township, not the city of 黄石.
  { level: 'city', pattern: sticky(`(${ELSEWHERE.cities})(市区|市)?(?![镇乡村街鎮鄉路巷]|大道)`) },
  { level: 'town', pattern: sticky(`(${ELSEWHERE.towns})(镇|鎮|街道)?(?![区县市區縣])`) },
  { level: 'county', pattern: sticky(`${HAN}{0,3}?(区|县|县城|區|縣)(?![域别])`), continuesOnly: true, generic: true },
  { level: 'county', pattern: sticky(`${HAN}{2,3}?(区|县|區|縣)(?![域别里内])`), startsAfterCue: true, generic: true },
  { level: 'town', pattern: sticky(`${HAN}{2,4}?(镇|乡|街道|鎮|鄉)(?![上里村下长])`), generic: true },
  { level: 'town', pattern: sticky(`(${SHORT_TOWNS})(?=那边|这边|附近|一带|的)`) },
  // 金桃广场三楼, 商贸大厦四楼, 电商产业园五楼: a building with the floor the workplace is on.
  { level: 'road', pattern: sticky(`${HAN}{2,6}?(${BUILDING})${FLOOR}`), generic: true },
  // 金桃工业园 alone, or after its township (西安镇金桃工业园).
  { level: 'village', pattern: sticky(`${HAN}{2,4}?(${PARK})`), generic: true },
  { level: 'village', pattern: sticky(`${HAN}{2,3}?村(?![道里民委])`), generic: true },
  // 白洋河社区: a named urban community, after its street or after 在.
  { level: 'village', pattern: sticky(`${HAN}{2,4}?社区`), continuesOnly: true, startsAfterCue: true, generic: true },
  // 陬市镇工业园: an unnamed park of the township just named.
  { level: 'village', pattern: sticky(`(${PARK})`), continuesOnly: true },
  {
    level: 'road',
    pattern: sticky(`${HAN}{2,4}?(路|大道|大街|步行街|街|巷)(?![费口边道头坊])(\\d+号)?${UNIT}`),
    continuesOnly: true,
    startsAfterCue: true,
    generic: true,
  },
  { level: 'village', pattern: sticky(`${HAN}{2}(?=那边|这边|附近|一带)`), continuesOnly: true, generic: true },
  // 新街口, 人民路口: a crossing named after its street.
  {
    level: 'road',
    pattern: sticky(`(?!(?:镇|乡|村|城)(?:上|里))(?:${HAN}{1,3}?街口|${HAN}{2,3}?路口)`),
    startsAfterCue: true,
    generic: true,
  },
  // 县城菜市场, 陬市镇农贸市场, 沅江天街负一楼: a market or food street of the place just named.
  {
    level: 'road',
    pattern: sticky(`${HAN}{0,4}?(菜市场|农贸市场|夜市|美食街|天街)(负?[一二三四五\\d]楼)?`),
    continuesOnly: true,
    generic: true,
  },
  // A township's own old or main street: 剪市镇老街.
  { level: 'road', pattern: sticky(`(老街|新街|正街|横街|后街|前街|河街|主街)${UNIT}`), continuesOnly: true },
];

/** Characters a generic place name never starts with (在西安镇 is 在 + 西安镇, 堵桃花源大道 is 堵 + a road). */
const NOT_A_START = new Set('在是的到去从和跟与了个那这一我他她们都也就还做干帮给叫往来回住上下里边位于堵拦闹找告'.split(''));
/** A known township inside a shape-built name starts the place itself (工程|牛车河镇). */
const KNOWN_TOWN = new RegExp(TOWN_NAMES);
/** Characters never inside a place name: 公在漳江街道 is …公 + 在 + 漳江街道. */
const NOT_INSIDE = /[在是的到去从跟了个那这我他她们都也就还做干帮给叫欠拖讲说年月天]/;
/** Words right before a place that say it is where something is: 在, 到, 位于, 地址是. */
const PLACE_CUE_BEFORE = /(在|到|于|去|就是|地址[是在为]?[：:]?|地点[是在]?[：:]?)((镇|乡|村|县城|城)(上|里)的?)?$/;

const RANK: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2, town: 3, village: 4, road: 5 };

/** The place part starting at `at`; a part that continues a chain must be finer than the one before. */
function partAt(text: string, at: number, previous: PlaceLevel | null): PlacePart | null {
  for (const { level, pattern, continuesOnly, startsAfterCue, generic } of PART_PATTERNS) {
    if (!previous && (continuesOnly || startsAfterCue) && !(startsAfterCue && PLACE_CUE_BEFORE.test(text.slice(Math.max(0, at - 4), at)))) {
      continue;
    }
    if (previous && RANK[level] <= RANK[previous] && !(level === 'road' && previous === 'road')) continue;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[0];
    if (generic && (NOT_A_START.has(name[0] ?? '') || NOT_INSIDE.test(name) || NOT_PLACES.some((word) => name.endsWith(word)))) continue;
    if (generic && NOT_PLACE_STARTS.some((word) => name.startsWith(word))) continue;
    if (generic && !previous && KNOWN_TOWN.test(name.slice(1))) continue;
    return { text: name, level };
  }
  return null;
}

/** "浔阳街道的槐荫村", "县城的步行街": a village or street of the place just named, joined by 的. */
function finerAfterDe(text: string, at: number, previous: PlaceLevel): PlacePart | null {
  if (text[at] !== '的') return null;
  const part = partAt(text, at + 1, previous);
  return part && (part.level === 'village' || part.level === 'road') ? part : null;
}

/** The chain whose first part starts exactly at `at`, or null. */
function chainAt(text: string, at: number): PlaceChain | null {
  const parts: PlacePart[] = [];
  let end = at;
  for (let part = partAt(text, end, null); part; part = partAt(text, end, parts.at(-1)?.level ?? null)) {
    parts.push(part);
    end += part.text.length;
    const joined = part.level === 'town' || part.level === 'county' ? finerAfterDe(text, end, part.level) : null;
    if (joined) {
      parts.push(joined);
      end += 1 + joined.text.length;
    }
  }
  return parts.length > 0 ? { text: text.slice(at, end), start: at, end, parts } : null;
}

/** Characters that can begin a place: a Han character that is not a function word, or the first of a listed name. */
const LISTED_FIRSTS = new Set(
  [...TAOYUAN_AREAS, ...COUNTY_SEATS, ...TAOYUAN_TOWNSHIPS.flatMap((t) => [t.name, t.short]), ...COUNTY_NAMES]
    .concat(withTraditionalForms([...PROVINCES, ...CITIES, ...DISTRICTS, ...TOWNS_ELSEWHERE]))
    .map((name) => name[0] ?? ''),
);
const HAN_CHAR = /[\u4e00-\u9fa5]/;
const mayStart = (ch: string): boolean => LISTED_FIRSTS.has(ch) || (HAN_CHAR.test(ch) && !NOT_A_START.has(ch));

// The rules ask for the chains of one text several times (location, project); the last answer is kept.

/** Every place chain in the text, left to right, not overlapping; a chain's parts leave out a joining 的. */
export const findPlaceChains: (text: string) => readonly PlaceChain[] = recentResults(readPlaceChains);

function readPlaceChains(text: string): readonly PlaceChain[] {
  const chains: PlaceChain[] = [];
  let at = 0;
  while (at < text.length) {
    const chain = mayStart(text[at] ?? '') ? chainAt(text, at) : null;
    if (chain) {
      chains.push(chain);
      at = chain.end;
    } else at++;
  }
  return chains;
}

/** The place chain that starts exactly at `at`, if any (read as if the text began there). */
export function placeChainAt(text: string, at: number): PlaceChain | null {
  return chainAt(text.slice(at), 0);
}
