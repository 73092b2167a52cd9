import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('unpaid pay said in other words, and short messages that start with the payer', () => {
  it('when months go by with no money paid out (两个月冇发钱, 三个月冇领工资), then wage arrears', () => {
    expect(read('我们在马鬃岭山上装太阳能板，两个月冇发钱。').category).toBe('wage_arrears');
    expect(read('小区扫地的阿姨们三个月冇领工资').category).toBe('wage_arrears');
    // (a payslip not given is no pay withheld)
    expect(read('老板每个月只打钱不给工资条，这个合法不？工资倒是冇少').category).toBe('consultation');
  });

  it('when a boss made off with the pay (卷了…工资, 卷钱跑哒), then wage arrears and the business is the employer', () => {
    const r = read('马小兵卷了我们十几个骑手的工资，飞毛脚配送的');
    expect(r.category).toBe('wage_arrears');
    expect(r.employer).toBe('飞毛脚配送');
  });

  it('when a message starts with the payer and what he does not pay (胡德明的钱还是冇到, 蒋文斌更不得给钱哒), then he is the employer', () => {
    expect(read('胡德明的钱还是冇到')).toMatchObject({ category: 'wage_arrears', employer: '胡德明' });
    expect(read('刘德胜跑哒，工钱冇给')).toMatchObject({ category: 'wage_arrears', employer: '刘德胜' });
    expect(read('采石场被环保封哒，蒋文斌更不得给钱哒')).toMatchObject({ category: 'wage_arrears', employer: '蒋文斌' });
    expect(read('田老五讲恒远那边元旦前给一半，靠得住不').employer).toBe('田老五');
  });

  it('when a township starts the message (沙坪镇那个光伏项目), then it is no payer', () => {
    const r = read('沙坪镇那个光伏电站项目，施工队欠我们五十多个工人的工资，拖了一年多了！！');
    expect(r.employer).toBeNull();
    expect(r.location).toBe('沙坪镇');
  });

  it('when the money of a named job has still not come (…水库的钱还是冇到), then wage arrears', () => {
    expect(read('闰泽水利天星水库的钱还是冇到').category).toBe('wage_arrears');
  });

  it('when a month’s pay is simply not paid and the caller asks the office to act, then wage arrears, not a question', () => {
    expect(read('漳江那个湘里人家还在营业，就是11月的工资不发，我和糖糖两个人，你们能不能去问下').category).toBe('wage_arrears');
    expect(read('工地老板欠工资不给，劳动监察管不管？').category).toBe('consultation');
  });

  it('when the caller says what they do not know (他上面是哪个公司我不清楚), then that asks nothing', () => {
    const text =
      '坐席：您好，根治欠薪热线。\n来电人：喂，我们在浔阳那个锦绣华城搞泥工，三期还在建的那边。\n坐席：欠薪的是谁？\n来电人：包工头孙红兵，他上面是哪个公司我不清楚。十月十一月，六个人，六万多。\n坐席：好的，您电话？\n来电人：幺八九零零零零三三七六。';
    expect(read(text, 'hotline')).toMatchObject({ category: 'wage_arrears', employer: '孙红兵', amount_yuan: 60000, worker_count: 6 });
  });

  it('when a character is spelled out by a place’s name (通衢，衢州的衢), then that place is not where the work is', () => {
    const text =
      '坐席：您好，欠薪投诉热线。\n来电人：喂，我们是修白洋河那个桥的，公司欠工钱。\n坐席：什么公司？通达路桥吗？\n来电人：不是，通衢，衢州的衢，通衢路桥养护公司。\n坐席：欠多少？\n来电人：六个人，五万四，十月十一月的。';
    const r = read(text, 'hotline');
    expect(r).toMatchObject({ category: 'wage_arrears', employer: '通衢路桥养护公司', amount_yuan: 54000 });
    expect(r.location ?? '').not.toContain('衢州');
  });
});
