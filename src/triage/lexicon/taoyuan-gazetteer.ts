/**
 * Townships and streets of 桃源县 (常德市, 湖南), with the names people shorten them to.
 * Includes names from before the 2015 township merger: residents still use them.
 */
export interface Township {
  /** The official name with its suffix, e.g. 陬市镇. */
  name: string;
  /** The bare name people write without the suffix, e.g. 陬市. */
  short: string;
}

const STREETS = ['漳江', '浔阳'];

const TOWNS = [
  '陬市',
  '盘塘',
  '黄甲铺',
  '热市',
  '九溪',
  '漆家河',
  '茶庵铺',
  '郑家驿',
  '架桥',
  '三阳港',
  '剪市',
  '西安',
  '龙潭',
  '观音寺',
  '杨溪桥',
  '理公港',
  '木塘垸',
  '双溪口',
  '马鬃岭',
  '桃花源',
  '夷望溪',
  '凌津滩',
  '泥窝潭',
  '牛车河',
  '太平桥',
  '车湖垸',
  '沙坪',
  '黄石',
];

const TOWNSHIPS_WITH_XIANG = ['牛车河', '青林', '枫树', '寺坪', '佘家坪', '泥窝潭', '兴隆街', '钟家铺', '芦花', '龙虎'];

export const TAOYUAN_TOWNSHIPS: readonly Township[] = [
  ...STREETS.map((short) => ({ name: `${short}街道`, short })),
  ...TOWNS.map((short) => ({ name: `${short}镇`, short })),
  ...TOWNSHIPS_WITH_XIANG.map((short) => ({ name: `${short}乡`, short })),
  { name: '青林回族维吾尔族乡', short: '青林' },
  { name: '枫树维吾尔族回族乡', short: '枫树' },
];

/** The short official forms of the two ethnic townships' names, as residents write them. */
export const TOWNSHIP_ABBREVIATIONS: readonly string[] = ['青林回维乡', '枫树维回乡'];

/** Places inside the county named without a township suffix (县城 is the county seat). */
export const TAOYUAN_AREAS: readonly string[] = ['漳江工业园', '陬市工业园', '桃源经济开发区', '创元工业园', '桃花源景区'];

/** The county seat: no finer than the county, though a street or township may follow it (县城漳江街道). */
export const COUNTY_SEATS: readonly string[] = ['桃源县城', '县城'];

/** What the county itself is called. */
export const COUNTY_NAMES: readonly string[] = ['桃源县', '桃源'];
