import { payerAtStart } from './wage-evidence';
import { TAKEN_BACK, type ReadableText } from '../text/transcript';
import { recentResults } from '../text/recent-results';
import { findOrganisations } from './organisations';
import { NOT_NAMES, SURNAMES } from '../lexicon/surnames';
import { personNameAt } from './person-names';
import { placeChainAt } from './place-chain';
import { withoutWords, type Span } from './name-span';
import { GENERIC_ORG_WORDS } from '../lexicon/org-suffixes';
import { shopNameFromAnswers } from './shop-names';
import { TAOYUAN_TOWNSHIPS } from '../lexicon/taoyuan-gazetteer';

const OWED_NEAR = /欠|拖|扣|冇给|没给|不给|冇发|没发|不发|跑路|冇结|没结|不结/;
/**
 * Roles before a name: 老板胡伟, 包工头叫马德兵, 个体户老板叫黄志强, 合作社的理事长叫…, 队长叫…, and the
 * one the worker worked for (跟着做事的那个人叫…).
 */
const ROLE_THEN_NAME =
  /(包工头|包公头|工头|老板娘|老板|老总|班组长|承包人|负责人|站长|园长|园主|场主|塘主|矿主|窑主|店长|店主|摊主|厂长|经理|总经理|董事长|理事长|社长|法人代表|法人|东家|雇主|女主人|男主人|主人家|(?:种田|种植|养殖)?大户|种植户|养殖户|承包户|个体户|队长|工长|(?:队|班|组)的?头(?:头|子)?|欠(了)?(我|我们)?(的)?(工资|工钱|钱)?的(人|那个人)?|(跟着?|帮|给|替)[^，。,！？\s]{0,4}(做事|干活|做工|打工|做)的(那个|这个)?人|带(着)?(我们|我)[^，。,！？\s]{0,4}的(那个|这个)?人?)(的名字)?[，,\s]*(名字)?(叫做|名叫|叫|是|为|姓名是)?\s*/g;
/** 包工头是桃源人叫陈国栋, 包工头是邵阳的，叫贺国庆: a role, a few words about the person, then the name. */
const ROLE_DESCRIBED_THEN_NAME =
  /(包工头|工头|老板|老总|承包人|负责人|队长|班组长)(是|就是)?[^，。,！？\s叫]{1,8}?[，,]?(他|她)?(叫做|名叫|叫)/g;
/** 老板就是那个开白色面包车的曹满生: the role, a description of the person, then the name. */
const ROLE_IS_THE_ONE_WHO =
  /(包工头|工头|老板|老总|承包人|负责人|队长)(就)?是(那个|这个|个)?[^，。,！？\s]{1,12}的(?=[\u4e00-\u9fa5]{2,3}(?:[，。,！？\s]|$))/g;
/** 包工头是我们本地的熊佳明, 包工头是我们桃源老乡黄志强: a role, where the person is from, then the name. */
const ROLE_LOCAL_THEN_NAME =
  /(包工头|工头|老板|老总|承包人|负责人)(是|就是)(我们|我的)?[^，。,！？\s叫]{0,4}?(老乡|本地的|当地的|村里的|本村的|亲戚)/g;
/**
 * Roles that name the payer only when the text says so (师傅叫…, 房主叫…): a 师傅 may be a
 * workmate, and the owner of a house owes only when no contractor stood between.
 */
const NAMED_ROLE_THEN_NAME =
  /(带班的?|带我们的师傅|师傅|师父|班长|领班|房主|屋主|户主|业主)(的名字)?[，,\s]*(叫做|名叫|叫|是|姓名是)\s*|(?<=帮|给|替|的)(屋主|房主|户主|主家)|主家(?=[\u4e00-\u9fa5]{1,2}先生)/g;
/** 一个叫鲁大江的师傅, 叫钟华的老板: the name given in passing before the role. */
const CALLED_THEN_ROLE =
  /(叫做|名叫|叫)[“"「]?(?=[\u4e00-\u9fa5]{2,3}[”"」]?的(师傅|师父|老板|包工头|工头|老总|头|人?包的|承包的|人?请的))/g;
/** 李德胜，他是包工头; 杨某某这个包工头. */
const NAME_THEN_ROLE =
  /([\u4e00-\u9fa5]{2,4})(?:[，,]?(他|她)?(是|就是)|这个|那个)(包工头|工头|老板|老总|承包人|我们老板|我们的老板|屋主|房主|户主|东家)/;
/** 店是李国富开的, 李国富开的五金店: the one who runs the business. */
/** 班长黄二毛喊我们来的: the one who called the workers in. */
const NAME_THEN_RUNS =
  /([\u4e00-\u9fa5]{2,4})(自己)?(一个人)?(开的|承包的|包的|请的|雇的|招的|(喊|叫|带)(我们|我)(来|去|过来)的?|喊(我们|我)帮(他|她)|[，,]?(他|她)?(请|雇|招)(了)?(我们|我))/;
/** 厂子是吕国平的: the one the business belongs to. */
const BUSINESS_OF = /(厂子|厂|店子|店|门面|作坊|场子|饭店|餐馆|超市|公司|鱼塘|果园|猪场)(是|归)/g;
/** 熊师傅欠我们…, 跟着熊师傅做: a master named by surname who hired or owes. */
const BARE_MASTER = /(?:^|[，。！？,\s是找跟给帮着到])([\u4e00-\u9fa5])(师傅|师父)/g;
const HIRED_BY_BEFORE = /(跟|跟着|跟到|帮|给|替)$/;
/** Who a later 他 refers to: a payer's role, or a relative or workmate of the speaker. */
const REFERENT =
  /包工头|工头|大户|老板|老总|班组长|承包人|负责人|东家|雇主|屋主|房主|老公|老婆|爱人|儿子|女儿|崽|工友|同事|徒弟|兄弟|老乡|师傅/g;
/** "包工头欠了我们工钱，叫王建华": a clause that names the role spoken of just before. */
const LATER_NAME = /(?:^|[，,。\s])(他|她)?(的)?(名字)?(叫做|名叫|叫)/g;
const ROLE_WORD = /包工头|工头|大户|老板|老总|班组长|承包人|负责人|站长|园长|店长|厂长|经理|东家|雇主|屋主|房主/;
/** 姓刘的老板, 姓韦的广西老板 → 韦老板; "老板是个私人老板，姓宋" → 宋老板. */
const SURNAMED_BOSS =
  /姓([\u4e00-\u9fa5])的(?:[^，。,！？\s的]{0,4}?)(老板|包工头|工头|老总)|(?:老板|包工头|工头|老总|承包人|负责人|班组长)(?!娘)(?:[^，。,！？\s]{0,8}[，,\s]|(?:是|就是)(?:一个|个)?)?姓([\u4e00-\u9fa5])/;
/** 郭老板娘个体户: a woman boss by surname, at a boundary. */
const BARE_BOSS_WOMAN = /(?:^|[，。！？,\s是找跟给帮的点店])([\u4e00-\u9fa5])老板娘/g;
/** 老板娘姓杨 → 杨老板娘. */
const SURNAMED_BOSS_WOMAN = /老板娘(?:[^，。,！？\s]{0,8}[，,\s])?姓([\u4e00-\u9fa5])|姓([\u4e00-\u9fa5])的老板娘/;
/** 老四是我们那里的包工头: a nickname, then the role. */
const NICKNAME_THEN_ROLE =
  /(老[大二三四五六七八九十幺]|小[\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,2}?(?:哥|伢子))(?:是|就是)[^，。,！？\s]{0,6}?(?:包工头|工头|老板|班长)/;
/** 姓熊的师傅 → 熊师傅; "跟着一个师傅搞防水，师傅姓龚" → 龚师傅 (the one worked under). */
const SURNAMED_MASTER =
  /(?:跟着?|跟到|帮)[^，。,！？\s]{1,8}的([\u4e00-\u9fa5])(师傅|师父)(?=做|干|搞|打|修|装|在)|姓([\u4e00-\u9fa5])的(师傅|师父)|(?:跟着?|跟到|带我的?|帮|给)(?:一个|那个)?(?:[\u4e00-\u9fa5]{0,2}?)(师傅|师父)[^。！？]{0,12}?(?:师傅|师父)?姓([\u4e00-\u9fa5])/;
/** 大家都喊他唐老板, 都叫他王总, 我们都喊宋老板. */
const NICKNAMED_BOSS =
  /(喊|称|叫)(他|她)?(做)?([\u4e00-\u9fa5]{1,2}?(老板|老总|师傅|总|哥|姐|伢子|老[大二三四五六七八九十幺]|胖子|矮子|瘦子|麻子|驼子|书记|主任|经理|村长|支书|校长|院长|主管|站长|场长)|(?<=(?:喊|叫)(?:他|她))(?:小[\u4e00-\u9fa5]|老(?![板总乡婆公家实人师大])[\u4e00-\u9fa5])(?=[，。,！？\s]|$))/;
/** 包头老四欠我们工钱, 老板强哥: a boss's role, then what everyone calls him. */
const ROLE_THEN_NICKNAME =
  /(包工头|包头|工头|老板|班长|班组长)(叫|是)?(老[大二三四五六七八九十幺]|[\u4e00-\u9fa5]{1,2}?(哥|伢子))(?=[欠讲说拖，。,！？\s]|$)/;
/** 外号"黑皮", 外号叫猴子: the nickname the boss goes by. */
const NICKNAME_CALLED = /外号(?:叫做?|是)?[“"「]?([\u4e00-\u9fa5]{2,3}?)[”"」]?(?=[，。,！？\s]|$|真名|的)/;
/** 胡子（老板外号，真名不晓得）, 包工头黑皮（不晓得他真名）: a nickname glossed as one in brackets. */
const NICKNAME_GLOSSED =
  /(?:^|[，。,！？\s]|包工头|工头|包头|老板|班长)([\u4e00-\u9fa5]{2,3}?)[（(][^）)]{0,8}?(外号|绰号|真名|本名|大名|名字)/;
/** 帮"强哥"卖衣服: the one worked for, by a name in quotation marks. */
const HIRED_BY_QUOTED = /(?:帮|给|跟着?|替)[“"「]([\u4e00-\u9fa5]{1,4})[”"」](?=做|干|搞|打|卖|看|守|开|送|修|装|带)/;
/** 搞养殖的老板…大家都喊他黑皮: what everyone calls the boss, after the boss is spoken of. */
const EVERYONE_CALLS = /(?:大家|别个|人家|我们)(?:都)?(?:喊|叫)(?:他|她)(?:做)?([\u4e00-\u9fa5]{2})(?=[，。,！？\s]|$)/;

function everyoneCalls(text: string): string | null {
  const match = EVERYONE_CALLS.exec(text);
  const name = match?.[1];
  if (!name || !/老板|包工头|工头|老总/.test(text.slice(0, match.index)) || NOT_A_NAME_START.test(name) || ROLE_WORD.test(name))
    return null;
  return NOT_NAMES.some((word) => name.startsWith(word)) ? null : name;
}
/** 大家都喊他"眼镜": a nickname in quotation marks, whatever it is. */
const CALLED_HIM_QUOTED = /(?:喊|叫|称)(?:他|她)(?:做)?[“"「]([\u4e00-\u9fa5]{1,4})[”"」]/;
/** 跟的是湖南老乡曾国良: the one worked under, described, then named. */
const WORKED_UNDER = /跟(?:着)?的是[^，。,！？\s]{0,6}?(?=[\u4e00-\u9fa5]{2,3}(?:[，。,！？\s]|$))/g;
/** 大家都喊他石老虎: a surname and a name everyone calls the boss by. */
const CALLED_HIM = /(?:喊|叫|称)(?:他|她)(?:做)?([\u4e00-\u9fa5]{2,3}?)(?=[，。,！？\s]|$|的)/;
/** "黑皮 就是那个带我们做钢筋的": a message that starts with the nickname of the one who led the work. */
const NICKNAME_IS_THE_ONE = /^([\u4e00-\u9fa5]{2,3})[\s，,]*(就是|是)(那个|这个)?(带|包|喊|请|管)/;
/** 卖猪肉的胖哥请我帮忙: a boss known by a nickname, said to hire or owe. */
const NICKNAME_HIRES = /的([\u4e00-\u9fa5]{1,2}?(哥|姐|伢子|嫂|叔))(请|喊|叫|雇|招|欠|拖)(了)?(我|我们)/;
/** A bare 唐老板 / 王总 after a boundary. */
const BARE_BOSS =
  /(?:^|[，。！？,\s是找跟给帮的点店厂部头板道镇乡村路街得诉报映])([\u4e00-\u9fa5])(老板|老总|总(?![共计部])|站长|厂长|店长|队长|书记|经理|主任|村长|支书|园长|校长)(?!娘)/g;
/** The operator asking for the boss's name; the caller's answer then starts with 叫… */
const ASKS_FOR_NAME = /(老板|包工头|负责人|对方|他).{0,4}(叫什么|名字|是谁|姓什么)|叫什么名字/;
const ANSWER_NAME = /^(嗯|哦|那个|就是)?[，,]?(他|老板|包工头)?(是)?(一个|个)?(叫做|叫|是|姓名是)/;
const ANSWER_SURNAME = /^(嗯|哦|那个|就是)?[，,]?(他|老板|包工头)?(是)?姓([\u4e00-\u9fa5])/;

/** "外包给洁美家政…", "承包的是…", "物业是…": the org the workers were hired through. */
const HIRED_THROUGH_BEFORE =
  /(请(我|我们)的(人)?是|外包给|包给|承包的是|承包商是|物业是|单位是|老板是|签的合同是|派遣到?|跟|给|帮|替)[^，。,\s]{0,2}$/;
/** "跟湘禹水利…签的分包", "总包是…": a company above the one that owes, named for the record. */
const UPSTREAM_BEFORE = /(总包|开发商|甲方|业主|上面)(单位)?(是|的|为)?[（(]?$|(他|她|老板|包工头)是(从|跟)$/;
const UPSTREAM_AFTER =
  /^[^，。,\s]{0,2}(签的?(分包|合同)|分包|转包|总包|接的活|接的工程|包的活|是(业主|甲方|开发商|建设单位)|(下面|底下)(的)?(一个)?(劳务)?(班组|包工头|劳务队|队伍|施工队))|^[^，。,\s]{0,2}(冇|没|没有|不)(给|付|拨|结)(他们|他|她|公司|老板|包工头)/;
/** 我在X接的活: the speaker took the job from X, who is then the one that owes. */
const SPEAKER_TOOK_JOB = /(我|我们)(是)?(在|从|跟)$/;

const AGENCY = /中介|劳务派遣|派遣|人力/;
const FACTORY_PAYS =
  /(中介|他们)[^。！？]{0,8}(只管介绍|不管发工资|不管工资|不发工资)|工资(是|都是|一直是)?厂里(财务)?(直接)?(发|打)(?![^，。,！？\s]{0,2}中介)/;
const AGENCY_PAYS =
  /(工资|钱)(是|都是|一直是)?(人力|中介|派遣)(公司)?(发|给|打)|(工资|钱)[^。！？，,]{0,6}(打给|发给|给)(了)?中介|中介[^。！？，,]{0,4}(扣着|扣了|拿着|截留|发工资|冇发|没发|不发)/;

/** An org that the text places above the real employer (the main contractor, the developer). */
/** "第四中学新宿舍楼工地", "人民医院住院综合楼": an org named as the site being built, not the one that pays. */
const SITE_AFTER =
  /^[^，。,\s]{0,6}(工地|项目(?!部|经理)|工程|大楼|综合楼|教学楼|宿舍楼|办公楼|住院楼|门诊楼|医技楼|实验楼|行政楼|食堂|改造|扩建|新建|维修|装修)/;

const BUILDING_SITE_AFTER = /^[^，。,\s]{0,6}(工地|扩建|新建|改建|改造|翻修)/;

export function isSiteOrg(text: string, org: Span): boolean {
  return SITE_AFTER.test(text.slice(org.end, org.end + 12));
}

export function isUpstream(text: string, org: Span): boolean {
  const after = text.slice(org.end, org.end + 8);
  if (/^[^，。,\s]{0,2}接的(活|工程)/.test(after) && SPEAKER_TOOK_JOB.test(text.slice(Math.max(0, org.start - 4), org.start))) return false;
  return UPSTREAM_BEFORE.test(text.slice(Math.max(0, org.start - 6), org.start)) || UPSTREAM_AFTER.test(after);
}

/** 豪运鞭炮厂？不是，是…红旗花炮厂: a name the speaker takes back at once. */
const CORRECTED_AFTER = new RegExp(`^\\s*[？?]?[\\s，,…。.]*(哦|噢|啊|呃)?[\\s，,…]*${TAKEN_BACK}`);

/** 叫乡里人家的饭店做帮厨，哦不是，叫乡里乡亲: taken back at the end of its clause. */
const CORRECTED_LATER = new RegExp(`^[^，。,！？\\s]{0,8}[，,。\\s]+(哦|噢|呃)[，,\\s]*${TAKEN_BACK}`);

export function isCorrected(text: string, span: Span): boolean {
  return CORRECTED_AFTER.test(text.slice(span.end, span.end + 8)) || CORRECTED_LATER.test(text.slice(span.end, span.end + 18));
}

/** 一家汽修厂, 一个合作社: a kind of business, said before its name is given (or instead of one). */
const DESCRIPTOR_BEFORE = /(一家|一个|一间|一所|某家|某个|这种|那种)$/;

export function isDescriptor(text: string, org: Span): boolean {
  return DESCRIPTOR_BEFORE.test(text.slice(Math.max(0, org.start - 3), org.start));
}
/** 公司叫…, 厂名是…, 全称…: the name itself, given after the kind of business. */
const NAMED_BEFORE = /(叫做|名叫|叫|名字是|全称是?|全名是?|厂名是?|店名是?|单位是)[：:]?[“"「]?$/;
const REGISTERED = /有限责任公司|股份有限公司|有限公司|集团/;
/**
 * Public bodies and developers (县人民医院, 第三中学, 置业公司) are where the work was, who ordered it
 * or who is above the contractor; they pay only when nobody else is named.
 */
const PUBLIC_OR_DEVELOPER = /(小学|中学|[一二三四五六七八九十]中$|大学|学院|医院|卫生院|政府|法院|派出所|局|车站|客运站|置业|房地产|地产)/;
/** 在县一中旁边, 医院对面: a landmark. */
const LANDMARK_AFTER = /^(旁边|附近|对面|斜对面|门口|隔壁|后面|边上|那边|这边|里面的)/;
/** 给宏达超市装修, 帮县一中刷墙: the business had work done; a builder (建设, 装饰) is still the one hiring. */
const CLIENT_BEFORE = /(给|帮|替|为)$/;
const BUILDING_WORK_AFTER =
  /^[^，。,\s]{0,2}?(装修|修建|新建|建|盖|砌|刷墙|粉刷|贴砖|贴瓷砖|安装|施工|(做|搞)(外墙|水电|防水|装修|保温|油漆))/;
const BUILDER = /建设|建筑|工程|劳务|装饰|装修|施工|路桥|市政/;

/** Someone else the text says hired or owes: then a public body or client is not the payer. */
const OTHER_PAYER = /包工头|工头|老板|承包|劳务|施工队|装修队|安装队|外包|班组长/;

interface OrgChoice {
  org: Span;
  /** 'descriptor': a kind of business, 'passing': a client, landmark or public body; a named person comes first. */
  kind: 'named' | 'descriptor' | 'passing';
}

export function isClient(text: string, org: Span): boolean {
  const before = text.slice(Math.max(0, org.start - 3), org.start);
  if (CLIENT_BEFORE.test(before) && BUILDING_WORK_AFTER.test(text.slice(org.end, org.end + 6)) && !BUILDER.test(org.text)) return true;
  // 叫锦悦宾馆，他包了宾馆的装修: the business whose fitting-out someone else took on.
  const kind = org.text.slice(-2);
  if (!['装修', '翻修', '改造'].some((work) => text.includes(`${kind}的${work}`))) return false;
  return !BUILDER.test(org.text) && new RegExp(`(包了?|接了?|搞)(这个|那个)?${kind}的(装修|翻修|改造)`).test(text);
}

function isPassing(text: string, org: Span): boolean {
  return PUBLIC_OR_DEVELOPER.test(org.text) || LANDMARK_AFTER.test(text.slice(org.end, org.end + 6)) || isClient(text, org);
}

/** The words after an org up to the end of its clause (at most 8 characters). */
function clauseAfter(text: string, org: Span): string {
  return /^[^，。,！？；;\n]*/.exec(text.slice(org.end, org.end + 8))?.[0] ?? '';
}

/** "…宏发包装厂，宏发欠我两个月": the business, then its short name as the one who owes. */
function owedByShortName(text: string, org: Span): boolean {
  // (nothing owed after the name, and no "欠…的是": no short name to look for)
  if (!OWED_NEAR.test(text.slice(org.end, org.end + 14)) && !/欠[^，。,！？\s]{0,6}的是/.test(text)) return false;
  const core = withoutWords(org.text, GENERIC_ORG_WORDS).slice(0, 2);
  if (core.length < 2) return false;
  // (…欠我工钱的是鑫隆: the debtor named by its short name after the debt)
  if (new RegExp(`欠[^，。,！？\\s]{0,6}的是${core}`).test(text)) return true;
  // (…洁美家政保洁公司，工资也是洁美发，洁美欠了我: the short name within the next clauses)
  for (let at = text.indexOf(core, org.end); at >= 0 && at - org.end <= 10; at = text.indexOf(core, at + 1)) {
    if (OWED_NEAR.test(text.slice(at + 2, at + 5))) return true;
  }
  return false;
}

/**
 * The organisation that owes among those named: a registered or named one over a kind of business
 * (一个直播公司，公司叫…), and one said to owe over one that only hired.
 */
function chooseOrganisation(text: string, orgs: readonly Span[]): OrgChoice | undefined {
  const direct = orgs.filter((org) => !isUpstream(text, org) && !isSiteOrg(text, org) && !isCorrected(text, org));
  const descriptor = (org: Span): boolean => isDescriptor(text, org);
  const named = (org: Span): boolean => NAMED_BEFORE.test(text.slice(Math.max(0, org.start - 4), org.start));
  let strong = direct.filter((org) => !isPassing(text, org) && !descriptor(org));
  // An agency beside the factory: the one the text says pays (工资早就打给中介哒 / 中介不管发工资).
  const agencies = strong.filter((org) => AGENCY.test(org.text));
  if (agencies.length > 0 && agencies.length < strong.length) {
    if (FACTORY_PAYS.test(text)) strong = strong.filter((org) => !AGENCY.test(org.text));
    else if (AGENCY_PAYS.test(text)) strong = agencies;
  }
  // "店名叫蜀香阁火锅，执照上是…有限公司": the registered company over the name on the door.
  const best =
    strong.find((org) => OWED_NEAR.test(clauseAfter(text, org)) || owedByShortName(text, org)) ??
    strong.find((org) => REGISTERED.test(org.text)) ??
    strong.find(named) ??
    strong.find((org) => HIRED_THROUGH_BEFORE.test(text.slice(Math.max(0, org.start - 8), org.start))) ??
    strong[0];
  // 盛荣劳务欠我们 after 湖南盛荣建筑劳务有限公司: the registered name of the business said to owe.
  const core = best ? withoutWords(best.text, GENERIC_ORG_WORDS).slice(0, 2) : '';
  const registered =
    best && !REGISTERED.test(best.text) && core.length === 2
      ? strong.find((org) => org !== best && REGISTERED.test(org.text) && org.text.includes(core))
      : undefined;
  if (registered) return { org: registered, kind: 'named' };
  if (best) return { org: best, kind: 'named' };
  const kind = direct.find((org) => !isPassing(text, org));
  if (kind) return { org: kind, kind: 'descriptor' };
  // 在县实验小学当保安，学校欠…: a public body pays when nobody else is said to, and a client never.
  const passing = direct.find((org) => !isClient(text, org));
  return passing && !OTHER_PAYER.test(text) ? { org: passing, kind: 'passing' } : undefined;
}

function fullNameWithSurname(text: string, surname: string): string | null {
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const name = personNameAt(text, at);
    if (!name || /^.(老板|老总|师傅|师父|的|某)/.test(text.slice(at, at + 3))) continue;
    // 郑家驿 is a town, not Mr 郑.
    if (!placeChainAt(text, at)) return name;
  }
  return null;
}

/** The name that ends exactly at `at`, of two or three characters. */
function nameEndingAt(text: string, from: number, at: number): string | null {
  for (let start = at - 3; start <= at - 2; start++) {
    const name = start >= from ? personNameAt(text, start) : null;
    if (name && start + name.length === at) return name;
  }
  return null;
}

const TOWN_SHORTS = TAOYUAN_TOWNSHIPS.map((t) => t.short);

/** 包工头是张家界慈利人, 老板是杨溪桥本地的: a place the person is from, read where a name could start. */
function isPlaceName(text: string, at: number, name: string): boolean {
  const chain = placeChainAt(text, at);
  // 常德人, 常德来的: a place and the word after it.
  const placeThenWord = chain !== null && chain.end === name.length - 1 && /[人来那边]$/.test(name);
  return (chain !== null && chain.end >= name.length) || placeThenWord || TOWN_SHORTS.some((short) => text.startsWith(short, at));
}

/** A personal name at `at` that is not a place. */
function nameAt(text: string, at: number): string | null {
  const name = personNameAt(text, at);
  return name && !isPlaceName(text, at, name) ? name : null;
}

/** 包工头叫贝志强: after an explicit 叫, a name of two or three characters whose surname is not listed. */
const CALLED_END = /(叫做|名叫|叫)\s*[“"「]?$/;
const UNLISTED_NAME = /^[\u4e00-\u9fa5]{2,3}(?=[，。,！？!?；;、\s”"」]|$|的(?!人|时候))/;
const NOT_A_NAME_START = /^[我你他她它们这那哪什啥一个某不没冇无有在是的了就也都还要会去来做干]/;

function unlistedNameAt(text: string, at: number): string | null {
  const name = UNLISTED_NAME.exec(text.slice(at, at + 4))?.[0];
  if (!name || NOT_A_NAME_START.test(name) || NOT_NAMES.some((word) => name.startsWith(word))) return null;
  return isPlaceName(text, at, name) ? null : name;
}

function nameAfter(text: string, pattern: RegExp): string | null {
  for (const match of text.matchAll(pattern)) {
    const at = (match.index ?? 0) + match[0].length;
    const name = nameAt(text, at) ?? (CALLED_END.test(match[0]) ? unlistedNameAt(text, at) : null);
    // 老板连工资都不给: 连 is a surname, 连工资 no name.
    if (name && !NOT_A_PERSON_END.test(name)) return nameSaidAgain(text, at + name.length, name) ?? name;
  }
  return null;
}

/** 叫方正勇，哦，方志勇: the name said again, with the same surname, right after a hesitation. */
const SAID_AGAIN = new RegExp(`^[。，,\\s]*(?:(?:哦|噢|呃|${TAKEN_BACK})[。，,\\s]*)+(?:是)?`);

function nameSaidAgain(text: string, end: number, name: string): string | null {
  const again = SAID_AGAIN.exec(text.slice(end, end + 12));
  if (!again) return null;
  const other = nameAt(text, end + again[0].length);
  return other && other !== name && other[0] === name[0] ? other : null;
}

/** The name at `at`, of three characters or its first two, that the text after satisfies. */
function nameFollowedBy(text: string, at: number, after: RegExp): string | null {
  const name = nameAt(text, at);
  if (!name) return null;
  if (after.test(text.slice(at + name.length, at + name.length + 8))) return name;
  if (name.length !== 3) return null;
  const shorter = nameAt(text.slice(0, at + 2), at);
  return shorter && after.test(text.slice(at + 2, at + 10)) ? shorter : null;
}

/** 帮邹志刚开压路机, 跟周德富的装修队做事, 为个人刘某某打零工: the one the speaker worked for, by name. */
const HIRED_BY_VERB = /(?:跟着?|帮|给|替|为)(?:个人|私人)?/g;
const WORK_FOR_NAME_AFTER =
  /^(?!打(?:电话|个电话|听)|看(?:一下|下|看|病)|送(?:信|礼))(?:家里|屋里|家)?(?:做|干|开|搞|打|砌|修|装|贴|刷|看|守|养|种|当|带|跑|送|拉|摘|采|喂|挖|搬|扛|卖|盖|建|铺|焊|抹|砍|割|挑|锯|剁|杀|洗|煮|炒|起屋)|^(?:班组|班子)|^的[\u4e00-\u9fa5]{0,4}?(?:装修队|施工队|工程队|劳务队|队伍|班组|队|店|厂|工地|场|园|公司|项目|工程|网点|站点|基地|鱼塘|门面|超市)/;
/** Words that end no personal name: 石场, 余款, 万元. */
const NOT_A_PERSON_END = /[厂场店司部队园站社款元钱资费月天年道镇乡村街人]$/;

function hiredByName(text: string): string | null {
  for (const match of text.matchAll(HIRED_BY_VERB)) {
    const at = (match.index ?? 0) + match[0].length;
    // 帮养猪的谢永红喂猪, 帮漆家河镇街上卖手机的李小军守门面: a description of the person, then the name.
    // (帮漆家河镇花园村的覃德顺砌新屋: where the person lives, then the name)
    const place = placeChainAt(text, at);
    const described =
      DESCRIBED_BEFORE_NAME.exec(text.slice(at, at + 14))?.[0].length ?? (place ? place.end + (text[at + place.end] === '的' ? 1 : 0) : 0);
    const name =
      nameFollowedBy(text, at, WORK_FOR_NAME_AFTER) ??
      (described > 0 ? nameFollowedBy(text, at + described, WORK_FOR_NAME_AFTER) : null) ??
      (described > 0 && /^(做|干|搞)/.test(text.slice(at + described + 2, at + described + 3)) ? familiarAt(text, at + described) : null);
    // (跟骆师傅做的: a master, whose full name the master rules look for)
    if (name && !NOT_A_PERSON_END.test(name) && !/^.(师傅|师父)$/.test(name)) return name;
  }
  return null;
}

const DESCRIBED_BEFORE_NAME = /^[^，。,！？\s的]{0,10}?(卖|开|养|种|做|搞|修)[^，。,！？\s的]{0,6}的/;

/** 帮…鲁大爷屋里修围墙: an elder addressed by surname whose house the work was on. */
const SURNAMED_ELDER =
  /(?:^|[的帮给替跟，,\s])([\u4e00-\u9fa5])(大爷|大伯|大叔|伯伯|叔叔|大妈|奶奶|阿姨|嫂子)(屋里|家里|家|屋)?(修|砌|建|盖|装|做|搞|起屋)/;

/** 帮业主钟先生屋里贴砖: the house owner by surname and a polite title. */
const OWNER_TITLED = /(业主|屋主|房主|户主|主家)([\u4e00-\u9fa5])(先生|女士|老师)/;
/** 李满姑屋里新屋装修: the person whose house was being built or fitted out. */
const HOUSE_WORK = /(屋里|家里|家)(的)?(新屋|新房|房子|装修|起屋|盖房|修房|砌|(修|盖|建|起)了?(一栋|一座|栋|座)?(新)?(房子|屋|楼))/;
const HOUSE_WORK_AFTER = new RegExp(`^${HOUSE_WORK.source}`);

function houseOwner(text: string): string | null {
  const titled = OWNER_TITLED.exec(text);
  if (titled && SURNAMES.has(titled[2] ?? '')) return `${titled[2] ?? ''}${titled[3] ?? ''}`;
  if (!HOUSE_WORK.test(text)) return null;
  for (let at = 0; at < text.length; at++) {
    if (!SURNAMES.has(text[at] ?? '')) continue;
    const name = nameFollowedBy(text, at, HOUSE_WORK_AFTER);
    if (name && name.length >= 2 && !NOT_A_PERSON_END.test(name)) return name;
  }
  return null;
}

function elderBySurname(text: string): string | null {
  const match = SURNAMED_ELDER.exec(text);
  return match && SURNAMES.has(match[1] ?? '') ? `${match[1] ?? ''}${match[2] ?? ''}` : null;
}

/** 开服装店的龙志杰, 包工程的那个胡某: the one who runs the business or took on the job. */
const RUNS_THEN_NAME =
  /(?:开|承包|包|经营)[^，。,！？\s]{0,6}?(?:店|厂|馆|场|园|超市|公司|门面|作坊|工程|工地|项目|楼盘|房子|鱼塘)的(?:那个|这个)?/g;

/** 刘某某拖欠其劳务费, 是花玉兰不给, 那个彭老四，欠我们…: a person named as the one who owes. */
const OWES_AFTER =
  /^[，,\s]?(他|她)?(的)?(工钱|工资)?(还|一直|就|也|都)?(拖欠|欠|拖着|拖了|拖到|不给|冇给|没给|不发|冇发|没发|不结|冇结|赖账|跑路|跑了(?!好|几|很|[一二两三四五六七八九十\d]))/;
/** 我是王刚: the speaker's own name. */
const OWN_NAME_BEFORE = /(我|本人|俺)(是|叫)$/;
const NAME_SLOT_BEFORE = /(?:^|[，。！？,\s：:]|是|那个|这个|投诉|举报|反映|的)$/;

function nameThenOwes(text: string): string | null {
  for (let at = 0; at < text.length; at++) {
    if (!SURNAMES.has(text[at] ?? '') || !NAME_SLOT_BEFORE.test(text.slice(Math.max(0, at - 2), at))) continue;
    if (OWN_NAME_BEFORE.test(text.slice(Math.max(0, at - 3), at))) continue;
    const name = nameFollowedBy(text, at, OWES_AFTER);
    if (name && !NOT_A_PERSON_END.test(name)) return name;
  }
  return null;
}

/** 熊师傅 when the speaker worked for him or he owes. */
function masterBySurname(text: string): string | null {
  const surnamed = SURNAMED_MASTER.exec(text);
  const surname = surnamed?.[1] ?? surnamed?.[3] ?? surnamed?.[6];
  // (跟邹师傅做的，邹光明: the full name once given)
  if (surname) return fullNameWithSurname(text, surname) ?? `${surname}${surnamed?.[2] ?? surnamed?.[4] ?? surnamed?.[5] ?? '师傅'}`;
  for (const match of text.matchAll(BARE_MASTER)) {
    const surname = match[1] ?? '';
    if (!SURNAMES.has(surname)) continue;
    const at = (match.index ?? 0) + match[0].length - 3;
    const clauseAfter = /^[^，。,！？\s]*/.exec(text.slice(at + 3))?.[0] ?? '';
    if (HIRED_BY_BEFORE.test(text.slice(Math.max(0, at - 2), at)) || OWED_NEAR.test(clauseAfter))
      return fullNameWithSurname(text, surname) ?? `${surname}${match[2] ?? '师傅'}`;
  }
  return null;
}

function ownerOfBusiness(text: string): string | null {
  for (const match of text.matchAll(BUSINESS_OF)) {
    const at = (match.index ?? 0) + match[0].length;
    const name = personNameAt(text, at);
    if (name && /^(的|开的|管)/.test(text.slice(at + name.length))) return name;
  }
  return null;
}

/** 卢大海的养鸡场, 熊桂英的茶园, 戴春生的龙虾养殖基地: a person's own business, where the work was. */
const PERSONS_BUSINESS =
  /的(?:[\u4e00-\u9fa5]{0,4}?)(?:养鸡场|养猪场|养鸭场|养殖场|养殖基地|种植基地|基地|茶园|果园|橘园|葡萄园|桃园|梨园|菜园|苗圃|林场|牛场|羊场|鱼塘|猪场|鸡场|砖厂|作坊|农庄|门面|加工厂|茶厂|厂子)/g;

function ownerByPossessive(text: string): string | null {
  for (const match of text.matchAll(PERSONS_BUSINESS)) {
    const at = match.index ?? 0;
    // 老谢的五金门面: an owner known as 老 or 小 and his surname.
    const familiar = /(?:^|[^\u4e00-\u9fa5]|[在帮给跟是])([老小])([\u4e00-\u9fa5])$/.exec(text.slice(Math.max(0, at - 4), at));
    if (familiar && SURNAMES.has(familiar[2] ?? '')) return `${familiar[1] ?? ''}${familiar[2] ?? ''}`;
    const name = nameEndingAt(text, Math.max(0, at - 3), at);
    if (name && !isPlaceName(text, at - name.length, name) && !NOT_A_PERSON_END.test(name)) return name;
  }
  return null;
}

/** "他叫田大勇": the name is the payer's when the last person spoken of before it was the payer. */
function laterName(text: string): string | null {
  for (const match of text.matchAll(LATER_NAME)) {
    const at = match.index ?? 0;
    const referent = [...text.slice(0, at).matchAll(REFERENT)].at(-1)?.[0] ?? '';
    if (!ROLE_WORD.test(referent)) continue;
    const name = personNameAt(text, at + match[0].length);
    if (name) return name;
  }
  return null;
}

/** The payer named as a person, read once per text (the category rules ask for it too). */
const personFromRoles = recentResults(readPersonFromRoles);

function readPersonFromRoles(text: string): string | null {
  const surnamed = SURNAMED_BOSS.exec(text);
  const surname = surnamed?.[1] ?? surnamed?.[3];
  // "姓胡的老板 … 胡……胡德贵": the full name, once the caller gives it, is more specific; so is what
  // everyone calls him ("老板姓邓，都喊他邓总").
  if (surname) {
    const called = NICKNAMED_BOSS.exec(text)?.[4];
    // (老板大家都喊他满哥，姓胡: the name he goes by, which the text writes, over one made of his surname)
    if (called && !called.includes(surname) && !/老板|老总/.test(called)) return fullNameWithSurname(text, surname) ?? called;
    return fullNameWithSurname(text, surname) ?? (called?.startsWith(surname) ? called : `${surname}老板`);
  }
  const woman = SURNAMED_BOSS_WOMAN.exec(text);
  const womanSurname = woman?.[1] ?? woman?.[2];
  if (womanSurname) return fullNameWithSurname(text, womanSurname) ?? `${womanSurname}老板娘`;
  const byRole =
    nameAfter(text, ROLE_THEN_NAME) ??
    nameAfter(text, ROLE_DESCRIBED_THEN_NAME) ??
    nameAfter(text, CALLED_THEN_ROLE) ??
    nameAfter(text, ROLE_LOCAL_THEN_NAME) ??
    nameAfter(text, ROLE_IS_THE_ONE_WHO);
  if (byRole) return byRole;
  const named = NAME_THEN_ROLE.exec(text);
  const beforeRole = named?.[1] ? nameEndingAt(text, named.index, named.index + named[1].length) : null;
  if (beforeRole) return beforeRole;
  const runs = NAME_THEN_RUNS.exec(text);
  const runner = runs?.[1] ? nameEndingAt(text, runs.index, runs.index + runs[1].length) : null;
  if (runner && !NOT_A_PERSON_END.test(runner)) return runner;
  const owner =
    ownerOfBusiness(text) ?? nameAfter(text, RUNS_THEN_NAME) ?? hiredByName(text) ?? nameThenOwes(text) ?? ownerByPossessive(text);
  if (owner) return owner;
  const later = laterName(text);
  if (later) return later;
  const quoted = CALLED_HIM_QUOTED.exec(text)?.[1] ?? HIRED_BY_QUOTED.exec(text)?.[1];
  if (quoted) return quoted;
  const under = nameAfter(text, WORKED_UNDER);
  if (under) return under;
  // 大家都喊他胖子李: a description, then the surname.
  const describedSurname = /(?:喊|叫)(?:他|她)(胖子|瘦子|矮子|高个|黑子|麻子|眼镜)([\u4e00-\u9fa5])(?=[，。,！？\s]|$)/.exec(text);
  if (describedSurname && SURNAMES.has(describedSurname[2] ?? '')) return `${describedSurname[1] ?? ''}${describedSurname[2] ?? ''}`;
  // 都喊他四川老表: where he is from and what he is to them.
  const fellow = /(?:喊|叫)(?:他|她)([\u4e00-\u9fa5]{2,3}(?:老表|老乡|佬))(?=[，。,！？\s]|$)/.exec(text)?.[1];
  if (fellow) return fellow;
  const calledHim = CALLED_HIM.exec(text)?.[1];
  if (calledHim && SURNAMES.has(calledHim[0] ?? '') && !NOT_A_PERSON_END.test(calledHim) && !/老板|老总/.test(calledHim)) {
    const titled = NICKNAMED_BOSS.exec(text)?.[4];
    return titled && titled.startsWith(calledHim[0] ?? '') ? titled : calledHim;
  }
  const nicknamed = NICKNAMED_BOSS.exec(text);
  // Without 他 the nickname must start with a surname: 喊宋老板, not 叫那个老板.
  if (nicknamed?.[4] && (nicknamed[2] || SURNAMES.has(nicknamed[4][0] ?? ''))) return nicknamed[4];
  const nickname =
    ROLE_THEN_NICKNAME.exec(text)?.[3] ??
    NICKNAME_HIRES.exec(text)?.[1] ??
    NICKNAME_THEN_ROLE.exec(text)?.[1] ??
    NICKNAME_CALLED.exec(text)?.[1] ??
    NICKNAME_GLOSSED.exec(text)?.[1] ??
    everyoneCalls(text) ??
    NICKNAME_IS_THE_ONE.exec(text.trim())?.[1];
  if (nickname) return nickname;
  for (const match of text.matchAll(BARE_BOSS)) {
    if (SURNAMES.has(match[1] ?? '')) return `${match[1] ?? ''}${match[2] ?? ''}`;
  }
  for (const match of text.matchAll(BARE_BOSS_WOMAN)) {
    if (SURNAMES.has(match[1] ?? '')) return `${match[1] ?? ''}老板娘`;
  }
  return nameAfter(text, NAMED_ROLE_THEN_NAME) ?? masterBySurname(text) ?? elderBySurname(text) ?? houseOwner(text);
}

/** 工钱是X发的, 工资一直是X跟我们算, 欠钱的是X: the person said to pay the wages or owe them. */
const PAYS_WAGES =
  /(?:工钱|工资|钱)[^，。,！？\s]{0,4}?是|请(?:我|我们)(?:来)?的(?:人)?是(?:[^，。,！？\s]{1,8}[，,])?|欠(?:钱|工钱|工资|我们钱|我们的钱)的(?:人)?是|(?:(?:公司|老板|厂里)(?:讲)?|讲)(?:我们的?)?(?:工钱|工资|钱)(?:已经|早就|都)?(?:全部|都)?(?:给了|打给了?|结给了?|付给了?)/g;
const PAYS_AFTER = /^(跟|发|算|给|在|哒|了|，|,|。|$)/;
/** 老谭, 小刘: a person called by 老 or 小 and the surname. */
const FAMILIAR = /^[老小]([\u4e00-\u9fa5])(?![\u4e00-\u9fa5]{0,1}(板|总|乡|家|婆|公|人|师|实|伢|孩))/;

function familiarAt(text: string, at: number): string | null {
  const match = FAMILIAR.exec(text.slice(at, at + 4));
  return match && SURNAMES.has(match[1] ?? '') ? text.slice(at, at + 2) : null;
}

/** The last person named before `at` as the one worked with (跟覃德春做的，他是带班的): whom a later 他 means. */
function lastNamedBefore(text: string, at: number): string | null {
  // (承包的老板姓邝，工资都是他发: the boss known by his surname)
  const surnamed = [...text.slice(0, at).matchAll(/(?:老板|包工头|承包人)[^，。,！？\s]{0,2}姓([\u4e00-\u9fa5])/g)].at(-1)?.[1];
  let found: string | null = surnamed && SURNAMES.has(surnamed) ? `${surnamed}老板` : null;
  for (const match of text.slice(0, at).matchAll(/(?:跟|是|给|帮|叫)(?:着|到)?/g)) {
    const from = (match.index ?? 0) + match[0].length;
    const name = nameAt(text, from) ?? familiarAt(text, from);
    if (name && from + name.length <= at && !NOT_A_PERSON_END.test(name)) found = name;
  }
  return found;
}

function statedPayer(text: string): string | null {
  for (const match of text.matchAll(PAYS_WAGES)) {
    const at = (match.index ?? 0) + match[0].length;
    // "工钱也一直是他发": him, the person named just before.
    if (/^(他|她)(发|给|算)/.test(text.slice(at, at + 2))) {
      const before = lastNamedBefore(text, at);
      if (before) return before;
    }
    const name = nameAt(text, at) ?? familiarAt(text, at);
    if (name && name.length >= 2 && PAYS_AFTER.test(text.slice(at + name.length, at + name.length + 1)) && !NOT_A_PERSON_END.test(name))
      return name;
  }
  return null;
}

const REAL_NAME = /(本名|真名|大名|全名)(叫做?|是)?/g;

function realName(text: string): string | null {
  for (const match of text.matchAll(REAL_NAME)) {
    const name = nameAt(text, (match.index ?? 0) + match[0].length);
    if (name && name.length >= 2) return name;
  }
  return null;
}

/** A payer named as a person (包工头张某, 刘老板), for telling a case from a question about rules. */
export function namedPayer(text: string): string | null {
  return personFromRoles(text);
}

const DISOWNS_PERSON = /不是(他|她|包工头|老板|工头)(欠的)?(?=[，,。！\s]|$)/;

function personFromAnswers(text: ReadableText): string | null {
  for (let i = 1; i < text.turns.length; i++) {
    const question = text.turns[i - 1];
    const answer = text.turns[i];
    if (question?.speaker !== 'operator' || answer?.speaker !== 'caller' || !ASKS_FOR_NAME.test(question.text)) continue;
    const said = answer.text.trim();
    const lead = ANSWER_NAME.exec(said);
    if (lead) {
      const name = personNameAt(said, lead[0].length);
      if (name) return name;
    }
    // "姓符，符德清" or "姓符": the full name once given, else the surname as the boss.
    const surname = ANSWER_SURNAME.exec(said)?.[4];
    if (surname) return fullNameWithSurname(said, surname) ?? `${surname}老板`;
  }
  return null;
}

/**
 * The party that owes the wages (LABELS.md employer): the most specific organisation named, else the
 * boss or contractor by name, else a kind of business or a party named in passing, read from what the
 * caller said.
 */
export function extractEmployer(text: ReadableText, orgs: readonly Span[] = findOrganisations(text.caller)): string | null {
  // "工钱一直是伍建军跟我们算，也是他发": the person who pays, over the company above him.
  const payer = statedPayer(text.caller);
  if (payer) return payer;
  // "跟的包工头欧阳斌…不是他…是总包X一直拖着": the person disowned, the company said to hold the pay back.
  const disowned = DISOWNS_PERSON.exec(text.caller);
  const holder = disowned ? orgs.find((o) => o.start > disowned.index && OWED_NEAR.test(clauseAfter(text.caller, o))) : undefined;
  if (holder) return holder.text;
  const choice = chooseOrganisation(text.caller, orgs);
  if (choice?.kind === 'named') return choice.org.text;
  const called = shopNameFromAnswers(text) ?? personFromRoles(text.caller) ?? personFromAnswers(text);
  // "我们都喊他肖老四…他本名叫肖德云": the real name once it is given.
  const real = called && !orgs.some((o) => o.text === called) ? realName(text.caller) : null;
  const said = real ?? called;
  // 一个叫孙某某的包工头，全名孙立新: the full name once it is given.
  const person = said?.includes('某') ? (fullNameWithSurname(text.caller, said[0] ?? '') ?? said) : said;
  // An upstream company still names the debtor when no person does; a site's name comes last.
  if (person ?? choice) return person ?? choice?.org.text ?? null;
  const payers = orgs.filter((o) => !isPassing(text.caller, o));
  // (幼儿园扩建工地: a school whose building site it was pays no one)
  const beingBuilt = (o: Span): boolean => BUILDING_SITE_AFTER.test(text.caller.slice(o.end, o.end + 10));
  const org = payers.find((o) => !isSiteOrg(text.caller, o))?.text ?? payers.find((o) => !beingBuilt(o))?.text;
  // "胡德明的钱还是冇到", "采石场封哒，蒋文斌更不得给钱哒": a short message that starts a clause with the payer.
  return (
    org ??
    text.caller
      .split(/[，,。！!？?；;\n]+/)
      .map(payerAtStart)
      .find((name) => name !== null) ??
    null
  );
}
