import { COUNTY_NAMES } from '../lexicon/taoyuan-gazetteer';
import { findPlaceChains, type PlaceChain } from './place-chain';

/** "我是龙潭镇的", "都是桃源杨溪桥的", "3个桃源老乡": where the worker is from, not where the work was. */
const HOME_BEFORE = /(我是|我们是|都是|老家是|老家在|老家|家住|家在|住在|户口在|人是)$/;
const HOME_AFTER = /^(的[，。,\s！]|的$|人|老乡|本地人)/;
const WORK_BEFORE = /(在|于|到|去)(了)?$/;

function score(text: string, chain: PlaceChain): number {
  const before = text.slice(Math.max(0, chain.start - 4), chain.start);
  const after = text.slice(chain.end, chain.end + 4);
  if (HOME_AFTER.test(after) && (HOME_BEFORE.test(before.replace(/[^\u4e00-\u9fa5]/g, '')) || /^(人|老乡)/.test(after))) return -1;
  let points = 0;
  if (WORK_BEFORE.test(before)) points += 2;
  if (chain.parts.some((p) => p.level === 'town' || p.level === 'village' || p.level === 'road')) points += 1;
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
  return best ? asWritten(best.chain) : null;
}

/**
 * The chain as inspectors want it: without a leading 桃源县 (the county is implied) and without a
 * road after the township (陬市镇陬溪路 → 陬市镇; the road usually names the project).
 */
function asWritten(chain: PlaceChain): string {
  let parts = chain.parts;
  if (parts.length > 1 && COUNTY_NAMES.includes(parts[0]?.text ?? '')) parts = parts.slice(1);
  while (parts.length > 1 && parts.at(-1)?.level === 'road') parts = parts.slice(0, -1);
  return parts.map((p) => p.text).join('');
}
