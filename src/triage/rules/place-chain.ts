import { CITIES, DISTRICTS, NOT_PLACES, PROVINCES } from '../lexicon/places';
import { COUNTY_NAMES, TAOYUAN_AREAS, TAOYUAN_TOWNSHIPS } from '../lexicon/taoyuan-gazetteer';

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
const alternatives = (names: readonly string[]): string => [...names].sort((a, b) => b.length - a.length).join('|');

const TOWN_NAMES = alternatives([...TAOYUAN_AREAS, ...TAOYUAN_TOWNSHIPS.map((t) => t.name)]);
const SHORT_TOWNS = alternatives(TAOYUAN_TOWNSHIPS.map((t) => t.short));

interface PartPattern {
  level: PlaceLevel;
  pattern: RegExp;
  /** Generic patterns may only continue a chain, not start one (they would match too much alone). */
  continuesOnly?: boolean;
  /** Built from a shape (XX镇) rather than a list, so it is checked against NOT_PLACES. */
  generic?: boolean;
}

const sticky = (source: string): RegExp => new RegExp(source, 'y');

const PART_PATTERNS: readonly PartPattern[] = [
  { level: 'town', pattern: sticky(`(${TOWN_NAMES})`) },
  { level: 'town', pattern: sticky(`(${SHORT_TOWNS})(工业园|工业区|开发区|集镇)`) },
  { level: 'province', pattern: sticky(`(${alternatives(PROVINCES)})(省|自治区|壮族自治区)?`) },
  { level: 'county', pattern: sticky(`(${alternatives([...DISTRICTS, ...COUNTY_NAMES])})`) },
  { level: 'city', pattern: sticky(`(${alternatives(CITIES)})(市区|市)?`) },
  { level: 'county', pattern: sticky(`${HAN}{0,3}?(区|县|县城)(?![域别])`), continuesOnly: true, generic: true },
  { level: 'town', pattern: sticky(`${HAN}{2,4}?(镇|乡|街道)(?![上里村下长])`), generic: true },
  { level: 'town', pattern: sticky(`${HAN}{2,4}?(工业园|工业区|开发区|经开区|高新区)`), generic: true },
  { level: 'town', pattern: sticky(`(${SHORT_TOWNS})(?=那边|这边|附近|一带|的)`) },
  { level: 'village', pattern: sticky(`${HAN}{2,3}?村(?![道里民委])`), generic: true },
  // 陬市镇工业园: an unnamed park of the township just named.
  { level: 'village', pattern: sticky('(工业园|工业区|工业小区|工业集中区|开发区)'), continuesOnly: true },
  { level: 'road', pattern: sticky(`${HAN}{2,4}?(路|大道|大街)(\\d+号)?(?![费上口边])`), continuesOnly: true, generic: true },
  { level: 'village', pattern: sticky(`${HAN}{2}(?=那边|这边|附近|一带)`), continuesOnly: true, generic: true },
];

/** Characters a generic place name never starts with (在西安镇 is 在 + 西安镇). */
const NOT_A_START = new Set('在是的到去从和跟与了个那这一我他她们都也就还做干帮给叫往来回住上下里边'.split(''));
/** Characters never inside a place name: 公在漳江街道 is …公 + 在 + 漳江街道. */
const NOT_INSIDE = /[在是的到去从跟了个那这我他她们都也就还做干帮给叫欠拖讲说年月天]/;

const RANK: Record<PlaceLevel, number> = { province: 0, city: 1, county: 2, town: 3, village: 4, road: 5 };

/** The place part starting at `at`; a part that continues a chain must be finer than the one before. */
function partAt(text: string, at: number, previous: PlaceLevel | null): PlacePart | null {
  for (const { level, pattern, continuesOnly, generic } of PART_PATTERNS) {
    if (continuesOnly && !previous) continue;
    if (previous && RANK[level] <= RANK[previous] && !(level === 'road' && previous === 'road')) continue;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[0];
    if (generic && (NOT_A_START.has(name[0] ?? '') || NOT_INSIDE.test(name) || NOT_PLACES.some((word) => name.endsWith(word)))) continue;
    return { text: name, level };
  }
  return null;
}

/** Every place chain in the text, left to right, not overlapping. */
export function findPlaceChains(text: string): PlaceChain[] {
  const chains: PlaceChain[] = [];
  let at = 0;
  while (at < text.length) {
    const parts: PlacePart[] = [];
    let end = at;
    for (let part = partAt(text, end, null); part; part = partAt(text, end, parts.at(-1)?.level ?? null)) {
      parts.push(part);
      end += part.text.length;
    }
    if (parts.length > 0) {
      chains.push({ text: text.slice(at, end), start: at, end, parts });
      at = end;
    } else at++;
  }
  return chains;
}

/** The place chain that starts exactly at `at`, if any. */
export function placeChainAt(text: string, at: number): PlaceChain | null {
  return findPlaceChains(text.slice(at)).find((c) => c.start === 0) ?? null;
}
