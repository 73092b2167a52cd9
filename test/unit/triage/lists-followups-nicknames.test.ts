import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('workers listed each with a sum', () => {
  it('when workers are listed by name or kin with their sums (老张…，我舅舅欠…，邻居刘叔欠…), then all of them and their total', () => {
    const lead = read('跟包工头做的。我舅舅欠一万，我表哥欠八千，邻居刘叔欠六千，还有我自己欠五千。');
    expect(lead.worker_count).toBe(4);
    expect(lead.amount_yuan).toBe(29000);
  });

  it('when one more worker is introduced a clause before the sum (还有个小伢子，十九岁，四千), then that sum too', () => {
    expect(read('我一个个讲，老张八千，老李六千五，我自己一万，还有个小伢子，十八岁，三千。').amount_yuan).toBe(27500);
  });

  it('when two kin are each owed (我老公被欠…，表哥被欠…), then both', () => {
    const lead = read('我帮我老公写的，他和他表哥在工地做钢筋，我老公被欠一万八，表哥被欠一万二。');
    expect(lead.worker_count).toBe(2);
    expect(lead.amount_yuan).toBe(30000);
  });

  it('when a worker and his fellows are owed the same (爸爸和他两个老乡一人一万五), then three workers', () => {
    expect(read('爸爸在工地做木工，包工头扣着工钱不发，爸爸和他两个老乡一人一万二').amount_yuan).toBe(36000);
  });
});

describe('sums offered and days told bare', () => {
  it('when the boss offers a little more (最多再给一千), then the offer is no sum', () => {
    expect(read('帮老板装修门面，搞了20个工，一个工两百五，他结了两千，剩下的冇给，他讲最多再给一千').amount_yuan).toBe(3000);
  });

  it('when the days answer how long (二十天，讲好一天三百), then those days', () => {
    const text = '坐席：做了多久？\n来电人：二十天，讲好一天三百。\n坐席：一分都没给？\n来电人：一分都冇给。';
    expect(read(text, 'hotline').amount_yuan).toBe(6000);
  });
});

describe('employers by who paid and what they are called', () => {
  it('when the wages were always paid by a foreman called 老X, then he', () => {
    expect(read('我们是跟班组长老彭做的，老彭讲劳务公司冇给他钱，但是我们的钱一直都是老彭发的，欠我九千').employer).toBe('老彭');
  });

  it('when the wages were paid by "him", the person worked with named before, then that person', () => {
    expect(read('工程是宏达建设有限公司包的，但我们是跟汪德明做的，他是带班的，工钱也一直是他发。').employer).toBe('汪德明');
  });

  it('when everyone calls the boss by a surname and a nickname (石老虎), then that', () => {
    expect(read('我在碎石场开破碎机，老板大家都喊他郝老虎，真名不晓得，欠了四个月').employer).toBe('郝老虎');
  });

  it('when a message starts with the nickname of the one who led the work, then that nickname', () => {
    expect(read('大头 就是那个带我们做钢筋的 欠我三十天的工钱 一天三百').employer).toBe('大头');
  });

  it('when a quarry is named 石料场 or a depot 分拨中心, then that business', () => {
    expect(read('他在石场放炮，石场叫青山石料场，老板欠他半年工资').employer).toBe('青山石料场');
    expect(read('我们是顺通快运桃源分拨中心的装卸工，欠了一个半月的工资').employer).toBe('顺通快运桃源分拨中心');
  });
});

describe('categories: follow-ups, excuses, questions about others, goods', () => {
  it('when the office handled it before and a later instalment is missing, then a progress query', () => {
    expect(read('上回帮我们处理的那个欠薪，老板答应分三次给，现在第二笔冇到，找哪个').category).toBe('progress_query');
  });

  it('when a complaint went unanswered (一个电话都冇), then a progress query', () => {
    expect(read('我二十多天前投诉过一个装修公司欠我工钱，到今天一个电话都冇').category).toBe('progress_query');
  });

  it('when carers say the old people would have no one (冇人管), then still a wage complaint', () => {
    expect(read('养老院欠我们护工两个月工资都冇发，我们又不敢走，走了那些老人冇人管').category).toBe('wage_arrears');
  });

  it('when the manager blames unpaid fees (经理讲业主不交物业费), then the wages stay owed', () => {
    const text = '坐席：欠了您多久的工资？\n来电人：两个月，一个月两千，就是四千。经理讲业主不交物业费。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when the boss says there is no money to pay (冇得钱发) in a run-on message, then wage arrears', () => {
    expect(read('我在砖厂做了三个月哒老板讲砖卖不出去冇得钱发一个月四千三个月一万二你们管不管咯').category).toBe('wage_arrears');
  });

  it('when the wages were settled in full (工资结哒，一分不少) and compensation is asked, then another labour matter', () => {
    expect(read('主管突然讲不要我哒。工资结哒，一分不少，就是我问补偿，他们讲是我自己要走的').category).toBe('labor_other');
  });

  it('when goods were sold on credit (赊了一批水管), then not wages', () => {
    expect(read('我是开五金店的，去年给一个搞装修的老板赊了一批水管，六千多块钱，他到现在都冇给').category).toBe('invalid');
  });

  it('when a factory elsewhere owing "桃源人" is asked about, then a consultation', () => {
    expect(read('请问外地的工厂欠了桃源人的工资，可以在桃源这边投诉吗？').category).toBe('consultation');
  });

  it('when the asker read something online about bosses who owe, then a consultation', () => {
    expect(read('我在网上看到讲老板欠薪超过多少钱可以报警，是真的吗？').category).toBe('consultation');
  });

  it('when the office is called useless (都是摆设), then invalid', () => {
    expect(read('打了好多遍电话都冇得人接，你们这些坐办公室的都是摆设').category).toBe('invalid');
  });
});

describe('sites and sectors of these shapes', () => {
  it('when a school is called 桃源X中, then it is the place worked at, and the township is the location', () => {
    const lead = read('在桃源二中门口当保安 漳江街道 是金盾保安服务公司派的 欠三个月');
    expect(lead.project).toBe('桃源二中');
    expect(lead.location).toBe('漳江街道');
  });

  it('when an old building is being renovated (X旧楼改造) or a visitor centre built, then that site', () => {
    expect(read('浔阳街道 百货大楼旧楼改造 我们6个人 一共八万 老板是鑫鼎建设的').project).toBe('百货大楼旧楼改造');
    expect(read('我跟我老表在热市镇做游客服务中心的水电安装，老板一分冇给').project).toBe('游客服务中心');
  });

  it('when a road to the tea gardens is built, then construction, not farming', () => {
    expect(read('我们三个人在牛车河镇修茶园的产业路，承包老板欠我们六万').sector).toBe('construction');
  });

  it('when a steel frame is put up in an industrial park, then construction', () => {
    expect(read('我们在陬市镇工业园帮华宇钢构公司装厂房的钢结构，欠两万').sector).toBe('construction');
  });
});
