import { classify } from '../../../src/triage/rules/category';
import { triageByRules } from '../../../src/triage/rule-triage';

const hotline = (...turns: string[]): string => turns.join('\n');

describe('consultation: a rule asked about, whatever labour topic it concerns', () => {
  it('when a question about hours or overtime pay tells no matter of the asker, then it is a consultation', () => {
    expect(classify('晚上加班超过三个小时公司要给加班费吗？节假日上班工资怎么算？')).toBe('consultation');
    expect(classify('一个礼拜做六天算不算违法？星期天上班要给双倍工资吗？')).toBe('consultation');
    expect(classify('春节放几天假是法定的？')).toBe('consultation');
  });

  it('when a question about probation or social insurance names no workplace of the asker, then it is a consultation', () => {
    expect(classify('实习期公司可以不签合同吗？')).toBe('consultation');
    expect(classify('我想了解一下工伤认定需要准备什么材料')).toBe('consultation');
  });

  it('when the caller says they are only finding out, then it is a consultation even from a workplace', () => {
    const text = hotline(
      '坐席：您好，请讲。',
      '来电人：我是公司里做行政的，想问一下员工受伤了工伤保险怎么报。',
      '坐席：由单位提出工伤认定申请。',
      '来电人：好的，我们就是先了解一下，谢谢。',
    );
    expect(triageByRules({ channel: 'hotline', text }).category).toBe('consultation');
    expect(classify('来电人咨询社保断缴后如何补缴，来电人表示暂无具体投诉事项。')).toBe('consultation');
  });

  it('when an imported order asks what an arrears complaint needs and says no case is behind it, then it is a consultation', () => {
    expect(classify('咨询：来电人询问农民工欠薪投诉要带什么证明、能否让家人代办。来电人称暂无具体事项。')).toBe('consultation');
  });
});

describe('consultation: the asker’s own 我 in a question about where to go', () => {
  it('when the only 我 is the one who will go somewhere or do something, then it is procedure on every channel', () => {
    const text = '坐席：您好，12345。\n来电人：我想问一下，单位拖欠工资，我去哪里申请仲裁？\n坐席：县仲裁院。\n来电人：好，谢谢。';
    expect(triageByRules({ channel: 'hotline', text }).category).toBe('consultation');
    expect(classify('老板拖欠工资的话，我应该怎么维权？')).toBe('consultation');
  });

  it('when the asker asks whether anyone is in charge and tells their own unpaid work, then it is their case, not a query after one', () => {
    expect(classify('有没有人管啊，在你们县里做了四个月了工钱一分没拿到')).toBe('wage_arrears');
    expect(classify('到底有没有人管？我在工地干了半年一分钱没见到')).toBe('wage_arrears');
  });
});

describe('consultation: a plan is no matter of one’s own', () => {
  it('when an employer asks about hiring it has yet to do, then it is a consultation', () => {
    expect(classify('我们饭店想请两个暑假工，要不要签合同？')).toBe('consultation');
    expect(classify('我们厂打算招几个五十岁以上的工人，需要买社保吗？')).toBe('consultation');
  });
});

describe('labor_other: a question that tells the asker’s own matter', () => {
  it('when a clause outside the question tells what happened, then it is the asker’s matter', () => {
    expect(classify('上个月在厂里把手压伤了，厂里不给报工伤，这个怎么处理？')).toBe('labor_other');
    expect(classify('干了两年了一直冇买社保，现在想走，能要补偿不？')).toBe('labor_other');
  });

  it('when the asker speaks of their own workplace, then it is the asker’s matter', () => {
    expect(classify('我们公司一年到头都不放年假，这样合法吗？')).toBe('labor_other');
    expect(classify('我们车间每天站十一个钟头，这样算合法吗？')).toBe('labor_other');
    expect(classify('我们单位一年只放五天假，合理吗')).toBe('labor_other');
  });

  it('when a worker was hurt by a machine or a fall, however the injury is put, then it is a labour matter', () => {
    expect(classify('我在厂里上班被机器轧断了手指，老板只赔了三千')).toBe('labor_other');
    expect(classify('在工地上被钢管砸破了头，包工头不管')).toBe('labor_other');
  });

  it('when the boss means to dock pay as a fine, then it is a labour matter, not a debt', () => {
    expect(classify('老板说我打烂了东西，要从工资里扣五百')).toBe('labor_other');
    expect(classify('迟到一次就在工资里罚两百，这样可以吗？我们厂就是这样')).toBe('labor_other');
  });

  it('when children are said to work at a named place, then it is a labour matter to report', () => {
    expect(classify('观音寺镇有个鞭炮作坊请了几个十三四岁的伢子包装，你们查不查？')).toBe('labor_other');
    expect(classify('杨溪桥镇那个制衣厂在用童工，有人管没有？')).toBe('labor_other');
  });

  it('when the caller says the matter is not arrears and the pay was paid, then it is not wage arrears', () => {
    expect(classify('我不是讨薪，我在物流园搬货扭伤了腰，老板不认工伤，工资倒是结了的。')).toBe('labor_other');
    expect(classify('不是欠工资的事，工资都按月发了，就是公司不给我们交社保。')).toBe('labor_other');
  });
});

describe('wage_arrears or not: what the unpaid word is about', () => {
  it('when pay for a probation or a stoppage is itself said to be unpaid, then it is wage arrears', () => {
    expect(classify('公司讲我试用期不合格把我辞退了，试用期的工资到现在还没给，两千一')).toBe('wage_arrears');
    expect(classify('做了一个月被开除了，开除前那个月的工钱一直冇发')).toBe('wage_arrears');
  });

  it('when an injury sentence says the boss will not pay for treatment, with no pay word or sum, then it is another matter', () => {
    expect(classify('我哥在砖厂做事，上个月被机器压伤了脚，厂里不给治，也不认工伤')).toBe('labor_other');
    expect(classify('在工地摔伤了腰，包工头不管，住院也不给报')).toBe('labor_other');
  });

  it('when the money owed was lent, not earned, then it is not pay', () => {
    expect(classify('老板欠我钱一直不还，是他去年借的我三万块')).toBe('invalid');
    expect(triageByRules({ channel: 'wechat', text: '我借给老板一万块钱，他还欠我工资六千，现在人跑了' }).amount_yuan).toBe(6000);
  });
});

describe('progress_query: asking after a complaint already made', () => {
  it('when a work-order number or a request to hurry the case is given, then it is a progress query', () => {
    expect(classify('来电人称其三月份已投诉工地欠薪，工单号HN20230417，至今无人联系，要求催办。')).toBe('progress_query');
    expect(classify('去年年底我在网上反映过欠工资，麻烦你们督办一下。')).toBe('progress_query');
  });

  it('when the caller phoned before and the office said it would pass the case on, then it is a progress query', () => {
    expect(classify('我上次打过电话，讲茶庵铺那个砖厂欠工资，你们讲转给镇上了，到现在冇人来。')).toBe('progress_query');
    expect(classify('前几天打过热线反映工钱的事，你们说三天内有人联系我，一直冇等到。')).toBe('progress_query');
    expect(classify('我之前来过你们这里反映工钱的事，讲一个月内解决，现在都两个月了')).toBe('progress_query');
    expect(classify('你们上回讲半个月内给我回复，现在一个月了')).toBe('progress_query');
  });

  it('when an office said some time ago it would mediate and nobody has called, then it is a progress query', () => {
    expect(classify('前两个月劳动站讲要安排我们和老板调解，到底哪天调解？一直冇人通知。')).toBe('progress_query');
    expect(classify('上个礼拜监察大队说会上门核实，还来不来？')).toBe('progress_query');
  });

  it('when the caller only phoned another line that sent them here, then it is no progress query', () => {
    expect(classify('我昨天打了12345，他们叫我打这个电话。我在工地做了三个月，包工头欠我一万二。')).toBe('wage_arrears');
  });
});

describe('invalid: not a question about work at all', () => {
  it('when the text only asks whether this is the bureau’s account or line, then it is invalid', () => {
    expect(classify('你好，这个是劳动监察的公众号不？')).toBe('invalid');
    expect(classify('您好，请问这里是人社局的热线吗？')).toBe('invalid');
  });

  it('when a trader is owed for goods supplied, then it is a debt that is not pay', () => {
    expect(classify('我开了个批发部，给镇上一家饭店供了三千多块钱的酒，收了货一直拖着不给钱。')).toBe('invalid');
    expect(classify('我们厂供了两车砖给他的工地，到现在一分没付，能帮忙要吗')).toBe('invalid');
  });

  it('when a load of goods was delivered and not paid for, then it is a debt for goods', () => {
    expect(classify('我给一个工地送了三车沙，包工头到现在冇付钱')).toBe('invalid');
    expect(classify('上个月卖了一批钢筋给他们项目部，钱一直拖着')).toBe('invalid');
  });

  it('when a company is owed a contract sum and says the workers were paid out of its own pocket, then it is invalid', () => {
    expect(classify('我们公司给镇里修了一条渠，工程款三十万拖了两年。工人工资都是我们自己先垫付发了的，不欠。')).toBe('invalid');
  });
});

describe('wage_arrears: a threat on the condition that pay stays unpaid', () => {
  it('when the caller threatens what they will do if the pay is still not paid, then the pay is unpaid now', () => {
    expect(classify('要是再不发工资，我就从楼上跳下去')).toBe('wage_arrears');
    expect(classify('老板还不给工钱的话，我们几个就去堵他家门')).toBe('wage_arrears');
  });

  it('when the condition only imagines arrears, then it is still a question', () => {
    expect(classify('如果老板拖欠工资的话，可以找哪个部门？')).toBe('consultation');
  });
});

describe('wage_arrears: pay put off until the payer has sold or been paid', () => {
  it('when the money has not come down and the workers are sent home to wait, then the pay is owed', () => {
    expect(classify('年底了，包工头说钱还没到，叫我们回去等，我们十五个人一年的工钱都在他手里')).toBe('wage_arrears');
    expect(classify('老板讲上面的款还冇拨下来，叫我们回屋等通知，做了三个月了')).toBe('wage_arrears');
  });

  it('when the payer says he will pay once something is sold, then the pay is owed', () => {
    expect(classify('我帮村里的贺国安摘了一个月橘子，一天一百二，他讲橘子卖完了再给')).toBe('wage_arrears');
    expect(classify('在他屋里的鱼塘帮工做了半年，老板说等鱼卖了才发工钱')).toBe('wage_arrears');
  });
});
