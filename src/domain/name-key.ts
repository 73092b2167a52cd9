import { distance } from 'fastest-levenshtein';
import { pinyin } from 'pinyin-pro';

/**
 * The distinctive part of an employer or project name, and how alike two are in writing and in sound:
 * "湖南鑫达建设有限公司", "鑫达建筑公司" and "鑫达公司的项目部" are one employer, and so are 盛宏 and 盛泓.
 */
const PLACE_PREFIX = /^(湖南省|湖南|常德市|常德)/;
/** 那条路改造, 这个小区: a site pointed at, not named. */
const DEMONSTRATIVE = /^(那|这)(条|个|栋|座|家|边)/;
/** The county's own name, wherever it stands (桃源县华盛鞋业, 兴发电子桃源分厂). */
const COUNTY = /桃源县|桃源(?=分|县|站|店)|^桃源/g;
const GENERIC =
  /(有限责任公司|股份有限公司|集团有限公司|有限公司|分公司|分厂|分店|公司|集团|总承包|总包|分包|项目部|项目|劳务队|施工队|工程队|装修队|劳务|建设|建筑|工程|工地|老板|包工头|老总|经理|管理)/g;
/** Words for the trade rather than the business: 湘味轩饭店 and 湘味轩餐饮 are one business. */
const TRADE =
  /(水电安装|安装|电气|保洁|物业|家政|物流|快递网点|快递|网点|外卖|配送|出行|客运|运输|蛋糕|面包|烘焙|餐饮|饭店|饭馆|饭庄|食府|酒店|酒楼|餐馆|菜馆|土菜馆|面馆|粉馆|小吃|快餐|火锅|机械制造|制造|机械|电子科技|科技|电子|鞋业|纸业|茶业|茶叶|米业|竹业|建材|包装|市政|教育培训学校|培训学校|培训机构|教育|培训|装修|装饰|园林|新能源|能源|环保|环境|环卫|水利|汽车|生猪养殖|养殖|养猪|生猪|养鸡|养鸭|农业开发|开发|服务|服装|服饰|专业合作社|合作社|基地)/g;
/** Phases and blocks of one estate are one site for a complaint: 碧水湾三期, 阳光新城B区. */
const PHASE = /([一二三四五六七八九十\d]+期|[A-Za-z\d]+区|[一二三四五六七八九十\d]+号楼)$/;

/** The distinctive part of an employer or project name, or null when nothing distinctive is left. */
export function nameKey(name: string | null): string | null {
  if (!name) return null;
  const squashed = name.replace(/[\s\p{P}\p{S}]/gu, '').toUpperCase();
  const core = squashed.replace(DEMONSTRATIVE, '').replace(PLACE_PREFIX, '').replace(COUNTY, '').replace(GENERIC, '').replace(PHASE, '');
  const key = core.replace(TRADE, '').length >= 2 ? core.replace(TRADE, '') : core;
  // A factory or shop word at the end (华盛鞋厂, 沅水茶厂) goes too, if a name is left.
  const bare = key.replace(/(厂|店|行|站|(?<![广市])场)$/, '');
  return bare.length >= 2 ? bare : key.length >= 2 ? key : null;
}

/** 1 for the same key, 0.9 when one contains the other, else 1 − edit distance / longer length. */
export function keySimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return 0.9;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** `make(key)`, remembered in `cache` (emptied when it passes `max` entries). */
function remembered<V>(cache: Map<string, V>, max: number, key: string, make: (key: string) => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make(key);
    if (cache.size > max) cache.clear();
    cache.set(key, v);
  }
  return v;
}

const syllableCache = new Map<string, readonly string[]>();

/**
 * The syllables of a key, with what the local speech does not tell apart made one (zh/z, ch/c, sh/s, n/l, -ng/-n, f/h).
 * Remembered: the same names and text runs are read for every complaint that could match them.
 */
export function syllablesOf(key: string): readonly string[] {
  return remembered(syllableCache, 50_000, key, (k) =>
    pinyin(k, { toneType: 'none', type: 'array' }).map((p) =>
      p
        .toLowerCase()
        .replace(/^([zcs])h/, '$1')
        .replace(/^n(?=[aeiou])/, 'l')
        .replace(/ng$/, 'n')
        .replace(/^f/, 'h'),
    ),
  );
}

const sounds = new Map<string, string>();
const syllableIds = new Map<string, string>();

/** A key as it sounds, one character per syllable, so that edit distance counts syllables. */
function soundOf(key: string): string {
  return remembered(sounds, 20_000, key, (k) =>
    syllablesOf(k)
      .map((p) => {
        let c = syllableIds.get(p);
        if (!c) {
          c = String.fromCharCode(0xe000 + (syllableIds.size % 6000)); // a private-use character per syllable
          syllableIds.set(p, c);
        }
        return c;
      })
      .join(''),
  );
}

/** How alike two names are, written or said: a homophone (盛宏 / 盛泓) counts nearly as the same name. */
export function nameSimilarity(a: string | null, b: string | null): number {
  if (!a || !b) return 0;
  const written = keySimilarity(a, b);
  if (written >= 0.9) return written;
  return Math.max(written, 0.95 * keySimilarity(soundOf(a), soundOf(b)));
}

/** Words that say what kind of place or business a name is, not which one. */
const KIND =
  /(人民|中心|出行|服务|外卖|配送|新建|自建房|旅游|提质|改造|加固|扩建|维修|安置|环卫|环境|卫生|汽车|水利|堤防|大堤|班组|农贸|住院楼|教学楼|大楼|医院|卫生院|敬老院|养老院|幼儿园|学校|中学|小学|校区|宿舍|食堂|工地|公路|村道|道路|大桥|村部|小区|厂房|楼盘|新楼盘|工业园|园区|市场|超市|便利店|商店|饭店|酒店|餐馆|火锅|客栈|民宿|山庄|景区|古镇|石材|路桥|茶叶|茶园|砖厂|砂石|养猪场|养殖场|猪场|鸡场|鞋厂|电子|包装|竹木|木业|家政|保洁|物业|快递|网点)/g;

/** A key that names only a kind of place or business (人民医院, 火锅, 路桥, 中学宿舍): it says what, not which. */
export function isKindOnly(key: string): boolean {
  return (
    key
      .replace(KIND, '')
      .replace(/^[县镇乡村]+/, '')
      .replace(/[楼房场厂店院园部]+$/, '').length < 2
  );
}

/**
 * Two shops of one chain, or two businesses of one brand: the names agree in a first part (佳惠超市城)
 * and then go apart in a way that does not sound alike (东 / 西). A name with nothing after the common
 * part (佳惠超市) is not apart from either.
 */
export function branchesApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  if (common < 2 || common === x.length || common === y.length) return false;
  return keySimilarity(soundOf(x.slice(common).join('')), soundOf(y.slice(common).join(''))) < 0.9;
}

/** Places one of each kind stands in a township: a clinic and a school of one place are two sites. */
const INSTITUTION = /(卫生院|医院|中学|小学|中心校|学校|幼儿园|敬老院|养老院)/;

/**
 * Two sites by name, surely not one: what names them apart from the kind of place differs (山水名苑,
 * 金色阳光), or the place is one and the kinds are two institutions (杨溪桥卫生院, 杨溪桥中学).
 */
export function sitesApart(a: string, b: string): boolean {
  const core = (k: string) => k.replace(KIND, '').replace(/[楼房场厂店院园部]+$/, '');
  const [x, y] = [core(a), core(b)];
  if (x.length >= 2 && y.length >= 2 && nameSimilarity(x, y) < 0.5) return true;
  const [kx, ky] = [INSTITUTION.exec(a)?.[1], INSTITUTION.exec(b)?.[1]];
  return Boolean(kx && ky && kx !== ky);
}
