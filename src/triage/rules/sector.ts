import type { Sector } from '../../domain/triage-result';
import { OTHER_SECTOR_CUES, SECTOR_CUES, SECTOR_ORDER } from '../lexicon/sector-cues';

/** A named site or estate (御景湾三期) points to building work. */
const PROJECT_WEIGHT = 2;
const SITE_NAME = /[^，。,！？\s在到的]{1,8}(?=项目|工地|工程)/g;

/** Each cue table as a list, built once. */
const cueLists = new WeakMap<Readonly<Record<string, number>>, ReadonlyArray<readonly [string, number]>>();

function weigh(text: string, cues: Readonly<Record<string, number>>): number {
  let list = cueLists.get(cues);
  if (!list) {
    list = Object.entries(cues);
    cueLists.set(cues, list);
  }
  let sum = 0;
  for (const [word, weight] of list) if (text.includes(word)) sum += weight;
  return sum;
}

/** 修茶厂的房子, 给超市砌围墙: building work on a place of another trade is building work. */
const BUILDING_WORK =
  /(修(?!手机|车|电脑|鞋|表|家电|电器)|建(?!材|设)|盖|砌|翻修|翻新)[^，。,！？\s]{0,6}?(房子|房屋|楼房|围墙|厂房|仓库|门面|桥|村部|堤|渠|水渠|护坡|挡墙|涵洞|产业路|公路|村道|路)/;
const BUILDING_WORK_WEIGHT = 5;
/** 种辣椒, 栽橘子苗, 收稻谷: growing or harvesting a crop is farm work. */
const FARM_WORK = /(种|栽|收|割|插)了?[\u4e00-\u9fa5]{0,2}?(菜|瓜|果|茶|椒|米|豆|薯|稻|谷|麦|烟|苗|树|花|橘|柚|桃|梨|秧)/;
const FARM_WORK_WEIGHT = 4;
const REGISTERED = /有限责任公司|股份有限公司|有限公司|集团/;

/**
 * Where the work was (LABELS.md sector): the sector whose words weigh most; null when none appear. A
 * registered employer's name counts once more: a security company's guard at a school works in services.
 */
/** "酒店讲装修亏了": what the boss said is an excuse, not where the work was. */
const BOSS_SAID = /(?<!跟你|给你|和你)(讲|说)[^，。,！？\s]{0,12}(?=[，。,！？\s]|$)/g;

export function extractSector(said: string, project: string | null, employerName: string | null = null): Sector | null {
  const text = said.replace(BOSS_SAID, '');
  const employer = employerName && REGISTERED.test(employerName) ? employerName : null;
  const weights = new Map<Sector, number>(SECTOR_ORDER.map((s) => [s, 0]));
  // "温泉度假村项目", "中心学校新教学楼工地": a site is named after what is being built, not the trade.
  const withoutSiteNames = text.replace(SITE_NAME, '');
  for (const [sector, cues] of Object.entries(SECTOR_CUES) as [Sector, Record<string, number>][]) {
    weights.set(sector, weigh(sector === 'construction' ? text : withoutSiteNames, cues) + (employer ? weigh(employer, cues) : 0));
  }
  weights.set('other', weigh(text, OTHER_SECTOR_CUES) + (employer ? weigh(employer, OTHER_SECTOR_CUES) : 0));
  if (BUILDING_WORK.test(text)) weights.set('construction', (weights.get('construction') ?? 0) + BUILDING_WORK_WEIGHT);
  if (FARM_WORK.test(text)) weights.set('agriculture', (weights.get('agriculture') ?? 0) + FARM_WORK_WEIGHT);
  if (project) weights.set('construction', (weights.get('construction') ?? 0) + PROJECT_WEIGHT);
  let best: Sector | null = null;
  let bestWeight = 0;
  for (const sector of SECTOR_ORDER) {
    const weight = weights.get(sector) ?? 0;
    if (weight > bestWeight) {
      best = sector;
      bestWeight = weight;
    }
  }
  return best;
}
