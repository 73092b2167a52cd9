/** The word lists behind the category rules of LABELS.md. Patterns are matched clause by clause. */

/** What counts as pay for work done. 工姿 is a common mistyping of 工资. */
export const WAGE_WORDS = /工资|工钱|工姿|薪水|薪资|薪酬|劳务费|人工费|人工工资|血汗钱|提成|底薪|加班费|辛苦钱|工费|结算款|工程款里的人工/;

/** Saying that money is unpaid or held back. */
export const OWED_WORDS =
  /欠|拖|冇给|没给|没有给|不给|冇发|没发|没有发|不发|冇结|没结|没有结|不结|扣着|扣了|扣我|克扣|压着|压了|冇到|没到|拿不到|冇拿到|没拿到|没有拿到|要不到|讨不到|冇见到|没见到|不见人|跑路|跑了|冇得钱给|不兑现|赖账|赖着/;

/** Saying that the wages were in fact paid, which turns a complaint into another matter. */
export const WAGES_PAID =
  /(工资|工钱)(倒是|是|都|也|已经|倒)*(按月|每个月都|按时)?(发了|结清|结了|付清|冇欠|没欠|没有欠|不欠|冇少发|没少发|照发|正常发|都发了|给了)|(冇|没|没有)(拖欠|欠)(工资|工钱)/;

/** Owed phrases strong enough without a pay word: 一分钱都冇给, 欠我们, 包工头跑路. */
export const OWED_WITHOUT_PAY_WORD = [
  /一分(钱)?(都|也)?(冇|没|没有|不)(给|发|拿|结|见)/,
  /(欠|拖欠|拖)(了)?(我|我们|俺|俺们|他们|工人|大家)(?!们?(的)?(社保|保险|押金|医药费))/,
  /(包工头|工头|老板|站长|老总|经理|承包商).{0,6}(跑路|跑了|人不见了|玩失踪|联系不上)/,
  /只(给|发|结|付)了?(我|我们)?[\d一二两三四五六七八九十百千万]/,
  /(还差|还欠|还剩)(我|我们)?[\d一二两三四五六七八九十百千万]/,
  /(拉黑|不见人|人就不见|冇得钱给|没钱给)/,
  /(不给|冇给|没给|不结|冇结|没结|不发|冇发|没发)(钱|工钱)|钱.{0,8}(不给|冇给|没给|没有给|不结|冇结|没结|没有结|冇发|没发)/,
  /欠(了)?(我|我们|他们|大家|每人|每个人)?(大概|大约|约|差不多|将近|快)?[\d一二两三四五六七八九十]+(多|来|几)?[百千万块元wWkK]/,
];

/** A debt that is not pay for work: on its own it makes the complaint invalid. */
export const NON_WAGE_DEBT =
  /材料款|货款|房租|租金|借款|借钱|借的钱|借了|借给|贷款|欠条|押金.{0,6}房东|房东|租房|供货|供的材料|工程款(?!.{0,4}人工)/;

/** Clauses that only imagine a case (如果老板拖欠工资的话), which makes a question, not a complaint. */
export const HYPOTHETICAL = /如果|万一|假如|要是|假设|的话|会不会|是不是.{0,6}(可以|能)/;

/** Asking after an earlier complaint. */
export const PROGRESS_QUERY = [
  /(上次|之前|以前|上个月|前几天|前段时间|前些天|上周|上礼拜)(也)?.{0,6}(投诉|反映|举报|打过|提交|登记)/,
  /(投诉|反映|提交|登记)(过|了)的/,
  /案件编号|案件号|编号|受理号|[A-Z]{2}\s?\d{6,}/,
  /处理得?怎么样|处理到哪|到哪一步|进度|有冇得结果|有没有结果|有结果了|怎么还(冇|没|没有)(人)?(处理|联系|回复)|(冇|没|没有)人(联系|回复|处理)|(冇|没|没有)得?(一点)?消息/,
];

/** Other labour-rights matters (no unpaid wages): social insurance, contracts, injury, dismissal, hours, deposits. */
export const LABOR_OTHER =
  /社保|五险|养老保险|医保|公积金|劳动合同|签合同|冇签|没签|不签|工伤|受伤|摔|骨折|砸伤|职业病|辞退|开除|解雇|解除|经济补偿|补偿金|赔偿金|加班|休息|休假|年假|押金|保证金(?!是)|扣证|扣身份证|试用期|调岗|降薪|罚款/;

/** Advertising, abuse, tests and empty greetings. */
export const ADVERT = /代办|贷款|征信|放款|利息低|低息|刷单|兼职日结|加微信|加V|推广|优惠|招代理|办证|套现|中介费|博彩|彩票/;
export const ABUSE = /吃干饭|垃圾|废物|滚|傻|骗子政府|一群.{0,4}(猪|狗|饭桶)|冇用的东西|没用的东西/;
export const TEST_OR_GREETING = /^(测试|test|在吗|在不在|有人吗|有人没有|你好|您好|喂|哈喽|hello|hi|请问)[\s,，。.!！?？啊呀吗没有人在]*$/i;
export const TEST_WORDS = /测试|试一下|试试|能收到消息/;

/** Questions about rules or procedure. */
export const QUESTION =
  /[?？]|请问|问一下|问下|咨询|想问|怎么|如何|哪个|哪里|哪些|多少|什么|么子|是不是|可不可以|能不能|要不要|有冇得|归不归|管不管|吗|呢|不$/;

/** Words that show the text is about work at all (used to tell a question from noise). */
export const LABOUR_TOPIC =
  /工资|欠薪|薪|劳动|仲裁|人社|监察|社保|合同|工伤|用人单位|用工|农民工|最低工资|保证金|劳务|派遣|老板|上班|打工|辞职|投诉/;
