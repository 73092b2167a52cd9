import { COUNTY_NAMES, COUNTY_SEATS, TAOYUAN_TOWNSHIPS, type Township } from '../lexicon/taoyuan-gazetteer';
import { findPlaceChains, type PlaceChain, type PlaceLevel, type PlacePart } from './place-chain';

/** "我是龙潭镇的", "都是桃源杨溪桥的", "我们是桃源去的泥工", "3个桃源老乡": where the worker is from, not where the work was. */
const HOME_BEFORE = /(我是|我们是|都是|老家是|老家在|老家|家住|家在|住在|户口在|人是)$/;
const HOME_AFTER = /^((这边|那边|那里|这里)?的[，。,\s！]|的$|人|老乡|口音|话|本地人|(出|过)?去的|过来的|老家)/;
/** "家住梓木村", "老板住在香樟路", "我们屋在九溪镇": a home, whatever follows. */
const HOME_ALWAYS_BEFORE = /(老家是|老家在|老家|家住|家在|住在|户口在|屋在|屋里在|屋里是)$/;
/** 在, or 在镇上的 / 在村里: the place is where the work was, in the township or village just named. */
const WORK_BEFORE = /(在|于|到|去)(了)?((镇|乡|村|县城|城)(上|里)的?)?$/;
/** No one lives in an industrial park: 我们是创业大道工业园的 says where they work. */
const PARK_END = /(工业园|工业区|工业小区|工业集中区|产业园|创业园|物流园|科技园|开发区|经开区|高新区)$/;
/** 金桃广场三楼: a floor names the workplace itself. */
const FLOOR_END = /(\d+|[一二三四五六七八九十]+)(楼|层)$/;
/** "我在陬市镇，哦不是，是在三阳港镇", "他在杨溪桥镇……不对不对": a place taken back. */
const TAKEN_BACK_AFTER = /^[，,\s…。.—-]*(哦|噢|啊)?[，,\s…]*(不是|不对|讲错了?|说错了?)/;
/** "就在乡里的敬老院", "在村里的合作社", "我屋隔壁那栋房子": the work is in the home place just named. */
const WORK_AT_HOME = /(就|也)?在(本|我们)?(乡|镇|村)(里|上)|在(本乡|本镇|本村|当地|本地|我们那里|屋门口)|(屋|家)(隔壁|旁边|门口|对面|附近)/;

/** A finer place says more: a street or village beats the township it lies in, a district its city. */
const FINENESS: Record<PlaceLevel, number> = { province: 0, city: 0.25, county: 0.5, town: 1, village: 1.5, road: 1.5 };

/** Places that are part of the county or above it: naming them alone says nothing of another county. */
const HOME_PROVINCE = '湖南';
const HOME_CITY = '常德';

interface RankedChain {
  chain: PlaceChain;
  points: number;
}

function score(text: string, chain: PlaceChain): number {
  const before = text.slice(Math.max(0, chain.start - 4), chain.start);
  const after = text.slice(chain.end, chain.end + 4);
  if (TAKEN_BACK_AFTER.test(text.slice(chain.end, chain.end + 8))) return -1;
  const hanBefore = before.replace(/[^\u4e00-\u9fa5]/g, '');
  const isHome =
    HOME_ALWAYS_BEFORE.test(hanBefore) || (HOME_AFTER.test(after) && (HOME_BEFORE.test(hanBefore) || /^(人|老乡|口音|老家)/.test(after)));
  if (isHome && !PARK_END.test(chain.text)) return WORK_AT_HOME.test(text) ? 0 : -1;
  const fineness = Math.max(...chain.parts.map((p) => FINENESS[p.level]));
  const floor = chain.parts.some((p) => FLOOR_END.test(p.text)) ? 2 : 0;
  return (WORK_BEFORE.test(before) ? 2 : 0) + fineness + floor;
}

const isWide = (chain: PlaceChain): boolean => chain.parts.every((p) => p.level === 'province' || p.level === 'city');
const finest = (chain: PlaceChain): number => Math.max(...chain.parts.map((p) => FINENESS[p.level]));
/** A finer place that may lie in the wide one: not a place of the county when the wide one is elsewhere. */
const narrows = (wide: PlaceChain, chain: PlaceChain): boolean =>
  finest(chain) > finest(wide) && (townshipOfChain(wide) !== null || townshipOfChain(chain) === null);

/** Only a comma or a space between two places: "在西安镇，梓木村那边". */
const LIST_SEPARATOR = /^[，,、\s]{1,2}((也)?就是|即)?((镇|乡|村|街道|县城|城)(上|里)的?)?$/;

/**
 * Place chains that may be the place of work, best first (the earlier one on a tie). A finer place
 * written right after one introduced by 在 is introduced with it.
 */
function rank(text: string): RankedChain[] {
  const chains = findPlaceChains(text);
  const scored = chains.map((chain) => ({ chain, points: score(text, chain) }));
  scored.forEach((r, i) => {
    const previous = scored[i - 1];
    if (!previous || r.points < 0 || previous.points < 2 || finest(r.chain) <= finest(previous.chain)) return;
    if (LIST_SEPARATOR.test(text.slice(previous.chain.end, r.chain.start))) r.points += 2;
  });
  return scored.filter((r) => r.points >= 0).sort((a, b) => b.points - a.points || a.chain.start - b.chain.start);
}

/** After a road, these make it the start of a project's name (陬溪路拓宽工程), not the place of work. */
const ROAD_STARTS_PROJECT_AFTER = /^(拓宽|改造|扩建|提质|硬化|新建|改建|大修|维修|建设|工程|项目|白改黑|升级|延伸|施工|管网|绿化|亮化)/;

/**
 * The chain as inspectors want it: without a leading 桃源县 (the county is implied) and without a
 * road that starts a project's name (陬市镇陬溪路拓宽工程 → 陬市镇).
 */
function asWritten(chain: PlaceChain, after: string): string {
  let parts = chain.parts;
  if (parts.length > 1 && COUNTY_NAMES.includes(parts[0]?.text ?? '')) parts = parts.slice(1);
  if (!ROAD_STARTS_PROJECT_AFTER.test(after)) return parts.map((p) => p.text).join('');
  while (parts.length > 1 && parts.at(-1)?.level === 'road') parts = parts.slice(0, -1);
  return parts.map((p) => p.text).join('');
}

/** The gazetteer township a place part names: 陬市镇, 陬市工业园 and 漳江创业园 all lie in one; 沙坪村 may not. */
function townshipOfPart(part: PlacePart): string | null {
  const exact = TAOYUAN_TOWNSHIPS.find((t) => part.text === t.name);
  const within = (t: Township): boolean => part.text.startsWith(t.short) && !part.text.endsWith('村');
  return (exact ?? TAOYUAN_TOWNSHIPS.find(within))?.name ?? null;
}

/**
 * The township of the county a chain lies in; null when the chain is elsewhere (长沙雨花区, 浙江义乌),
 * undefined when it is in the county but names no township (县城, a street alone).
 */
function townshipOfChain(chain: PlaceChain): string | null | undefined {
  for (const part of chain.parts) {
    if (part.level === 'town' || part.level === 'village') {
      const township = townshipOfPart(part);
      if (township) return township;
    }
  }
  const elsewhere = chain.parts.some(
    (p) =>
      (p.level === 'province' && !p.text.startsWith(HOME_PROVINCE)) ||
      (p.level === 'city' && !p.text.startsWith(HOME_CITY)) ||
      (p.level === 'county' && !COUNTY_NAMES.some((name) => p.text.startsWith(name)) && !COUNTY_SEATS.includes(p.text)),
  );
  const aboveOnly = chain.parts.every((p) => p.level === 'province' || p.level === 'city');
  return elsewhere || aboveOnly ? null : undefined;
}

/**
 * "飞马快递西安镇网点": a branch named after its township or street says where the work was when the
 * text names no place of its own; a province or county in a registered name does not.
 */
function placeInName(orgNames: readonly string[]): PlaceChain | null {
  for (const name of orgNames) {
    // (not 通衢路 of 通衢路桥: 路桥 is the trade of road and bridge building)
    const chain = findPlaceChains(name).find(
      (c) => c.parts.some((p) => p.level === 'town' || p.level === 'village' || p.level === 'road') && !/^桥/.test(name.slice(c.end)),
    );
    if (chain) return chain;
  }
  return null;
}

export interface Places {
  /** LABELS.md location: the most specific place of the work, as written. */
  location: string | null;
  /** The county township the work was in, for routing. */
  area: string | null;
}

/** "通衢，衢州的衢": a character spelled out by a word that holds it (a place named only to spell). */
const SPELLED = /([\u4e00-\u9fa5]{1,3})的([\u4e00-\u9fa5])(?=[，。,！？\s、)）]|$)/g;

const withoutSpelling = (text: string): string =>
  text.replace(SPELLED, (whole, word: string, ch: string) => (word.includes(ch) ? '□'.repeat(whole.length) : whole));

/**
 * The place of work read from place chains outside organisation names, skipping the worker's home
 * town and places taken back, preferring places introduced by 在 and, among those, the finest. The
 * area is the township of that place; when the place names none (a street, a village), the township
 * named elsewhere in the caller's words, else in the operator's.
 */
export function extractPlaces(text: string, operatorText = '', orgNames: readonly string[] = []): Places {
  const maskedText = withoutSpelling(text);
  const ranked = rank(maskedText);
  if (ranked.length === 0) {
    const branch = placeInName(orgNames);
    if (branch) return { location: asWritten(branch, ''), area: townshipOfChain(branch) ?? null };
    // "我是理公港镇的，我们一起去…合作社摘柑橘": with no other place, the workers' own township.
    const home = findPlaceChains(maskedText).find(
      (chain) => typeof townshipOfChain(chain) === 'string' && !TAKEN_BACK_AFTER.test(maskedText.slice(chain.end, chain.end + 8)),
    );
    if (home) return { location: asWritten(home, ''), area: townshipOfChain(home) ?? null };
  }
  // "在广东打工，东莞那边一个厂": a province or city alone gives way to a finer place named after it.
  const first = ranked[0];
  const best = first && isWide(first.chain) ? (ranked.find((r) => narrows(first.chain, r.chain)) ?? first) : first;
  const location = best ? asWritten(best.chain, maskedText.slice(best.chain.end)) : null;
  const own = best ? townshipOfChain(best.chain) : undefined;
  if (own !== undefined) return { location, area: own };
  for (const { chain } of [...ranked, ...rank(operatorText)]) {
    const township = townshipOfChain(chain);
    if (township) return { location, area: township };
  }
  // "他屋里在观音寺镇枫林村 … 鱼塘也在枫林村": the place named again with its township.
  const fuller = location
    ? findPlaceChains(maskedText).find((chain) => chain.text.endsWith(location) && chain.text !== location)
    : undefined;
  return { location, area: (fuller && townshipOfChain(fuller)) ?? null };
}

export function extractLocation(maskedText: string): string | null {
  return extractPlaces(maskedText).location;
}
