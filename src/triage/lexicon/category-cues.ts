/**
 * The cue families behind the category of LABELS.md. Each is a word list, matched clause by clause;
 * the category rules weigh them together rather than looking for whole sentences.
 */

/** Settling up: pay when nothing else is owed, but the bill itself beside 材料款 or 货款. */
export const SETTLEMENT_WORDS = /结账|结算款/;

/** Pay for work done. 工姿 is a common mistyping of 工资; 结账/结算 is how workers name their pay-off. */
export const PAY_WORDS =
  /工资|工钱|工姿|薪水|薪资|薪酬|劳务费|人工费|人工钱|人工工资|血汗钱|辛苦钱|提成|底薪|加班费|工费|结算款|结账|工程款里的人工|欠薪/;

/** Money unpaid or held back, in standard words and the 常德 dialect (冇, 莫, 没得). */
export const UNPAID_WORDS =
  /欠|拖|讨薪|(工资|工钱|的钱)[^，。,？?\s]{0,8}(冇|没|没有|未)(到|到位)(?!底)|(工资|工钱)[^，。,\s]{0,3}(冇|没|没有|不)开|(什么|么子?|啥)时候(才)?(能|才能)?(给|发|结|付|拿到)|好久(才)?(能|才能)?(给|发|结|拿到)|几时(给|发|结|付)|(冇|没|没有|莫|未|不)退?(给|发放|发|结算|结|支付|付|打款|兑现)|(冇|没|没有|不)(算|结算)给|(冇|没|没有|莫)(拿到|拿钱|拿过钱|到手|到账|见到|看到|收到)|拿不到|要不到|讨不到|结不到|发不出|给不出|付不出|不见钱|冇见钱|没见钱|扣着|扣了|扣我|克扣|压着|压了|赖账|赖着|一分(钱)?(都|也)?(冇|没|没有|莫|不)|一个(子儿?|都|也)(冇|没|莫)|(冇|没)得钱给|没钱给|少(发|给|结|付|算)了?|少了[\d一二两三四五六七八九十几]|(?<![相])差(我|我们|他|他们|她)(的)?(工钱|工资|钱|[\d一二两三四五六七八九十])|还差(我|我们|他|他们)?(的)?([\d一二两三四五六七八九十几]|好多|多少|钱|工|一点|点|一半|一部分)|还剩|剩下的?(钱|工钱)?(冇|没|不)|还差(我|我们|他|他们)的(?=[，。,！？\s]|$)/;

/**
 * Signals that imply unpaid pay without saying so (a boss who vanished, a part payment). They count
 * only in a sentence that is not about another matter: "砸了头，老板只给了两千就不管了" is an injury.
 */
export const UNPAID_IMPLIED = new RegExp(
  [
    /跑路|跑了|跑哒|躲起来|躲着|躲哒|在躲|(冇|没|无)得?着落|人(都|也)?不见|不见人|找不到人|人影都(不见|冇得|没有)|玩失踪|联系不上|拉黑|(只|才)(给|发|结|付|打|转)了?|(只|才)(拿到|拿了|领了|领到|收到)[\d一二两三四五六七八九十几]/
      .source,
    // 干了5个月，就给了5k: 就 before a payment and its sum says it was all that was paid
    /(?<![也都还早])就(给|发|结|付)了?(我|我们)?(每人|每个人|一人)?[\d一二两三四五六七八九十几]/.source,
    // unreachable: 人都找不到, 电话都不接
    /(领|拿)了?(钱)?就(不见|跑|走)(了|哒)?|(结了账|拿到钱|钱到了?)(就|再|才)(给|发|结)|(人|他)(都|也|又)?找不到|找不到(人|他)|(电话|手机)(都|也)?(不接|打不通|关机)|不接电话/
      .source,
    // the payer pleads no money or puts it off: 讲房子卖不出去冇钱, 等验收, 讲卖了茶油再给, 以资金困难为由
    /(冇|没|没有)得?钱(给|发|结)?$|(冇|没|没有)得?钱[，,]|资金(困难|紧张)|等(验收|回款|拨款|结算|审计|上面拨)|以.{1,8}为由|推脱|推托/
      .source,
    /(讲|说|答应|等)[^，。,！？\s]{0,10}(再|才)(给|发|结|付)/.source,
    // put off again and again: 强哥讲的下个月发, 一直讲过几天给, 工资冇按时发
    /(一直|又|总是|老是)(讲|说)[^，。,！？\s]{0,6}(给|发|结)|(讲|说|答应)的?(下个?月|过几天|元旦后|年前|年后|年底|月底|下礼拜|下个礼拜|下周)(就)?(给|发|结)|(冇|没|没有|不)按时(发|给|结)/
      .source,
    // 十月十一月的还是冇得: the rest still not there
    /的(钱|工资|工钱)?(还是|都|也|还)(冇得|没得)/.source,
    // the money has not come down, the workers are told to go home and wait, the pay is in his hands
    /(钱|款)(还|都)?(冇|没|没有)(到|下来|拨下来)|(回去|回家|回屋)等|在(他|她|老板|包工头|工头)手(里|上)/.source,
    // the matter stalls or is passed around: 冇得下文, 踢皮球, 以前的账他不管
    /(冇|没|没有)得?(下文|动静|回音)|踢皮球|推来推去|互相推|扯皮|不认账|账[^，,]{0,4}不管/.source,
  ].join('|'),
);

/**
 * A work relation: the speaker or someone worked for someone. Enough, with an unpaid signal, to read
 * an unnamed sum as pay ("做了三个月一分钱没拿到", "老板跑路了").
 */
export const WORK_CONTEXT =
  /(在|到)[^，。,！？\s]{1,10}(做|干|当|上班|打工)|(帮|给|跟)[^，。,！？\s]{1,10}(搞|做|干)了|劳务队|施工队|工程队|装修队|做事|做活|干活|上班|打工|做工|帮工|务工|出工|进场|工地|工程|项目|工厂|厂里|车间|厂(?!房)|店|门面|饭店|酒店|酒楼|公司|包工头|工头|老板|老总|站长|园长|院长|厂长|店长|主管|经理|领导|单位|护工|班组|工友|师傅|小工|大工|学徒|员工|骑手|服务员|保安|保洁|厨师|司机|(做|干|搞|跑|上|开|守|看|喂|送|拉|教|带|养|种|放|采|摘)了.{0,5}(天|个月|年|个工)|(帮|给|跟)(他|她|老板|人家|别个|包工头)(做|干|搞|打)|泥工|木工|钢筋|水电|装修|模板|代课|[\u4e00-\u9fa5]{2,3}包的|上课|兼职|架子工|脚手架|油漆|涂料|腻子|焊工|电工|瓦工|砌砖|粉刷|装卸|搬运|保姆|月嫂|老师|教练|前台|收银|(做|干)到[\d一二两三四五六七八九十]+月|带的班|外卖|快递|送货|开车|(修|建|盖|砌)了?(路|桥|房|楼|渠|堤|墙|围墙)/;

/** Saying that the wages were paid, which makes an unpaid signal elsewhere another matter. */
export const WAGES_PAID =
  /不涉及(农民工)?(工资|工钱|欠薪)|(工资|工钱|薪水)[^，。,；！？\s]{0,8}?(?<![只才冇没不未莫少])(?<![冇没不未](按时|按月|正常|准时))(发了|结清|结了|付清|按时发|按月发|照发|正常发|都发|给了|到位了)|(工资|工钱)[^，。,；！？\s]{0,4}?(冇|没|没有|不)(欠|拖|少)|(冇|没|没有)(拖欠|欠)(工资|工钱)|(工资|工钱)[^。；！？]{0,14}?(已经|都已经|全部|全都)(都)?(给了|发了|结了|结清|付清|到手|拿到)(?![\d一二两三四五六七八九十]|一半|部分)|(钱|工资|工钱)(都|也|已经)(拿到了|拿到手了|要回来了|到手了|结清了)|帮我(们)?(要|讨)回来了|(工资|工钱)[^，。,；！？\s]{0,6}(全部|都|已经)(给|发|结|付)(给)?(我|我们|了)+(?![\d一二两三四五六七八九十])|垫(付|钱|资)[^，。,；！？\s]{0,4}(发|付|给)(了|清)|(工资|工钱)[^。；！？]{0,16}[，,](都|也)?(冇|没|没有|不)(欠|拖)[了的]?(?=[，。；！？,]|$)|(不是|不属于|不算)(讨薪|欠薪|拖欠工资|欠工资|要工资|工资(的)?(事|问题))/;

/** "欠工资的事情", "欠薪投诉": the topic of arrears named, which alone is not a case. */
export const ARREARS_TOPIC = /(拖欠|欠)(薪|工资|工钱)的?(事情?|问题|情况|话|投诉|案件)|(投诉|举报|反映|申诉)(拖欠|欠)(薪|工资|工钱)/;

/** A debt that is not pay for work: on its own it makes the complaint invalid. */
export const NON_WAGE_DEBT =
  /材料款|货款|(饲料|种子|化肥|农药|苗木|砂石|石料|水泥|钢材|木材|建材|设备|配件|加工|油|菜|肉|粮)(款|钱|费)|运费|运输费|租赁费|餐费|挂账|尾款|货款纠纷|卖[^，。,\s]{1,6}的[，,]|我是(自己)?做生意的|房租|租金|借款|借钱|借的钱|借了|借给|借的我|借我的|贷款|欠条|押金.{0,6}房东|房东|租房|供货|供的材料|供了?[^，。,\s]{0,10}(货|材料|砖|沙|石|水泥|钢筋|钢材|木材|木料|酒|饲料|苗)|(送|卖)了?(一批|[一二两三四五六七八九十几\d]+(车|批|吨|包|袋|箱))[^，。,\s]{0,3}(货|材料|砖|沙|石|水泥|钢筋|钢材|木材|木料|酒|饲料|苗|瓷砖)|收了(我的?)?货|台班费|机械费|车费|工程款(?!.{0,4}人工)|物业费|学费|报销|差旅费|装修款|维修款|设计费/;

/** Other labour-rights matters (no unpaid wages): social insurance, contracts, injury, dismissal, hours, deposits, child labour. */
export const LABOR_OTHER =
  /社保|五险|养老保险|医保|公积金|劳动合同|签合同|冇签|没签|不签|续签|工伤|受伤|摔|骨折|砸伤|压断|职业病|只准休|休[\d一两三四]天|请假|不批假|(天天|每天)?(搞|做|干)到(晚上|半夜|夜里)|[\d十一二]+个(小时|钟头)|冇得休|没有?休息|单休|辞退|开除|解雇|解除|走人|怀孕|产假|经济补偿|补偿|赔偿|利息|滞纳金|加班|休息|休假|年假|年休假|放[^，。,\s]{0,3}假|押金|保证金(?!是)|扣证|身份证|试用期|服务期|违约金|办离职|(体检|服装|工服|培训|中介|介绍|报名)费|调岗|降薪|罚款|医药费|砸|住院(?![部楼综大])|手术|离职证明|公积金|调到|调去|调动|(逼|让)我(自己)?辞职|(轧|压|砸|切|割|夹|烫|烧|撞|扭|碰)(断|伤|破)|(手|脚|腿|腰|手指|眼睛)(断了|伤了|骨折)|(从|在)工资里(扣|罚)|扣工资|童工|未成年|(买|交|缴|上)保险|(?<![二三四五六七八九\d])(十[一二三四五六]{0,2}|1[0-6])岁(左右)?的?(细伢子|伢子|小孩|孩子|娃|学生|妹子|小伙)/;

/** Consumer matters: a shop that owes a refund is not an employer that owes pay. */
export const CONSUMER_MATTER = /退款|退钱|退货|退费|商家|店家|网购|买的|订单|充值|会员卡|快递丢/;

/** Clauses that only imagine a case (如果老板拖欠工资的话), which makes a question, not a complaint. */
export const HYPOTHETICAL =
  /我?想去的|被拖欠(工资|工钱)?(后|以后|之后)|(下个?(礼拜|星期|月)|明天|后天|过几天|过段时间|过完年|准备|打算)[^，。,！？?]{0,6}?(去|到)?[^，。,！？?]{0,8}?(上班|做事|打工|入职|进厂)|出了?事(情)?(算不算|怎么办|谁管|谁负责)|如(被|未|遇到?)|如果|不被(拖欠|欠)|(么样|怎么样?|如何)才能|(?<![\d一二两三四五六七八九十百千])万一|假如|要是|假设|的话|会不会|是不是.{0,6}(可以|能)/;

/** "要是再不发工资，我就…": a threat whose condition is that the pay stays unpaid tells that it is unpaid. */
export const STILL_UNPAID = /(再|还)(不|冇|没|没有)(发|给|结|付|还)/;

/** The speaker only as the one asking or looking: "我问一下", "我想咨询", "我去哪里申请", "我回去看看". */
export const ASKER_SELF =
  /我(想|准备|打算)去的|我(想|就|先|再|要)?(问|咨询|了解|打听)(一下|下|问|个|清楚)|我(要|该|应该|可以|能)?(去|到)?(哪里|哪个|哪儿|什么地方|怎么|如何)|我想(问|咨询|了解|打听)|我(回去|再|先)?(看看|试试|查查|去问)|我(先|再)(想|考虑|商量)(一下|下|想)?|我晓得了|我知道了|(来电人|来电者|市民|群众)(想|要)?(询问|咨询|了解|问|打听)/g;

/** The caller says there is no case behind the question ("冇得冇得，我就是先问清楚", 暂无具体投诉事项). */
export const ONLY_ASKING =
  /(未|没有|冇)(反映|提供|说明)具体|(就是|只是|先|随便)(问|咨询|了解)(一下|问|清楚)|(冇得|没有)[，,]?(冇得|没有)[，,]?我|(暂无|暂时没有|暂时冇得|没有|冇得|无)具体(的)?(投诉)?(事项|诉求|案件|事情)/;

/** A time before now: 上次, 前两个礼拜, 5月份, 去年. */
const EARLIER =
  '(上次|上回|之前|以前|上个?月|前几天|前段时间|前些天|上周|上个?礼拜|上个?星期|前天|昨天|前[一两三四五几\\d]+(天|个?礼拜|个?星期|个?月)|[\\d一二三四五六七八九十]+月份?|去年|年前)';
/** The bodies a complaint goes to: the office written to, labour inspection, the township. */
const OFFICE = '(你们|监察|人社|劳动局|劳动站|仲裁|镇里|镇上|街道|政府|热线)';
/** What an office says it will do with a complaint. */
const OFFICE_ACTION = '(联系|处理|回复|答复|打电话|转|调解|核实|上门|通知|安排|调查|解决|跟进|约谈)';

/** Asking after an earlier complaint: a case number, an earlier report, a question about its handling. */
export const PROGRESS_QUERY = [
  new RegExp(`${EARLIER}(也)?[^，。,！？\\s]{0,12}(投诉|反映|举报|报|打过|提交|登记|转过来|转过去)(过|的|了)`),
  // 之前来过你们这里反映欠工资
  new RegExp(`${EARLIER}[^，。,！？\\s]{0,6}(来过|找过|去过|到过)[^，。,！？\\s]{0,8}(投诉|反映|举报)`),
  // the complaint as a thing the office holds: 那个单子, 我们那个案子结了冇
  /(那个|我的|我们的?)[^，。,！？\s]{0,5}(单子|工单|案子)|(案子|单子|工单)[^，。,！？\s]{0,4}(结了|办了|处理了)/,
  // what the office said it would do: 你们上次讲一个月内处理完, 监察大队讲要组织调解
  new RegExp(`${EARLIER}[^。！？]{0,8}${OFFICE}[^，。,！？]{0,4}(讲|说|答应)[^。！？]{0,16}${OFFICE_ACTION}`),
  /(投诉|反映|提交|登记|举报)(过|了)的|提交了[^，。,！？\s]{0,6}(投诉|线索)/,
  new RegExp(`我是${EARLIER}(投诉|反映|举报)[^，。,！？\\s]{1,12}的`),
  // 我是投诉佳美服饰那个的: the asker known by the complaint they made
  /我是(投诉|反映|举报)[^，。,！？\s]{1,12}那个的/,
  // 上个月劳动站调解好了(老板答应月底给，还冇给): a case an office already took up
  new RegExp(`${EARLIER}[^。！？]{0,8}${OFFICE}[^，。,！？]{0,4}(调解|协调|调处|立案|受理)(好了|过了|过|了|的)`),
  // 上个礼拜打过你们电话, 我上次打过电话
  new RegExp(`${EARLIER}[^。！？]{0,6}((打过|打了)(你们|这个)|打过(电话|热线))`),
  /(交|递|提交|报)上去的[^。！？，,]{0,6}(材料|投诉|资料|单子)|(材料|资料)[^。！？，,]{0,4}(审核|受理)了(冇|没|吗|没有)/,
  new RegExp(`你们(工作人员|的人)?(${EARLIER.slice(1, -1)}|当时|那次)?(讲|说|答应)(过)?[^。！？]{0,16}${OFFICE_ACTION}`),
  /案件编号|案件号|投诉编号|编号|受理号|工单号|受理单号|[A-Z]{2}\s?\d{6,}/,
  // asking the office to hurry a case along
  /催办|督办/,
  /处理得?(怎么|么|咋)样|处理到哪|到哪一步|(?<!工程)进度(?!款)|有冇得结果|有没有结果|有结果了/,
  // 鑫源的事有结果冇, 锦绣服饰的工资怎么样了, 李老板那边的工资还冇消息吗: a matter already known to the office
  /(的|那个)(工资|工钱|钱|事|事情)(怎么样了|有(冇得|没有)?(结果|进展)(冇|没|吗|了没|没有)?[？?]?|还(冇|没|没有)得?(消息|结果|回音))/,
  // 你们哪天来金桂苑核查, 监察大队么子时候到工地去: when the office comes to look into it
  /(你们|监察大队|劳动局|监察|人社局|劳动监察)[^，。,！？?]{0,4}(哪天|什么时候|么子时候|几时)(来|去|到)[^，。,！？?]{0,8}(核查|调查|查|处理|看|工地|厂里)/,
  // 上次投诉之后老板给了一半…麻烦你们再催一下, 你们上次调解的那个
  new RegExp(
    `${EARLIER}(投诉|反映|调解|协调)(之后|以后|后|的那个)|再(去|帮(我|我们)?)?(催|问)一下|转到你们[^，。,！？\\s]{0,6}(了吗|了冇|没有)`,
  ),
];
/** Thanks for a matter settled: "钱已经拿到了，谢谢你们" asks after nothing. */
export const THANKS = /谢谢|感谢|多谢|点赞|点个赞|辛苦了/;

/**
 * "听别个讲不签合同可以要双倍工资，是真的吗？": asking whether a rule one heard of is true; a question about
 * rules while nothing has gone wrong yet.
 */
export const HEARSAY_RULE =
  /(听(别个|别人|人家|说|讲|朋友|工友|老乡|他们)|网上(说|讲)|看到[^，。,！？?]{0,6}(说|讲))[^。！？?]{2,30}(是真的吗|是不是真的|真的吗|是真的不|真的不|是不是|对不对|是吗)/;
/** The clause that tells what was heard, up to its first separator. */
export const HEARD_CLAUSE = /(听(别个|别人|人家|说|讲|朋友|工友|老乡|他们)|网上(说|讲)|看到[^，。,！？?]{0,6}(说|讲))[^，。,！？?]*/g;
/** Something that went wrong already: a dismissal, an injury or pay held back makes a dispute, not a question. */
export const DISPUTE_EVENT = /辞了|辞退|开除|炒了|解雇|受伤|工伤|摔|砸|不给|不发|扣了|扣我|冇给|没给|冇发|没发|拖|欠/;

/** Waiting words that ask after a complaint only when the text refers to one ("冇得消息" alone may be about the boss). */
export const PROGRESS_WAITING =
  /怎么样了|有(冇得|没有)?进展|还要等?(多久|好久)|怎么还(冇|没|没有)(人)?(处理|联系|回复)|(?<!有)(冇|没|没有)得?(一个)?人(联系|回复|处理|管)|(冇|没|没有)得?(一点|任何)?(消息|回音|回复|下文|动静)|去了冇|去了没有|有人管冇|还管不管|什么时候(能|会|才)?(有结果|处理|给答复|办好)/;
export const EARLIER_REPORT =
  /上次(讲|说)的|前面(发|讲|反映|报)过|投诉|反映|举报|报的|打过|填的|填了|已受理|问(了)?(第[二三四五六七八九十几]次|好几次|几次|过)|你们(?![^，。,！？\s]{0,4}(县|镇|乡|村|这里|那里|这边|那边))|案子|那个事/;

/** On a transcript, the operator asking how much or how long is owed takes the arrears as told. */
export const OPERATOR_PRESUPPOSES =
  /欠(了)?(您|你|你们)?(多少|多久|好多|几个月)|(拖欠|欠)(您|你)(的)?(工资|工钱)|(差|还差)(您|你)?(多少|好多)|(您|你)(个人|本人|自己)(多少|好多)|欠薪单位|拖欠(了)?(多少|多久)|(哪个|哪家|谁|哪个单位|什么单位|哪位)(拖欠|欠)(的|了|你|您)/;

/** Advertising, abuse, tests and empty greetings. */
export const ADVERT =
  /(专业|各类|快速)代办|代办(各类|业务|证件|执照|社保|资质)|(无抵押|低息|快速|小额|网上?|信用)贷款|贷款(咨询|办理|秒批|额度|找我)|征信|放款|利息低|低息|刷单|兼职日结|加微信|加V|推广|优惠|招代理|加(QQ|qq|扣扣)|在家就能做|手机兼职|办证|套现|(免|无|零|不收)中介费|博彩|彩票|讨债|催收|不成功不收费|上门量房|全包半包/;
export const ABUSE =
  /(要你们|你们)有(么子|什么|啥)用|拿(着)?工资不(做|干)事|吃干饭|垃圾|废物|滚|傻|骗子政府|一群.{0,4}(猪|狗|饭桶)|冇用的东西|没用的东西/;
export const TEST_OR_GREETING =
  /^(测试|test|在吗|在不在|有人吗|有人没有|你好|您好|喂|哈喽|hello|hi|请问|早上好|晚上好|下午好|早|谢谢)[\s,，。.!！?？啊呀吗没有人在]*$/i;
/** Asking only whether this is the bureau's account or line (这个是人社局的公众号不？): no question about work. */
export const CHANNEL_CHECK =
  /^((你好|您好|喂|请问|哈喽)[，,\s]*)*(这个?|这里|这边|你们|您这)?(是不是|是)[^，。！？?]{0,10}(公众号|官方号|官网|热线|客服|人工|真人|电话|号码|小程序)(吗|不|么|吧|啵|没有|是不是)?[？?。！!\s]*$/;
export const TEST_WORDS = /测试|试一下|试试|能收到消息|打不打得通|打得通/;

/** Questions about rules or procedure. */
export const QUESTION =
  /[?？]|请问|问一下|问下|咨询|询问|想了解|想问|怎么|如何|哪个|哪里|哪些|多少|什么|么子|是不是|可不可以|能不能|要不要|有冇得|有没有|归不归|管不管|才合法|合不合法|合法不|好多钱|吗|呢|不$/;

/** Asking how or where to complain (网上能投诉吗, 有没有公众号): procedure, unless it is about a purchase. */
export const HOW_TO_COMPLAIN = /投诉|举报|维权/;
export const COMPLAINT_CHANNEL = /网上|手机|线上|微信|公众号|小程序|平台|电话|哪里|在哪|部门|怎么|如何|渠道|当面|需要|要带/;
export const PURCHASE = /吃|买|质量|商家|店家|快递|退款|退货|服务态度|态度/;

/** Words that show the text is about work at all (used to tell a question from noise). */
export const LABOUR_TOPIC =
  /零工|日结|临时工|小工|散工|钟点工|欠条|进厂|入职|招聘|求职|找工作|介绍费|体检费|(轧|压|砸|切|割|夹|烫|烧|撞|扭|碰)(断|伤|破)|(手|脚|腿|腰|手指|眼睛)(断了|伤了|骨折)|(从|在)工资里(扣|罚)|扣工资|童工|未成年|招用|招工|雇人|退休|工资|工钱|欠薪|薪|劳动|仲裁|人社|监察|社保|合同|工伤|用人单位|用工|农民工|最低工资|最低(应该)?(发|给)|(发|给)(好多|多少)钱|保证金|劳务|派遣|包工头|上班|打工|辞职|辞退|试用期|加班|工人|员工|劳动者|做事|讨薪/;
