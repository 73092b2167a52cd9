import { parseNumeral } from '../numbers/chinese-numeral';
import { AGREES, TAKEN_BACK, type Turn } from '../text/transcript';

const PERSON_NOUNS =
  '人|工人|工友|老乡|师傅|兄弟|姐妹|老师|骑手|员工|同事|农民工|婆婆|阿姨|大姐|保安|司机|伙计|小工|人员|职工|教师|服务员|保洁|学徒|木工|泥工|师父|妇女|女工|男工|村民|民工|婆娘|堂客|大嫂|嫂子|姊妹|老人|学生|装卸工|搬运工|普工|车工';
/** "6个人", "三十来人", "十几个老乡", "3个桃源老乡" (a place word may sit before 老乡); 一个木工班组 is a crew. */
const HEAD_COUNT = new RegExp(
  `(?<![每第])([\\d一二两三四五六七八九十百几]+)(多|来|余|几)?(个|名|位|号)?(?:(?<=[个名位])[\\u4e00-\\u9fa5]{1,2}(?=老乡))?(${PERSON_NOUNS})(?!工费|民币|工工资|力|班组|班|队|组)`,
  'g',
);
const NUM = '([\\d一二两三四五六七八九十]+)';
/** "二十多个护工", "五名电焊工", "三个服务员": a count of people named by their trade (…工, …员, …师, …手). */
const TRADE_HEAD_COUNT =
  /(?<![每第])([\d一二两三四五六七八九十百几]+)(多|来|余|几)?(个|名|位)(?!月|多月|半月|天|年|礼拜|星期|小时|钟)[\u4e00-\u9fa5]{1,2}?(工|(?<!学)员|师|手)(?![费资钱程作地期日天时具厂姿]|班|队|组)/g;
/** "我们四个在…": a count after 我们 with no noun; "我们一个木工队" counts no one. */
const WE_COUNT = new RegExp(`(我们|咱们|俺们)(这)?(?!一个|一位)${NUM}(个|位)(?!月|天|年|小时|多月|工|钟|星期|礼拜)`);
/** "我们老乡有二十几个", "我们班上一共十二个人": a count said of the speaker's group after 有 or 一共. */
const WE_HAVE_COUNT =
  /(我们|咱们|俺们)[\u4e00-\u9fa5]{0,8}?(有|一共|总共|共|是)([\d一二两三四五六七八九十几]+)(多|来|几)?(个|位|名)(人|工友|老乡|兄弟)?(?=[，。,！？\s都一]|$)/;
/** "我们一起的还有4个人", "除了我还有三个工友": others besides the speaker. */
const OTHERS_BESIDES_ME = new RegExp(
  `(?:(一起的|一起做的|同去的|除了我)[^，。,\\s]{0,3}|[，,。\\s]|^我|我)还有(另外)?${NUM}(个|名|位)?[^，。,！？\\s]{0,4}?(人|工友|老乡|同事|师傅|兄弟|姐妹)`,
);
/** "我和另外两个人", "我老公还有另外三个人": one named worker and that many more. */
const ONE_AND_OTHERS = new RegExp(
  `(?:(?:和|跟|同|还有|加上?)另外(?:的)?|另外(?:还有|还)|(?:同村|同组|一起的)?另有|除了我(?:以外|之外)?(?:还有)?)${NUM}(个|名|位)?(人|工友|老乡|同事|师傅|兄弟|姐妹|老师|师父)?`,
);
/** "我们一起的有二十几个": everyone who worked together, the speaker among them. */
const ALL_TOGETHER = new RegExp(`(一起的|一起做的|一起干的|同去的)(有|是|一共|总共)?${NUM.replace(']+', '几]+')}(多|来|几)?(个|名|位)`);
/** 我们一家三口: the speaker's household, all working. */
const HOUSEHOLD = /一家([两三四五六])口/;
/** 剩下我们五个, 剩下的三个人: the workers still owed after others were paid. */
const STILL_OWED_COUNT = new RegExp(`(剩下|还剩)(的)?(?:我们)?${NUM}(个|名|位)(?!月|多月|半月|天|年|小时|钟|星期|礼拜|工)(人)?`);
/** 十一个，哦不对，加上做饭的嫂子是十二个: a head count taken back and said again. */
const CORRECTED_COUNT = new RegExp(
  `${NUM}个(人)?[，,\\s]*(哦|噢|呃)?[，,\\s]*${TAKEN_BACK}[，,\\s]*[^，。,！？\\d]{0,10}?${NUM}(个|名|位)(?!月|多月|半月|天|年|小时)`,
);
/** "七个，哦，加上我是八个": the count once the speaker adds themselves. */
const WITH_ME = new RegExp(`加(上)?我(自己)?(是|一共|总共|就是|共)?${NUM}(个|名|位)?`);
/** 我和三个徒弟, 我带了两个小工: the speaker and that many more. */
const ME_AND_COUNT = new RegExp(
  `(?:我|他|她|爸爸|我爸|老公|我老公)(?:和|跟|带了?|加上?)(?:我的?|他的?|她的?)?(?:带的|请的|喊的)?${NUM}(个|名|位)(徒弟|小工|工友|老乡|兄弟|师傅|人|伙计|帮手)`,
);
/** 还有一个洗碗的阿姨也冇发, 船上还有个伙计: one more worker besides the speaker. */
const ONE_MORE =
  /还有(一)?个[^，。,！？\s]{0,6}?(阿姨|伙计|小伙子|小伙|姑娘|妹子|师傅|工友|同事|老乡|徒弟|侄女|侄子|外甥|大姐|大哥|婆婆|人)(?!的)|(我)?(屋里的|堂客|老婆|老公|爱人|媳妇)(也)(在|是|冇|没|欠|跟)/;
/** 我和我老婆, 我跟我老公, "还有我弟弟", 我们两口子: the speaker and one other. */
const PAIR =
  /(我(和|跟|同|与)|(他|她)(和|跟)(他|她)|还有|加上|连同)(我)?(屋里|隔壁|邻居)?(的)?(老婆|老公|爱人|媳妇|妻子|丈夫|儿子|女儿|女婿|儿媳|弟弟|哥哥|姐姐|妹妹|姐夫|妹夫|舅子|父亲|母亲|爸爸|妈妈|老爸|老妈|侄子|侄儿|侄女|外甥女?|嫂子|弟媳|老弟|老兄|老妹|老姐|婶婶|婶子|叔叔|伯伯|舅舅|姨妈|邻居|表妹|表姐|堂妹|堂姐|老表|表哥|表弟|堂哥|堂弟|徒弟|堂客|老伴|对象|男朋友|女朋友|同学|一个(工友|老乡|朋友|同事|同学))|(我的?)?(老婆|老公|爱人|媳妇|堂客|老伴|对象)(和|跟|同)我(?!们)|(?<!老板|老板娘|他们|人家|店主|东家)(两口子|两公婆|夫妻俩|夫妻两个)(?!开|经营|管)|我们俩|我俩/;
/** A group with no number: 我们班组, 一帮老乡, 我们几个. */
const GROUP =
  /(我们|咱们|俺们)(这)?几个|车间的人|厂里的人|全厂|所有工人|工人们都|一帮|一群|几个(人|工友|老乡|婆婆|师傅|兄弟|姐妹|同事)|班组|工友们|工人们|老乡们|全体/;
/** 我们 names a group of workers, except as the speaker's community: "我们都喊他宋老板", "我们这边", "我们厂里欠工资". */
const WE = /我们|咱们|俺们/;
const WE_AS_COMMUNITY =
  /(我们|咱们|俺们)(都|就|一般|平时)*(喊|叫|称)|(我们|咱们|俺们)(这边|那边|这里|那里|本地|当地|老家)|(我们|咱们|俺们)的?(厂|公司|单位|屋|家|村|镇|司机|老板|站长|主管|经理|车间|站点|孩子|小孩|伢子|伢儿)(?!的人|的工人|里的人|都|几个)|(我们|咱们|俺们)(是|都是)[^，。,！？\s]{0,16}?(的人|的员工|签的合同|签的|下面的)|(我们|咱们|俺们)(是)?(本地|当地|桃源|常德|湖南|一个村|一个地方)(的)?人|给(我们|咱们|俺们)(买|交|缴|办)/g;
const isGroup = (text: string): boolean => GROUP.test(text) || WE.test(text.replace(WE_AS_COMMUNITY, ''));
const ONLY_ME =
  /就我一个|就我自己|就我$|就我[。，！\s]|只有我一个|我一个人|只我一个|就是我一个|只(讲|说|报|代表|问|反映)(我)?(自己|我)(的|一个)?|只晓得我自己的|(先|就|只)登记我(的|一个|自己)/m;
/** "我帮我老公投诉": speaking for one other worker. */
const FOR_ONE_OTHER =
  /(帮|替|代)(我)?(的)?(老公|老婆|爱人|媳妇|丈夫|妻子|儿子|女儿|爸爸?|妈妈?|老爸|老妈|父亲|母亲|弟弟|哥哥|姐姐|妹妹|侄子|外甥|亲戚|朋友)(投诉|反映|问|讲|打)/;
/** A bare count that answers "几个人？" in its own turn: "二十六个。", "固定的七八个". */
const ANSWERED_COUNT = new RegExp(`(?:^|[，,])[^，,。\n\\d]{0,4}?${NUM.replace(']+', '几]+')}(多|来|几)?个(?=[。！!，,]|$)`, 'm');
/**
 * Someone who speaks of themselves, or of work they did with the subject left out ("在…厂上班");
 * a bare tip-off ("欠薪！某工地 电话") names no worker unless it gives one wage rate.
 */
const SPEAKER_OR_WORK =
  /我|俺|本人|自己|咱|来电人|其(?![他它中次实余])|做|干|上班|帮|打工|打零工|务工|搞|喂|送|跑|开|看|代课|教|当|贴|砌|刷|焊|抹|挖|(?<!安)装|采|摘|搬|扛/;
/** "我一个月四千二", "欠了我十二月的工资": the sum told is the speaker's own pay. */
const OWN_PAY =
  /(冇|没|没有|不)(给|发|结)我(?!们)|我(自己)?(的)?(一个月|每个月|每月|一天|每天|月薪|日薪|工资是|工资每月)|欠(了)?我(?!们)[^，。,！？\s]{0,10}?([\d一二两三四五六七八九十]|工资|工钱)|我(自己)?(一共)?(做了|干了|搞了)[\d一二两三四五六七八九十几]/;
/** "欠工资 4个月 每月5000", "工资2800一个月": one wage rate, told with no group, is the teller's own pay. */
const OWN_RATE = /(每|一)个?(月|天)(工资)?\s?[\d一二两三四五六七八九]|[\d百千万]\s?(块|元)?(钱)?(一个月|每个月|每月|一天|每天)|月薪|日薪/;

/**
 * How many workers are owed, the speaker included (LABELS.md worker_count): the largest head count
 * stated, else 2 for a couple, else null for an uncounted group, else 1 for someone speaking for themselves.
 */
export function extractWorkerCount(text: string): number | null {
  let best = 0;
  for (const match of [...text.matchAll(HEAD_COUNT), ...text.matchAll(TRADE_HEAD_COUNT)]) {
    const run = match[1] ?? '';
    if (/[千万]/.test(run)) continue;
    const value = parseNumeral(run)?.value ?? 0;
    if (Number.isInteger(value) && value > best && value < 100_000) best = value;
  }
  const others = OTHERS_BESIDES_ME.exec(text)?.[3] ?? ONE_AND_OTHERS.exec(text)?.[1] ?? ME_AND_COUNT.exec(text)?.[1];
  const household = HOUSEHOLD.exec(text)?.[1];
  if (household) best = Math.max(best, parseNumeral(household)?.value ?? 0);
  const besides = others ? (parseNumeral(others)?.value ?? 0) + 1 : 0;
  const we = WE_COUNT.exec(text)?.[3] ?? WE_HAVE_COUNT.exec(text)?.[3];
  const answered = ANSWERED_COUNT.exec(text)?.[1] ?? ALL_TOGETHER.exec(text)?.[3];
  best = Math.max(best, besides, we ? (parseNumeral(we)?.value ?? 0) : 0, answered ? (parseNumeral(answered)?.value ?? 0) : 0);
  const withMe = WITH_ME.exec(text)?.[4];
  if (withMe) best = parseNumeral(withMe)?.value ?? best;
  // "一共七个，其中两个已经结清哒，剩下我们五个每人还差六千": those still owed.
  const left = STILL_OWED_COUNT.exec(text)?.[3];
  if (left) best = parseNumeral(left)?.value ?? best;
  // "四个人，哦不是，三个人": the count said again after the speaker takes it back.
  const corrected = CORRECTED_COUNT.exec(text)?.[4];
  if (corrected) best = parseNumeral(corrected)?.value ?? best;
  if (best > 1) return best;
  if (ONLY_ME.test(text)) return 1;
  if (PAIR.test(text) || ONE_MORE.test(text)) return 2;
  if (FOR_ONE_OTHER.test(text) && !/他们|她们/.test(text)) return 1;
  if (best === 1) return 1;
  // "我们车间拖了两个月工资，我一个月四千二": a bare 我们 with only the speaker's own pay told is one worker.
  if (isGroup(text)) return !GROUP.test(text) && OWN_PAY.test(text) ? 1 : null;
  return SPEAKER_OR_WORK.test(text) || FOR_ONE_OTHER.test(text) || OWN_RATE.test(text) ? 1 : null;
}

/** 坐席："那一共…，三个人是吧？" 来电人："是的。": a head count the operator reads back and the caller accepts. */
const COUNT_READ_BACK = /([\d一二两三四五六七八九十]+)个人(是吧|对吧|对吗|是吗|吧|对不对|是不是)/;

export function countConfirmedToOperator(turns: readonly Turn[]): number | null {
  let count: number | null = null;
  turns.forEach((turn, i) => {
    const asked = turn.speaker === 'operator' ? COUNT_READ_BACK.exec(turn.text)?.[1] : undefined;
    const reply = turns[i + 1];
    if (asked && reply?.speaker === 'caller' && AGREES.test(reply.text.trim())) count = parseNumeral(asked)?.value ?? count;
  });
  return count;
}
