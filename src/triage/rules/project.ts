import { GENERIC_ORG_WORDS } from '../lexicon/org-suffixes';
import { isClient, isCorrected, isDescriptor } from './employer';
import { nameStart, widestSpans, withoutWords, type Span } from './name-span';
import { findPlaceChains, placeChainAt } from './place-chain';

/** How the name of a site or project ends. 工业园 is left out: it names a place, not a project. */
const PROJECT_SUFFIX =
  /项目(?!部|经理|上的人|负责人)|工程(?!有限|公司|队|师|款|部|延期)|工地|小区|花园|家园|安置房|安置区|广场|大厦|大楼|楼盘|物流园|产业园|度假村|公寓|新村|新城|综合楼|教学楼|宿舍楼|办公楼|住院楼|门诊楼|医技楼|实验楼|科技楼|行政楼|住宅楼|写字楼|图书馆|体育馆|政务中心|活动中心|商贸城|商城|商场|市场|安置点|华庭|华城|华府|豪庭|苑|(?<![政王])府(?![上里的])|名都|公馆|名城|名居|雅居|公路|大桥|引桥|连接线|号院|游客中心|游客服务中心|(?<=旧楼|提质|老街|棚户区)改造|[一二三四五六七八九十\d]期(?!间)/g;

/** Words that say "a project" without naming one. */
const GENERIC_PROJECT_WORDS = [
  '项目',
  '工程',
  '工地',
  '那个',
  '这个',
  '一个',
  '那些',
  '这边',
  '那边',
  '建设',
  '建筑',
  '施工',
  '装修',
  '安置',
  '厂房',
  '民房',
  '房子',
  '工业',
  '小区',
  '写字楼',
  '物流园',
  '产业园',
  '基地',
  '市场',
  '中心',
  // kinds of road: 通组公路, 村级道路
  '通组',
  '通村',
  '村级',
  '组级',
  '公路',
  '道路',
];

/** A name set in quotes (在“常德国际商贸城”项目) is the site as the writer names it. */
const QUOTED = /[“"「『]([^“”"「」『』，。,\s]{2,20})[”"」』](?=项目|工程|工地|基地|务工|做|上班|打工|从事)/;

/** "项目叫丹阳新苑", "楼盘叫锦绣江南", "一个安置房项目做水电，叫丹阳新苑": a site introduced, then its name. */
const SITE_THEN_NAME =
  /(项目|楼盘|小区|工地|工程)((?:(?!老板|包工头|工头|负责人|经理|老总|队长|班长|师傅|的人)[^，。,！？\s]){0,6}[，,]?)(的)?(名字|名称)?(叫做|名叫|叫)([^，。,！？\s□]{2,16})/;
/** "修那个村级活动中心": what is being built, named after a building verb and a determiner. */
const BUILT_THING = /(修|建|盖|新建|改造|翻修)(那个|这个)([\u4e00-\u9fa5A-Za-z0-9]{4,12})(?=[，。,！？!?\s]|$)/g;
/** 一个民宿工地, 一个隧道项目: a kind of site said with an indefinite word, not a site named. */
const INDEFINITE_BEFORE = /(一个|一处|一栋|一座|某个|某)$/;
const INDEFINITE_START = /^(一个|一处|一栋|一座|某个|某)/;
/** 在热市镇的百果园帮忙: an orchard or farm known by its name, one character before the trade included. */
const FARM = /(果园|茶园|橘园|桃园|梨园|果场|农场|林场|茶场|牧场|渔场)(?=帮|做|打工|摘|采|干|上班|里|的|当|喂)/g;
/** What is grown or kept there, or a word before a name: 柑橘果园, 大农场 are kinds. */
const FARM_KIND =
  /^(大|小|老|新|这|那|一|个|的|家庭|私人|生态|观光|采摘|苹果|葡萄|西瓜|蔬菜|水果|苗木|花卉|柑橘|橘子|柚子|桃子|[果茶橘柑柚桃梨李杏枣栗桑竹菜瓜莓鸡鸭鱼猪牛羊])+$/;
/** A suffix that is part of a place name (花园村, 维回新村) names no project. */
const PLACE_AFTER_SUFFIX = /^(村|镇|乡|路|街|社区)/;
/** 金桃广场三楼的健身会所: a building named as the address of a business on one floor is where, not what was built. */
const ADDRESS_AFTER_SUFFIX = /^(\d+|[一二三四五六七八九十]+)(楼|层)(的|那个|那家|一家|这家|里)/;

/** Drops leading county/town names (三阳港镇滨河安置房工程 → 滨河安置房工程); villages and roads stay. */
function withoutLeadingPlace(text: string, span: Span): Span {
  const chain = placeChainAt(span.text, 0);
  if (!chain) return span;
  const kept = chain.parts.findIndex((p) => p.level === 'village' || p.level === 'road');
  const cut = chain.parts.slice(0, kept === -1 ? undefined : kept).reduce((n, p) => n + p.text.length, 0);
  const start = span.start + cut;
  return { text: text.slice(start, span.end), start, end: span.end };
}

/** The named project, site or estate (LABELS.md project), outside the employer's name. */
export function extractProject(maskedText: string): string | null {
  const quoted = QUOTED.exec(maskedText)?.[1];
  if (quoted && !quoted.includes('□')) return quoted;
  const named = SITE_THEN_NAME.exec(maskedText)?.[6];
  if (named && withoutWords(named, GENERIC_PROJECT_WORDS).length >= 2) return named;
  const spans: Span[] = [];
  const villages = findPlaceChains(maskedText).flatMap((chain) => (chain.parts.at(-1)?.level === 'village' ? [chain.end] : []));
  for (const match of maskedText.matchAll(PROJECT_SUFFIX)) {
    const suffixStart = match.index ?? 0;
    let end = suffixStart + match[0].length;
    if (PLACE_AFTER_SUFFIX.test(maskedText.slice(end)) || ADDRESS_AFTER_SUFFIX.test(maskedText.slice(end)) || villages.includes(end))
      continue;
    const start = nameStart(maskedText, suffixStart, 14);
    if (INDEFINITE_BEFORE.test(maskedText.slice(Math.max(0, start - 2), start))) continue;
    // 万达广场？不是，是天虹商场: a site taken back.
    if (isCorrected(maskedText, { text: '', start: suffixStart, end })) continue;
    let span = withoutLeadingPlace(maskedText, { text: maskedText.slice(start, end), start, end });
    if (INDEFINITE_START.test(span.text)) continue;
    // 御景湾三期工地 names the estate; 工地 only says it is a site.
    if (span.text.endsWith('工地') && span.text.length > 4) {
      end -= 2;
      span = { text: span.text.slice(0, -2), start: span.start, end };
    }
    if (withoutWords(span.text, GENERIC_PROJECT_WORDS).length >= 2) spans.push(span);
  }
  for (const match of maskedText.matchAll(FARM)) {
    const suffixStart = match.index ?? 0;
    const start = nameStart(maskedText, suffixStart, 6);
    const raw = maskedText.slice(start, suffixStart);
    if (!raw || raw.includes('□') || FARM_KIND.test(raw) || INDEFINITE_BEFORE.test(maskedText.slice(Math.max(0, start - 2), start)))
      continue;
    if (placeChainAt(raw, 0)) continue;
    spans.push({ text: maskedText.slice(start, suffixStart + match[0].length), start, end: suffixStart + match[0].length });
  }
  for (const match of maskedText.matchAll(BUILT_THING)) {
    const name = match[3] ?? '';
    const start = (match.index ?? 0) + match[0].length - name.length;
    if (withoutWords(name, GENERIC_PROJECT_WORDS).length >= 2) spans.push({ text: name, start, end: start + name.length });
  }
  return widestSpans(spans)[0]?.text ?? null;
}

/** 店名叫…, 对外叫…, 门头写的…: the name a business trades under, as against its registered name. */
// (a name in quotation marks, "老灶台土菜馆", is the one on the door)
const TRADING_NAME_BEFORE = /(叫做|名叫|叫|店名是?|(门头|招牌|牌子)上?(写的是?|写着|是|叫)|对外(叫|是))[：:]?[“"「『]?$|[“"「『]$/;
const REGISTERED = /有限责任公司|股份有限公司|有限公司|集团/;
/** 我是县人民医院的保洁员: the speaker is on the staff of the place. */
const STAFF_OF = /^的(保洁|保安|护工|厨师|帮厨|服务员|司机|门卫|宿管|工人|员工|临时工|合同工)/;
/** 给县一中做保安, 为医院当保洁: placed at the place by the employer, to do a service job. */
const PLACED_AT_BEFORE = /(给|为|帮|派到|派去|派在)$/;
const SERVICE_JOB_AFTER = /^(做|当|搞)(保洁|保安|门卫|宿管|护工|厨师|帮厨|食堂|绿化|物业)/;
/** 在温泉酒店那边搞绿化: a place named to say where, near which the work was. */
const LANDMARK_AFTER = /^(旁边|附近|对面|门口|隔壁|后面|边上|那边|这边|那一带)/;

const GUARD_AT_GATE = /^(大)?门口(当|做)(保安|门卫)/;

/** 华丰纸业 said before 桃源县华丰纸业有限公司: a short form of the employer's own name. */
function sameBusiness(org: string, employer: string): boolean {
  const core = withoutWords(org, GENERIC_ORG_WORDS).replace(/[店厂站]$/, '');
  return core.length >= 2 && employer.includes(core);
}

/**
 * "店名叫蜀香阁火锅，执照上是…有限公司": when the employer is the registered company, the name the
 * business trades under is the store the work was on (LABELS.md project).
 */
export function tradingName(text: string, orgs: readonly Span[], employer: string | null): string | null {
  if (!employer || !REGISTERED.test(employer)) return null;
  const trading = orgs.find((org) => org.text !== employer && TRADING_NAME_BEFORE.test(text.slice(Math.max(0, org.start - 6), org.start)));
  return trading?.text ?? null;
}

/**
 * "在县人民医院做保洁，外包给洁美家政…": when the employer is another organisation, the one the
 * work was done at is the project (LABELS.md: the site or store the work was on).
 */
export function workplaceApartFromEmployer(text: string, orgs: readonly Span[], employer: string | null): string | null {
  if (!employer || !orgs.some((org) => org.text === employer)) return null;
  const workplace = orgs.find(
    (org) =>
      org.text !== employer &&
      !sameBusiness(org.text, employer) &&
      // 在一个种植合作社打工，合作社注册的名字是…: the kind of business is the employer itself.
      !isDescriptor(text, org) &&
      !isCorrected(text, org) &&
      (/(在|到|去)[^，。,\s]{0,6}$/.test(text.slice(Math.max(0, org.start - 7), org.start)) ||
        STAFF_OF.test(text.slice(org.end, org.end + 6)) ||
        (PLACED_AT_BEFORE.test(text.slice(Math.max(0, org.start - 2), org.start)) &&
          SERVICE_JOB_AFTER.test(text.slice(org.end, org.end + 6)))) &&
      // (在桃源二中门口当保安: the gate of the place guarded is still that place)
      (!LANDMARK_AFTER.test(text.slice(org.end, org.end + 4)) || GUARD_AT_GATE.test(text.slice(org.end, org.end + 6))),
  );
  return workplace?.text ?? null;
}

/** 桃花溪民宿的装修, 给宏达超市装修: a business named as the place being built or fitted out. */
const BUILT_AFTER = /^的?(装修|翻修|改造|扩建|改扩建|维修|施工|工地|外墙|水电)/;

/** When a person owes, a business the work was done on is the site (LABELS.md project). */
export function businessBeingBuilt(text: string, orgs: readonly Span[], employer: string | null): string | null {
  if (orgs.some((org) => org.text === employer)) return null;
  return (
    orgs.find((org) => org.text !== employer && (BUILT_AFTER.test(text.slice(org.end, org.end + 4)) || isClient(text, org)))?.text ?? null
  );
}
