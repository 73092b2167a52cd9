import { triageByRules } from '../../../src/triage/rule-triage';

const lead = (text: string) => triageByRules({ channel: 'wechat', text });
const amount = (text: string): number | null => lead(text).amount_yuan;

describe('amount: pay per hour, lesson, shift or event', () => {
  it('when a rate is per hour (钟, 钟头) and the hours are counted, then rate × hours less what was paid', () => {
    expect(amount('我在镇上一家快餐店洗碗，一个钟十五块，上个月做了两百个钟，老板就给了我一千')).toBe(2000);
    expect(amount('晚上去培训班改作业，一个钟头三十块，十月份做了八十个钟头，到现在冇结')).toBe(2400);
    expect(amount('做包装按钟算的，一个钟十八块，做了三百零六个钟，一分冇发')).toBe(5508);
  });

  it('when a rate is per lesson or per night shift, then rate × lessons or shifts', () => {
    expect(amount('我是钢琴老师，一节课九十，上学期上了六十节，机构一分钱冇结')).toBe(5400);
    expect(amount('在物流园做分拣，上个月做了二十个夜班，一个班两百五，工资冇发')).toBe(5000);
  });

  it('when several workers each work every event at one rate, then the rate counts for each of them', () => {
    const text = '我们几个姐妹帮酒店搞酒席，一共五个人，一场一百二，做了四场，一分都冇给';
    expect(lead(text).worker_count).toBe(5);
    expect(amount(text)).toBe(2400);
  });

  it('when a rate is per piece made by a group, then the pieces are already the whole', () => {
    expect(amount('我们三个人在鞋厂做计件，一双八毛，一共做了五千双，冇结')).toBe(4000);
  });
});

describe('amount: months named by their ends or counted to now', () => {
  it('when the unpaid months are a span (四月到七月), then both ends count', () => {
    expect(amount('在度假山庄做服务员，五月到八月的工资冇发，一个月两千六')).toBe(10400);
    expect(amount('从11月做到2月，一个月四千，老板一分冇给')).toBe(16000);
  });

  it('when months are listed then counted (七八两个月), then the count', () => {
    expect(amount('九十两个月工资冇发，每个月三千八')).toBe(7600);
  });

  it('when the pay stopped at a month and the months to now are counted, then those months', () => {
    expect(amount('在物流公司开叉车，月薪四千六，九月份开始就冇发了，到现在三个月')).toBe(13800);
  });

  it('when the named months are withheld (不给), then they are the months owed', () => {
    expect(amount('讲好保底一个月四千，公司扣着我九月和十月的钱不给')).toBe(8000);
  });

  it('when the last months of a longer stint are owed (后三个月), then those months', () => {
    expect(amount('当学徒做了半年，讲好后三个月一个月两千，一分冇给')).toBe(6000);
  });

  it('when months are owed to someone the caller speaks for (欠他两个月), then they count', () => {
    expect(amount('我帮我爸反映，厂里欠他两个月，一个月五千二')).toBe(10400);
  });
});

describe('amount: several pay items and a total', () => {
  it('when another pay item follows in its own clause (工资…，提成…), then both are owed', () => {
    expect(amount('辞职了老板不给结，工资两千四，提成九百')).toBe(3300);
  });

  it('when a base pay item is added to what was held back (还有…底薪), then both are owed', () => {
    expect(amount('老板娘扣了我上个月的提成一千八 还有半个月的底薪一千二')).toBe(3000);
  });

  it('when a total is said after the items, then the total and nothing added', () => {
    expect(amount('欠我两个月，一个月四千二，还有课时费一千五，总共九千九')).toBe(9900);
    expect(amount('扣了我罚款一千多，还有上个月的工资三千九冇发，加起来五千')).toBe(5000);
  });

  it('when a payment was transferred (只打了), then it comes off the total', () => {
    expect(amount('在茶厂做了三个月，工资一共一万一千四，老板只打了3000过来')).toBe(8400);
  });
});

describe('amount: each worker’s figure for all of them', () => {
  it('when each worker is still owed a sum (每个人还差), then it counts for every worker', () => {
    expect(amount('我们十二个人在县道上做了八个月，每个人还差八千块钱冇结')).toBe(96000);
  });

  it('when each worker’s months add up to a sum (每人…合计), then it counts for every worker', () => {
    expect(amount('欠我们车间十个人两个月工资，每人两个月合计六千四')).toBe(64000);
  });

  it('when a sum follows each worker’s months in its own clause, then it is each worker’s', () => {
    expect(amount('欠我们后厨十一个人的工资，每人一个多月，五千左右')).toBe(55000);
  });
});

describe('worker count: the speaker and one other', () => {
  it('when the speaker works with a spouse or classmate (我堂客跟我, 我跟我同学), then two', () => {
    expect(lead('我堂客跟我都在工地上做事，我一天三百她一天一百八，都做了六十天').worker_count).toBe(2);
    expect(amount('我堂客跟我都在工地上做事，我一天三百她一天一百八，都做了六十天')).toBe(28800);
    expect(lead('我跟我同学在快递驿站打暑假工，讲好一人一个月两千，做了两个月，一分冇给').worker_count).toBe(2);
    expect(amount('我跟我同学在快递驿站打暑假工，讲好一人一个月两千，做了两个月，一分冇给')).toBe(8000);
  });

  it('when 我们 only says where the speaker works and only the speaker’s own days are told, then one', () => {
    expect(lead('我们在村里修综合楼，讲好一天两百六，我做了四十天，他只给了三千').worker_count).toBe(1);
    expect(amount('我们在村里修综合楼，讲好一天两百六，我做了四十天，他只给了三千')).toBe(7400);
    expect(lead('厂里从来不给我们买社保，现在最后两个月的工资也冇发了，一个月三千六').worker_count).toBe(1);
  });
});
