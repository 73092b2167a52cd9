import { classify } from '../../../src/triage/rules/category';

describe('category', () => {
  it('when wages are owed to the speaker, then it is wage_arrears', () => {
    expect(classify('老板欠我三个月工资冇发')).toBe('wage_arrears');
    expect(classify('包工头跑路了，我们的工钱都冇拿到')).toBe('wage_arrears');
  });

  it("when the question is asked about the speaker's own unpaid work, then it is still wage_arrears", () => {
    expect(classify('问一下，我在工地做了两个月，一分冇拿，每月四千，这样合法吗')).toBe('wage_arrears');
  });

  it('when the case is only imagined, then it is a consultation', () => {
    expect(classify('如果老板拖欠工资的话，要准备哪些证据？')).toBe('consultation');
    expect(classify('劳动仲裁要去哪里申请？')).toBe('consultation');
  });

  it('when another labour right is at stake and wages were paid, then it is labor_other', () => {
    expect(classify('工资倒是按时发了，就是公司一直不给我们买社保')).toBe('labor_other');
    expect(classify('我在厂里摔断了手，老板不给报工伤')).toBe('labor_other');
  });

  it('when an earlier complaint is asked after, then it is a progress_query', () => {
    expect(classify('上次投诉的那个欠薪的事，编号WA20250301，处理得怎么样了')).toBe('progress_query');
  });

  it('when a debt is not pay for work, then it is invalid', () => {
    expect(classify('我给工地供了钢材，材料款三万到现在冇结')).toBe('invalid');
    expect(classify('房东不退我的押金')).toBe('invalid');
  });

  it('when the text is an advert, a test, abuse or a greeting, then it is invalid', () => {
    expect(classify('专业办理信用卡套现，低息贷款')).toBe('invalid');
    expect(classify('测试一下')).toBe('invalid');
    expect(classify('在吗？')).toBe('invalid');
  });
});

describe('category from weighed cues', () => {
  it('when no pay word is written but work and an unpaid signal are, then it is wage_arrears', () => {
    expect(classify('做了三个月一分钱没拿到')).toBe('wage_arrears');
    expect(classify('在砖厂搬了两个月砖，老板一直冇给')).toBe('wage_arrears');
    expect(classify('我妈在敬老院做护工，院长讲等上面拨款，拖了四个月')).toBe('wage_arrears');
  });

  it('when someone complains for a relative, then it is still wage_arrears', () => {
    expect(classify('我老公在工地做事，包工头柯德旺欠了他两万三')).toBe('wage_arrears');
    expect(classify('我爸在外面打工一年，钱都冇拿到')).toBe('wage_arrears');
  });

  it('when pay is named in workers’ words (结账, 辛苦钱, 人工钱) or dialect (莫, 冇), then it is wage_arrears', () => {
    expect(classify('年底结账的时候老板讲冇钱，到现在都冇结')).toBe('wage_arrears');
    expect(classify('我在餐馆洗了四个月碗，辛苦钱一直莫给')).toBe('wage_arrears');
    expect(classify('人工钱拖了大半年')).toBe('wage_arrears');
  });

  it('when the boss vanished, then it is wage_arrears unless the sentence is about another matter', () => {
    expect(classify('厂子倒闭了，老板跑了，我们上个月的还冇发')).toBe('wage_arrears');
    expect(classify('在工地上被钢管砸了头，包工头只给了两千块就不管了')).toBe('labor_other');
  });

  it('when only part was paid, then it is wage_arrears', () => {
    expect(classify('讲好一天两百，我做了五十天，老板总共只给了三千')).toBe('wage_arrears');
  });

  it('when the debt is a machine hire, a loan, goods or a refund, then it is invalid', () => {
    expect(classify('挖机台班费欠了我六万，老板一直不给')).toBe('invalid');
    expect(classify('我借给包工头五万块，现在他跑路了')).toBe('invalid');
    expect(classify('网店老板不给退款怎么办')).toBe('invalid');
    expect(classify('公司欠我报销的差旅费三千块')).toBe('invalid');
  });

  it('when the text only names arrears as a topic and the caller has no case, then it is a consultation', () => {
    expect(classify('欠工资的事情过了多久就不能告了？冇得冇得，我就是先问清楚')).toBe('consultation');
    expect(classify('个体户请的工人也归你们管吗')).toBe('consultation');
  });

  it('when wages were paid and another right is at stake, then it is labor_other', () => {
    expect(classify('工资每个月都按时发了，就是合同到期不续签也不给补偿')).toBe('labor_other');
    expect(classify('在厂里上班三年，厂里从来冇交过社保，工资冇拖')).toBe('labor_other');
    expect(classify('老板扣了我的身份证不还')).toBe('labor_other');
    expect(classify('每天上班十二个小时，一个月只休息两天，合法吗')).toBe('labor_other');
  });

  it('when an earlier report is asked after, then it is a progress_query, but "no news" of a boss is not', () => {
    expect(classify('我前几天在网上举报了包工头欠钱，现在怎么样了')).toBe('progress_query');
    expect(classify('你们什么时候处理我那个事，都半个月了还冇得回音')).toBe('progress_query');
    expect(classify('包工头跑了，到现在都冇得消息，我们五个人的工钱三万多')).toBe('wage_arrears');
  });

  it('when an advert mentions 欠薪, then it is invalid', () => {
    expect(classify('专业讨债 欠薪 欠款 快速追回 不成功不收费')).toBe('invalid');
  });

  it('when the operator asks how much is owed and the caller tells of the work, then it is wage_arrears', () => {
    const caller = '我们四个在红枫小区搞室内装修，给老板范立新做的。\n一人一万。';
    expect(classify(caller, '欠多少？')).toBe('wage_arrears');
    expect(classify(caller)).toBe('invalid');
  });
});
