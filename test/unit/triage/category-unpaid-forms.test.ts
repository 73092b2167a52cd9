import { triageByRules } from '../../../src/triage/rule-triage';

const wechat = (text: string) => triageByRules({ channel: 'wechat', text }).category;
const hotline = (...turns: string[]) => triageByRules({ channel: 'hotline', text: turns.join('\n') }).category;

describe('wage arrears told in forms beyond 欠 and 冇发', () => {
  it('when the pay is written as not paid out formally (未支付, 未发放, 未结算), then wage arrears', () => {
    expect(wechat('本人在城南安置房项目做架子工，负责人邹建平，3月至8月工资21000元未支付。')).toBe('wage_arrears');
    expect(wechat('公司10月、11月工资至今未发放，涉及员工三十余人。')).toBe('wage_arrears');
  });

  it('when the worker says no money was taken home for the months worked, then wage arrears', () => {
    expect(wechat('敬老院那边龙师傅的班组，我做了三个月没拿钱')).toBe('wage_arrears');
    expect(wechat('枫树村那条水泥路 彭大海带的班 4月干到9月 一分没给')).toBe('wage_arrears');
  });

  it('when a teacher or a scaffolder tells of a boss who ran and the operator asks how much is owed, then wage arrears', () => {
    expect(
      hotline('坐席：您好，12345热线。', '来电人：育才培训跑路了，我是那里的老师。', '坐席：欠您多少工资？', '来电人：八千，两个月的。'),
    ).toBe('wage_arrears');
    expect(hotline('坐席：您好，请讲。', '来电人：我是搭脚手架的，城东那个小区，谭总欠我们钱。', '坐席：多少？', '来电人：两万三。')).toBe(
      'wage_arrears',
    );
  });

  it('when a crew asks when its own pay will come (什么时候给), then wage arrears; the rule asked in general is a consultation', () => {
    expect(wechat('宏图建设在金桂苑的木工钱什么时候给？我们十几个人等着过年 13900001111')).toBe('wage_arrears');
    expect(wechat('请问工资一般每个月什么时候发？')).toBe('consultation');
  });

  it('when the words of arrears come without a case of one’s own, then still not a case', () => {
    expect(wechat('请问没拿钱的话去哪里投诉？')).toBe('consultation');
  });
});

describe('asking again after an earlier complaint', () => {
  it('when the worker says this is the third time of asking and there is no news, then it is a progress query', () => {
    expect(wechat('电子厂 宏利 七八月工资 我问第三次哒 还是冇消息 求帮忙')).toBe('progress_query');
  });
});

describe('triage: follow-ups, debts and workplaces told in more ways', () => {
  it('when the worker asks the office to press again after an earlier complaint or mediation, then it is a progress query', () => {
    expect(wechat('上次投诉之后老板给了一半，剩下的他讲等你们再去催一下，麻烦你们再帮我们问一下进展')).toBe('progress_query');
    expect(hotline('坐席：您好，请讲。', '来电人：我之前在平台上投诉了，显示已经转办到桃源县了，想问下什么时候能处理？')).toBe(
      'progress_query',
    );
  });

  it('when someone asks the office to press a company for a bill or a goods debt, then it is no progress query', () => {
    expect(wechat('我在陬市镇开五金店，给宏盛劳务队赊了一批扣件，货款两万到现在冇结，能不能帮我催一下')).toBe('invalid');
    expect(wechat('我是开饭店的，一个单位在我店里吃饭挂账八千块餐费，一年了都不结')).toBe('invalid');
  });

  it('when a student tutor tells of lessons taught and not paid, then wage arrears; how to keep pay from being owed is a question', () => {
    expect(wechat('我暑假在启明英语培训中心代课，讲好一节课80块，上了60节课，钱一直不给')).toBe('wage_arrears');
    expect(hotline('坐席：您好，请讲。', '来电人：我明年准备去工地上做事，么样才能保证工资不被拖欠？有冇得么子要注意的？')).toBe(
      'consultation',
    );
  });
});

describe('triage: the boss’s excuse, pay not paid out, and follow-ups on a form filled in', () => {
  it('when the boss blames a goods payment not yet in (讲货款冇回来), then the worker’s unpaid pay is still wage arrears', () => {
    expect(wechat('黄甲铺镇工业园那个立达纸箱厂欠我工资两个多月了一个月四千三加起来八千六老板姓莫的讲货款冇回来冇得钱发')).toBe(
      'wage_arrears',
    );
    expect(wechat('陬市镇天顺制衣厂计件的，上个月我做了一千八百件，一件两块五，厂里讲订单冇结算暂时不发')).toBe('wage_arrears');
  });

  it('when a shop paid no wages at all (一分工资都冇开), then wage arrears', () => {
    expect(wechat('浔阳街道鲜果园水果店，我在店里守了三个月，老板两公婆一分工资都冇开，讲好一个月两千二')).toBe('wage_arrears');
  });

  it('when a form filled in online still shows 已受理 with nothing since, or staff’s promised days have passed, then a progress query', () => {
    expect(wechat('12月份在网上填的那个欠薪表，到现在还显示已受理，后面就冇动静了，是不是冇人看')).toBe('progress_query');
    expect(hotline('坐席：您好，请讲。', '来电人：你们工作人员上次讲十五个工作日给答复，现在都过了二十天哒，还冇人打给我。')).toBe(
      'progress_query',
    );
  });
});

describe('triage: a worker pressing about their own crew’s pay', () => {
  it('when the worker asks when their crew’s pay comes after the boss promised a date (张哥讲元旦后发), then wage arrears', () => {
    expect(wechat('张哥讲元旦后发，元旦过哒还是冇动静，沅水弯钢筋班的钱到底么时候给？过年回不去哒')).toBe('wage_arrears');
    expect(wechat('郑家驿学校那个工地泥工工资到现在还冇到，陈拐子讲钱在兴桃公司那里，你们到底查了冇？')).not.toBe('consultation');
  });

  it('when a caller says a month went unpaid on a job someone contracted and the operator asks their own share, then wage arrears', () => {
    expect(
      hotline(
        '坐席：您好。',
        '来电人：九溪集镇污水管网，覃永贵包的，十一月一个月冇发，我们六个人。',
        '坐席：您个人多少？',
        '来电人：六千七百六。',
      ),
    ).toBe('wage_arrears');
  });
});

describe('triage: short complaints in dialect', () => {
  it('when a crew’s boss ran (包头跑哒) and the worker asks whether anyone will act, then wage arrears, not a question about rules', () => {
    expect(wechat('鼎兴那个楼盘二期木工欠钱，包头跑哒，电话关机，找不到人，项目部推来推去，到底有冇人管？')).toBe('wage_arrears');
  });

  it('when the pay is said to have no prospect (工资无着落) or asked when (么子时候发), then wage arrears', () => {
    expect(wechat('县城一家培训机构突然停课，负责人严某失联，十余名老师两三个月工资无着落。')).toBe('wage_arrears');
    expect(
      hotline('坐席：您好。', '来电人：我是修河堤的，木塘垸那边，工资到底么子时候发？', '坐席：拖欠金额？', '来电人：一万零五百。'),
    ).toBe('wage_arrears');
  });
});

describe('employer: titled bosses and names before what they owe', () => {
  const employer = (text: string) => triageByRules({ channel: 'wechat', text }).employer;
  it('when a boss is named by surname and title after a place or a business (快递点邱老板, 外卖站 刘站长), then that boss owes', () => {
    expect(employer('陬市快递点邱老板还是不给工钱，我们两个分拣的')).toBe('邱老板');
    expect(employer('外卖站 刘站长 12月又压了半个月，11月的还冇给')).toBe('刘站长');
  });

  it('when a full name stands before 工钱拖 or 欠的 with a space, then that person owes', () => {
    expect(employer('九溪自来水管子埋完哒，宋家强工钱拖到现在')).toBe('宋家强');
    expect(employer('省道306的 彭德明 欠的工钱还冇搞好？')).toBe('彭德明');
  });
});

describe('triage: more follow-ups and excuses', () => {
  it('when the boss paid only a part by transfer and waits to sell the goods (只打了…等茶油卖出去), then wage arrears', () => {
    expect(wechat('我在牛车河乡的山野茶油加工厂做了三个月，工资一共１２６００，老板只打了３０００过来，剩下的讲等茶油卖出去')).toBe(
      'wage_arrears',
    );
    expect(wechat('在县城一个工地上搬砖，做了二十天，一天两百，老板跑哒，也不晓得他叫么子')).toBe('wage_arrears');
  });

  it('when the worker says they are the one who complained about a shop, or a ticket passed on is unanswered, then a progress query', () => {
    expect(wechat('你们好 我是上次投诉金福堂养生馆的 想问一下现在是哪个在跟 老板还是冇联系我')).toBe('progress_query');
    expect(wechat('12345转过去的那个欠薪的单子，镇上讲已经回复了，我这边冇收到任何东西，到底处理了冇')).toBe('progress_query');
    expect(wechat('我礼拜一在网上提交了欠薪投诉，到现在一个电话都冇，是不是冇受理？')).toBe('progress_query');
  });
});
