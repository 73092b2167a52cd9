import { COUNTY_NAMES } from '../lexicon/taoyuan-gazetteer';
import { findPlaceChains, type PlaceChain } from './place-chain';

/** "我是龙潭镇的", "都是桃源杨溪桥的", "3个桃源老乡": where the worker is from, not where the work was. */
const HOME_BEFORE = /(我是|我们是|都是|老家是|老家在|老家|家住|家在|住在|户口在|人是)$/;
const HOME_AFTER = /^(的[，。,\s！]|的$|人|老乡|本地人)/;
const WORK_BEFORE = /(在|于|到|去)(了)?$/;
/** "我在陬市镇，哦不是，是在三阳港镇": a place taken back. */
const TAKEN_BACK_AFTER = /^[，,\s]*(哦|噢|啊)?[，,\s]*(不是|不对|讲错了?|说错了?)/;
/** "就在乡里的敬老院": the work is in the home place just named. */
const WORK_AT_HOME = /(就|也)在(乡|镇|村)(里|上)|在(本乡|本镇|本村|当地|本地|我们那里|屋门口)/;

function score(text: string, chain: PlaceChain): number {
  const before = text.slice(Math.max(0, chain.start - 4), chain.start);
  const after = text.slice(chain.end, chain.end + 4);
  if (TAKEN_BACK_AFTER.test(text.slice(chain.end, chain.end + 8))) return -1;
  const isHome = HOME_AFTER.test(after) && (HOME_BEFORE.test(before.replace(/[^\u4e00-\u9fa5]/g, '')) || /^(人|老乡)/.test(after));
  if (isHome) return WORK_AT_HOME.test(text) ? 0 : -1;
  let points = 0;
  if (WORK_BEFORE.test(before)) points += 2;
  // The finer place wins a tie: 在常德打工，在武陵区的一个饭店 → 武陵区.
  if (chain.parts.some((p) => p.level === 'town' || p.level === 'village' || p.level === 'road')) points += 1;
  else if (chain.parts.some((p) => p.level === 'county')) points += 0.5;
  return points;
}

/**
 * The most specific place of the work (LABELS.md location): place chains outside organisation names,
 * skipping the worker's home town, preferring places introduced by 在.
 */
export function extractLocation(maskedText: string): string | null {
  let best: { chain: PlaceChain; points: number } | null = null;
  for (const chain of findPlaceChains(maskedText)) {
    const points = score(maskedText, chain);
    if (points >= 0 && (!best || points > best.points)) best = { chain, points };
  }
  return best ? asWritten(best.chain, maskedText.slice(best.chain.end)) : null;
}

/** After a road, these say the road is where the work was ("桃花路那边"), not part of a project name. */
const ROAD_IS_PLACE_AFTER = /^(那边|这边|附近|一带|旁边|边上|上|的|[，。,！？\s]|$)/;

/**
 * The chain as inspectors want it: without a leading 桃源县 (the county is implied) and without a
 * road that starts a project's name (陬市镇陬溪路拓宽工程 → 陬市镇).
 */
function asWritten(chain: PlaceChain, after: string): string {
  let parts = chain.parts;
  if (parts.length > 1 && COUNTY_NAMES.includes(parts[0]?.text ?? '')) parts = parts.slice(1);
  if (ROAD_IS_PLACE_AFTER.test(after)) return parts.map((p) => p.text).join('');
  while (parts.length > 1 && parts.at(-1)?.level === 'road') parts = parts.slice(0, -1);
  return parts.map((p) => p.text).join('');
}
