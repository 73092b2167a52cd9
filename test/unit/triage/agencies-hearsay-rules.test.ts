import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('employers: agencies beside factories, foremen above whom a company stands, nicknames in quotes', () => {
  it('when the factory paid the wages to the agency and the agency holds them, then the agency', () => {
    const lead = read('我是通过县城一个中介，叫吉祥劳务派遣，介绍去陬市镇华兴电子厂做的。厂里讲我的工资早就打给中介哒，是中介一直扣着');
    expect(lead.employer).toBe('吉祥劳务派遣');
    expect(lead.project).toBe('华兴电子厂');
  });

  it('when the agency says it only introduced the worker, then the factory', () => {
    expect(read('中介是顺心人力，厂是浔阳街道的美佳服装厂，厂里三个月冇发我工资，中介讲他们只管介绍人，不管发工资').employer).toBe(
      '美佳服装厂',
    );
  });

  it('when the foreman took the job from a company (他是从X那里接的活), then the foreman', () => {
    expect(read('我们是跟一个姓汤的包工头做的，都喊他汤老板，他是从湖南宏远路桥有限公司那里接的活，钱早就打给他了').employer).toBe(
      '汤老板',
    );
  });

  it('when a name is taken back after 哦 (X，哦不是，是Y), then Y', () => {
    expect(read('我在九溪镇的福满楼酒楼，哦不是，是满福楼酒楼做帮工，欠了我两个月').employer).toBe('满福楼酒楼');
  });

  it('when the boss is called by a nickname in quotation marks, then that nickname', () => {
    expect(read('黄甲铺镇街上一个搞装修的，名字我不晓得，大家都喊他“瘦猴”，欠我工钱五千').employer).toBe('瘦猴');
  });

  it('when the one worked under is described and named (跟的是湖南老乡X), then that person', () => {
    expect(read('我爸在新疆一个工地做钢筋，跟的是湖南老乡向德明，一年的工钱三万冇结').employer).toBe('向德明');
  });

  it('when the house owner is named after his village (X村的屋主Y), then the owner', () => {
    expect(read('我们三个泥工帮九溪镇龙门村的屋主彭国新修房子，还差我们两万').employer).toBe('彭国新');
  });

  it('when someone known by what he keeps owes (养牛的X欠我), then that person', () => {
    expect(read('理公港镇养羊的杜国强欠我工钱，我帮他放了五个月羊').employer).toBe('杜国强');
  });

  it('when a depot, a care home or a playground is named by its kind, then that business', () => {
    expect(read('我在漳江街道送外卖的 站点叫飞毛腿配送 上个月扣了我800块工资').employer).toBe('飞毛腿配送');
    expect(read('我妈在浔阳街道的松鹤颐养院做护工，五个月冇发工资').employer).toBe('松鹤颐养院');
    expect(read('漳江街道欢乐谷儿童乐园 我做收银的 欠6个月').employer).toBe('欢乐谷儿童乐园');
  });
});

describe('categories: hearsay, plans, rules asked about, partners, excuses', () => {
  it('when a factory is heard to have owed wages and the asker plans to work there, then a consultation', () => {
    expect(read('听讲工业园那个华美电子厂以前拖过工资，我下个月准备进去上班，要注意签些么子？').category).toBe('consultation');
  });

  it('when a business partner ran off with the money, then not wages', () => {
    expect(read('我跟人合伙开了个饭店，他把账上的钱全部卷跑了，我投资的五万块也冇了').category).toBe('invalid');
  });

  it('when a restaurant owner asks about paying a worker who left, then a consultation', () => {
    expect(read('我是开饭店的，想问一下，员工做了半个月自己走了，工资是不是也要按天给他结？').category).toBe('consultation');
  });

  it('when a deposit is asked about before starting (我还冇去), then a consultation', () => {
    expect(read('有个老板讲要先交两千块保证金才能上岗，这种合法不？我还冇去，怕上当').category).toBe('consultation');
  });

  it('when the rules on annual leave are asked about and the wages are paid, then a consultation', () => {
    expect(read('我在永兴包装厂做事，工资都按时发的，就是想问下年假有冇规定？').category).toBe('consultation');
  });

  it('when the boss blames unpaid bills for goods (一直讲货款冇收回来), then the wages are owed', () => {
    const text = '坐席：您好。\n来电人：我在县城给顺达物流公司开货车。\n来电人：两个月的工资，一万二，老板一直讲货款冇收回来。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when the operator asks for the unit that owes (欠薪的单位是？), then a wage complaint', () => {
    const text = '坐席：欠薪的单位是？\n来电人：我们是跟鼎盛建筑劳务有限公司签的，教育局讲工程款付了的，是劳务公司一直压着。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when the office ordered payment by a deadline and it passed, then a progress query', () => {
    expect(read('你们上回讲已经责令老板限期支付了，期限都过了一个礼拜他还是冇给，现在怎么搞？').category).toBe('progress_query');
  });

  it('when a hardware dealer sold on credit to a foreman, then not wages', () => {
    expect(read('我在陬市镇开五金店的，有个包工头在我这里赊了两万多的钢管，现在工地完工了也不结').category).toBe('invalid');
  });
});
