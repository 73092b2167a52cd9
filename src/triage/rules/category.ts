import type { Category } from '../../domain/triage-result';
import {
  ABUSE,
  ADVERT,
  ASKER_SELF,
  CHANNEL_CHECK,
  COMPLAINT_CHANNEL,
  HOW_TO_COMPLAIN,
  HYPOTHETICAL,
  LABOR_OTHER,
  PURCHASE,
  LABOUR_TOPIC,
  NON_WAGE_DEBT,
  ONLY_ASKING,
  EARLIER_REPORT,
  DISPUTE_EVENT,
  PAY_WORDS,
  UNPAID_WORDS,
  HEARD_CLAUSE,
  HEARSAY_RULE,
  PROGRESS_QUERY,
  PROGRESS_WAITING,
  QUESTION,
  TEST_OR_GREETING,
  TEST_WORDS,
  THANKS,
  WAGES_PAID,
  WORK_CONTEXT,
} from '../lexicon/category-cues';
import { hasWageCase, sentences, startsWithPayer } from './wage-evidence';
import { findMoney } from './money-mentions';
import { findOrganisations } from './organisations';
import { findPlaceChains } from './place-chain';
import { namedPayer } from './employer';
import { SURNAMES } from '../lexicon/surnames';

/** A clause that tells what happened (辞职了, 还冇签, 不给开, 被辞退), not a rule asked about. */
// (not 除了, 为了, 了解, 转过来)
const TOLD_ASPECT = /(?<![除为])了(?!解)|冇|没|未|被|(?<![超经不难])过(?!年|节|来|去)|不(给|签|买|交|退|批|让|准|发|开|管|认)/;
/**
 * The speaker as the one owed: 我, or on an imported work order the caller in the third person
 * (来电人称其…, 欠其工资).
 */
// (本人去, 本人到场: whether one must come in person, asked by anyone)
const SPEAKER =
  /我|俺|咱|本人(?!(要不要|需不需要|要|需要|必须|得)?(亲自)?(去|来|到场|到|办|签))|其(?![他它中次实余])|来电人|来电者|投诉人|反映人/;
/** Something that already happened, told with its aspect (拖了两个月, 还冇发, 一分没拿到, 跑路了), not a rule asked about. */
const TOLD_EVENT =
  /(欠|拖|扣|压)(了|着|哒)|(冇|没|没有|还没|未)(发|给|结|付|拿到|到手|收到|见到)|(月份?的?|我的|我们的)(工资|工钱|钱)[^，。,！？\s]{0,3}(不发|不给|不结)(?=[，。,！？\s了哒]|$)|跑(了|路|哒)|到现在|(电话|手机)(关机|打不通)/;
/** "他上面是哪个公司我不清楚", "欠好多我也搞不清": a clause of what the speaker does not know, which asks nothing. */
const NOT_KNOWN =
  /[^，。,！？?\s]*(哪个|哪家|哪里|什么|么子|多少|好多)[^，。,！？?\s]{0,8}(我|也|都)*(不清楚|不晓得|不知道|搞不清|记不清|记不得|冇问|没问)(楚)?/g;
const MODAL_QUESTION = /可以|可不可以|能不能|能否|能|会不会|要不要|怎么|如何|吗|么$/;

const NOT_YET =
  /(要是|如果|万一|假如)(以后|将来|到时候|哪天)|还(冇|没|没有)(出事|受伤)|我还(冇|没|没有)(去|做|上班|进|签)|还没去|我准备去|下个月才去|才去上班/;
const ASKS_RULE = /(有冇得?|有没有|是么子|是什么|怎么)规定|规定(是)?(怎么|么子|什么)/;
const TRAFFIC_ACCIDENT = /被[^，。,！？\s]{0,8}(车|电动车|摩托|汽车|货车)[^，。,！？\s]{0,2}撞|车祸/;
const RECORD_ASKED = /不良记录|失信记录|有(冇|没)有?(得)?欠薪(的)?(不良)?(记录|历史)/;
const FAMILY_MATTER = /不寄(回|钱)|拿去(打牌|赌|喝酒)|管管他/;
const ASKS_IF_ARREARS = /(算不算|是不是|属不属于|算)(拖欠|欠薪|欠工资)/;
const NOT_DUE_YET = /还(冇|没|没有|不)到(月底|发(工资|钱)?的?(时候|日子)|发薪日?|发工资的时候)/;
/** 我有个老乡讲…: someone else's matter, told by the speaker. */
const ANOTHERS_MATTER = /我有?(个|一个)(老乡|朋友|亲戚|同事|邻居|熟人|工友)(讲|说)/g;
const PRESSED_ON_CREW = /(要|逼|让|叫|要求)(我们|大家)/;
// (工资又冇发 names new pay unpaid; 结果又冇给 after a mediation is the old case)
const RENEWED_ARREARS =
  /又(欠|拖|扣)|(现在|这回|这次)?又(碰到|遇到)(一个|一起|一回)|^\s*补充(一下|说明)?|(工资|工钱)[^，。,！？\s]{0,4}又(冇|没|没有|不)(发|给|结)/;

/** An imported work order filed as a question (咨询：…), with the answer given. */
const ANSWERED_ORDER = /^\s*(【)?咨询(】|[：:])/;
const ORDER_ANSWERED = /已(告知|答复|解答|解释|说明)|告知其|答复其/;

/** A sum, a named employer or payer, or a place finer than a county makes a question about one's own case. */
/** 张哥讲元旦后发, 陈拐子讲钱在公司那里: a boss by name or nickname who said something about the pay. */
const BOSS_SAID = /(?:^|[，,。\s])([\u4e00-\u9fa5])(哥|拐子|胖子|老板|老总|总|师傅|包头|包工头)(讲|说|答应)/;

function namesConcreteCase(text: string): boolean {
  if (findMoney(text).some((m) => !m.nonWage && m.explicit)) return true;
  // (怕老板讲: a verb before 老板 is no surname)
  const bossSaid = BOSS_SAID.exec(text);
  if ((bossSaid && SURNAMES.has(bossSaid[1] ?? '')) || sentences(text).some(startsWithPayer)) return true;
  if (findOrganisations(text).length > 0 || namedPayer(text)) return true;
  return findPlaceChains(text).some((chain) => chain.parts.some((p) => p.level === 'town' || p.level === 'village' || p.level === 'road'));
}

/**
 * "辞职了，公司不给开离职证明，怎么办？", "我们厂每天上12个小时班，合法吗？": a question sentence is about
 * the asker's own matter when a clause outside the question tells what happened or states the matter as fact.
 */
function tellsOwnMatter(sentence: string): boolean {
  return (
    sentence
      .replace(ASKER_SELF, '')
      // (冇得固定单位: who the asker is, not what happened)
      .replace(NO_FIXED_EMPLOYER, '')
      .split(/[，,\s]+/)
      // (除了社保个税, 比如加班费: part of the question that follows, not a matter told)
      .some(
        (clause) =>
          !QUESTION.test(clause) &&
          !/^(除了|比如|像|包括)/.test(clause) &&
          // (我父亲六十五岁了: something told, but nothing about work)
          // (星期六星期天加班，加班费…: the case a question is about, with nobody's own workplace in it)
          ((TOLD_ASPECT.test(clause) && ABOUT_WORK.test(clause)) || (LABOR_OTHER.test(clause) && OWN_SIDE.test(clause))),
      )
  );
}

/** The speaker or a workplace: what makes a labour matter someone's own (我们厂每天上12个小时班). */
const OWN_SIDE = new RegExp([SPEAKER.source, WORK_CONTEXT.source].join('|'));
/** Anything about work at all: what a told clause (…了, 冇…) must touch to be the asker's matter. */
const ABOUT_WORK = new RegExp([LABOUR_TOPIC.source, LABOR_OTHER.source, WORK_CONTEXT.source].join('|'));
const NO_FIXED_EMPLOYER = /(冇得|没得|没有|冇)固定的?(单位|工作|老板|东家)/g;
const PAID_LATE = /拖到|推到|晚发|迟发|才发|推迟|(每次|每个月|每月)都?(要|这样|是)?拖/;
/** "我就是想问一下": the caller only asks. */
const JUST_ASKING = /(就是|只是)想?(问|了解|咨询)(一下|下)?/;
/** "现在是冇欠了", "九月份的工资昨天刚发下来": nothing owed at the moment. */
const NONE_OWED_NOW = /(现在|目前)(是|都|也)?(冇|没有?)(欠|拖欠)了?|刚发(下来|了)/;
const NO_EMPLOYMENT = /(无|没有|冇得|不存在)(雇佣|劳动|用工)关系/;
const WRONG_NUMBER = /打错了|打错(电话|号码)了?/;
/** What the employer said (老板讲…): his terms or threats, told by the worker. */
const EMPLOYER_SAID_START = /^(我们)?(老板|公司|厂里|经理|主管|厂长|店长)(讲|说)/;
const EMPLOYER_SAID = /(老板|老总|公司|厂里|经理|主管|厂长|店长|就)(讲|说|威胁)[^。！？?]*/g;

/** A labour matter stated as fact, or as a question about the speaker's own case or workplace. */
function isLabourMatter(sentence: string, concrete: boolean): boolean {
  // (老板讲我要是走就要赔培训费: the supposition is the employer's threat, which is the matter)
  if (HYPOTHETICAL.test(sentence.replace(EMPLOYER_SAID, '')) || !LABOR_OTHER.test(sentence)) return false;
  // (老板讲试用期只给一半, with no workplace named: the terms a question is about, not a matter told)
  if (!concrete && EMPLOYER_SAID_START.test(sentence.trim()) && !SPEAKER.test(sentence)) return false;
  // (年假有冇规定: a question about the rules, though the workplace is named)
  return !QUESTION.test(sentence) || (concrete && !ASKS_RULE.test(sentence)) || tellsOwnMatter(sentence);
}

/**
 * "工资被拖欠了去哪里投诉？", "咨询：公司拖欠工资多久可以申请仲裁？" or "…我就是先问清楚": a question
 * with no case of the speaker's own told, no sum, no named party and no place is about procedure.
 */
function isProcedureQuestion(text: string): boolean {
  if (!QUESTION.test(text) || namesConcreteCase(text)) return false;
  if (ONLY_ASKING.test(text)) return true;
  // "在外地打工被欠了工资，可以回来投诉不": pay owed to no one in particular is the question's premise.
  return !speaksOfOwnCase(text) && !tellsEvent(text.replace(OWED_TO_NO_ONE, ''));
}

/** A sentence that opens on a supposition (假如老板给我打了欠条…) tells nothing that happened. */
const SUPPOSITION = /^(假如|如果|要是|万一|假设|假使)/;
/** A fear (怕老板晓得), a supposition (会不会) or being away (在外地打工回不来): no case told. */
const FEARED = /^(怕|担心|就怕)|会不会|回不来|来不了|走不开|请不到假/;
/** Pay, money held back or work: what a clause of the speaker's must touch to tell their own case. */
const CASE_WORDS = new RegExp([PAY_WORDS.source, UNPAID_WORDS.source, DISPUTE_EVENT.source, WORK_CONTEXT.source, /钱/.source].join('|'));

/**
 * The speaker in a clause about pay, money or work outside a supposition: "我在厂里做了三个月" does,
 * "我回去让我女儿帮我弄" and "假如老板给我打了欠条" do not.
 */
function speaksOfOwnCase(text: string): boolean {
  return sentences(text.replace(ASKER_SELF, '').replace(ANOTHERS_MATTER, ''))
    .filter((sentence) => !SUPPOSITION.test(sentence.trim()))
    .some((sentence) =>
      sentence
        .split(/[，,\s]+/)
        // (怕老板晓得哒不要我做事: a fear of what may happen)
        .some((clause) => !FEARED.test(clause) && SPEAKER.test(clause) && CASE_WORDS.test(clause)),
    );
}

const OWED_TO_NO_ONE =
  /被(老板|包工头|公司|厂里)?(拖欠|欠|拖)了?(工资|工钱)?|(拖欠|欠)了?(桃源人|工人|农民工|员工|别人|人家|外地人)的?(工资|工钱)?/g;

/** "厂里拖了两个月工资了，…": an event told in a clause of its own, not inside the question (被欠了工资可以…吗). */
function tellsEvent(text: string): boolean {
  // (要是真的拖了: a supposition tells nothing that happened)
  return text
    .split(/[，,。！!？?；;\s]+/)
    .some((clause) => TOLD_EVENT.test(clause) && !MODAL_QUESTION.test(clause) && !SUPPOSITION.test(clause));
}

/** Sentences with their end marks kept, so "…低好多啊？" still reads as a question. */
function sentencesWithEnds(text: string): string[] {
  return text.split(/(?<=[。！!？?\n；;])/).filter((s) => s.trim());
}

function asksHowToComplain(text: string): boolean {
  return HOW_TO_COMPLAIN.test(text) && COMPLAINT_CHANNEL.test(text) && !PURCHASE.test(text);
}

/** The fields of a filed work order or platform lead (诉求内容：, 被反映单位：): its own number is no earlier case. */
const FORM_FIELD =
  /(诉求内容|问题描述|被反映单位|被投诉单位|被反映人|欠薪金额|欠薪人数|欠薪时段|涉及人数|项目名称|诉求类型|问题类型|诉求人|反映人|来访人|来访事由|来电号码|处理部门|单位地址|工单号|工单编号|线索编号)[：:]/g;
const FORM_NUMBER = /(工单|线索|案件|受理|投诉)?编?号[：:]\s*[A-Za-z0-9-]+|[A-Z]{2}[\s-]?\d{4}[\s-]?\d{2,}/g;

function isProgressQuery(raw: string): boolean {
  const text = (raw.match(FORM_FIELD)?.length ?? 0) >= 2 ? raw.replace(FORM_NUMBER, '') : raw;
  return PROGRESS_QUERY.some((p) => p.test(text)) || (PROGRESS_WAITING.test(text) && EARLIER_REPORT.test(text));
}

function isNoise(text: string): boolean {
  const bare = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const trimmed = text.trim();
  return (
    bare.length < 2 ||
    TEST_OR_GREETING.test(trimmed) ||
    CHANNEL_CHECK.test(trimmed) ||
    TEST_WORDS.test(text) ||
    ADVERT.test(text) ||
    ABUSE.test(text)
  );
}

/**
 * The category of LABELS.md, decided in order: noise, a query about an earlier complaint, unpaid pay
 * (weighed in wage-evidence.ts), a debt that is not pay, another labour matter, a question, else
 * invalid. `operatorText` is the operator's side of a hotline transcript.
 */
export function classify(callerText: string, operatorText = ''): Category {
  // (他上面是哪个公司我不清楚: what the caller does not know, not a question asked)
  callerText = callerText.replace(NOT_KNOWN, '，');
  // An advert that names 欠薪 (专业讨债) is still an advert.
  if (ADVERT.test(callerText)) return 'invalid';
  const wageCase = hasWageCase(callerText, operatorText);
  if ((isNoise(callerText) || WRONG_NUMBER.test(callerText)) && !wageCase) return 'invalid';
  // "上个月投诉的钱已经拿到了，谢谢你们": thanks for a settled matter ask after nothing.
  if (!wageCase && THANKS.test(callerText) && WAGES_PAID.test(callerText) && !QUESTION.test(callerText)) return 'invalid';
  // "去年投诉过…今年老板又欠我四个月": a new debt after an old complaint is a new case.
  // "工资每个月都发了，就是一分钱都不寄回屋里": a family matter.
  if (WAGES_PAID.test(callerText) && FAMILY_MATTER.test(callerText)) return 'invalid';
  if (isProgressQuery(callerText) && !(wageCase && RENEWED_ARREARS.test(callerText))) return 'progress_query';
  // "咨询：来电人询问…，已告知…": a work order the operator filed as an answered question.
  if (!wageCase && ANSWERED_ORDER.test(callerText) && ORDER_ANSWERED.test(callerText) && !tellsEvent(callerText)) return 'consultation';
  // A wage question with nothing told as having happened: a firm's record asked about before any work
  // for it ("X建设在你们这里有冇欠薪的不良记录？"), pay not yet due ("工资还冇到发的时候…如果到时候也不发"),
  // terms asked about before anything is owed ("…我还冇进厂，这样子合不合法", "这个算不算拖欠"), or pay
  // late but paid ("工资每个月都要拖到下个月20几号才发，虽然最后都发了，这样合法吗": another matter).
  if (wageCase && QUESTION.test(callerText) && !tellsEvent(callerText)) {
    if (RECORD_ASKED.test(callerText) || NOT_DUE_YET.test(callerText) || NOT_YET.test(callerText) || ASKS_IF_ARREARS.test(callerText))
      return 'consultation';
    if (WAGES_PAID.test(callerText) && PAID_LATE.test(callerText)) return JUST_ASKING.test(callerText) ? 'consultation' : 'labor_other';
  }
  // "现在是冇欠了…但是每个月都这样拖": pay always late, none owed now, complained of: another labour matter.
  if (wageCase && NONE_OWED_NOW.test(callerText) && PAID_LATE.test(callerText) && !QUESTION.test(callerText)) return 'labor_other';
  // "本人与熊某无雇佣关系": a debt between people who never worked together.
  if (NO_EMPLOYMENT.test(callerText) && NON_WAGE_DEBT.test(callerText)) return 'invalid';
  if (wageCase) return isProcedureQuestion(callerText) ? 'consultation' : 'wage_arrears';
  // (打欠条 asked about is a question about securing pay, not a debt of goods)
  if (NON_WAGE_DEBT.test(callerText.replace(/欠条/g, ''))) return 'invalid';
  // "我们就是先了解一下流程": whatever the question is about, the caller says no case is behind it.
  if (QUESTION.test(callerText) && ONLY_ASKING.test(callerText)) return 'consultation';
  // (unless the caller names the workplace and where it is: then the matter is theirs)
  const concrete = namesConcreteCase(callerText);
  if (
    QUESTION.test(callerText) &&
    HEARSAY_RULE.test(callerText) &&
    !DISPUTE_EVENT.test(callerText.replace(HEARD_CLAUSE, '')) &&
    !concrete
  ) {
    return 'consultation';
  }
  // "…这种合法不？我还冇去": a matter that has not happened to the asker is a question.
  // (unless the named workplace already presses it on the crew: 厂里要我们每个人签…我还冇签)
  if (QUESTION.test(callerText) && NOT_YET.test(callerText) && !(concrete && PRESSED_ON_CREW.test(callerText))) return 'consultation';
  // 被一个骑电动车的撞了: an accident away from any work is no labour matter.
  if (TRAFFIC_ACCIDENT.test(callerText) && !WORK_CONTEXT.test(callerText)) return 'invalid';
  if (sentencesWithEnds(callerText).some((s) => isLabourMatter(s, concrete))) return 'labor_other';
  if (QUESTION.test(callerText) && (LABOUR_TOPIC.test(callerText) || LABOR_OTHER.test(callerText))) return 'consultation';
  if (QUESTION.test(callerText) && asksHowToComplain(callerText)) return 'consultation';
  return 'invalid';
}
