import { triageByRules } from '../../../src/triage/rule-triage';

const amount = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): number | null => triageByRules({ channel, text }).amount_yuan;

describe('amount: the operator reckons and the caller accepts', () => {
  it("when the operator sums the caller's figures and the caller says yes, then that sum", () => {
    const asked = [
      '坐席：您好。',
      '来电人：我跟我弟在龙潭镇帮人挖塘，我做了二十五天，他做了二十天，一天两百六，一分冇给。',
      '坐席：那就是四十五天，每天两百六，一万一千七，对吗？',
      '来电人：是的。',
    ].join('\n');
    expect(amount(asked, 'hotline')).toBe(11700);
    const stated = [
      '坐席：请讲。',
      '来电人：欠我六千，欠我堂客六千五，都是工钱。',
      '坐席：两个人合计一万二千五。',
      '来电人：13812345678。',
    ].join('\n');
    expect(amount(stated, 'hotline')).toBe(12500);
  });

  it("when the caller objects to the reckoning, then the caller's own sum", () => {
    const text = ['坐席：请讲。', '来电人：老板欠我工钱九千。', '坐席：一共九千对吧？', '来电人：不对，是九千五。'].join('\n');
    expect(amount(text, 'hotline')).toBe(9500);
  });

  it('when the caller corrects digits of the phone number, then those digits are no sum', () => {
    const text = [
      '坐席：电话多少？',
      '来电人：151 7368 2234。',
      '坐席：15173682243？',
      '来电人：不是，尾数是2234。',
      '坐席：欠多少？',
      '来电人：一个月两千，欠两个月。',
    ].join('\n');
    expect(amount(text, 'hotline')).toBe(4000);
  });
});

describe('amount: months owed told one by one', () => {
  it('when the unpaid months are listed and then counted (五六七八四个月), then the count', () => {
    expect(amount('在桃源县城一个汽修厂做，五六七八四个月的工资冇发，一个月三千五')).toBe(14000);
  });

  it('when the unpaid months are only named (九月十月, 9月、10月、11月), then as many months', () => {
    expect(amount('厂里9月、10月、11月的工资都冇发，我月薪3200')).toBe(9600);
    expect(amount('我在鞋厂上班，十月十一月工资都没发，我每个月四千')).toBe(8000);
  });
});

describe('amount: a day rate and days restated', () => {
  it('when the time worked is restated in days in a clause of its own, then rate × days', () => {
    expect(amount('跟着师傅学砌墙，讲好一天一百二，干了一个多月，四十天，一分冇给')).toBe(4800);
    expect(amount('在茶园帮人采茶，一天一百，做了一个多月，三十五天，老板一直拖着不给')).toBe(3500);
  });
});

describe('amount: a payment and a total in one unpunctuated run', () => {
  it('when a total comes after a payment with no punctuation between, then the nearer word tells', () => {
    expect(amount('我在县城做保洁做了八个月每月两千只发了五个月还有三个月没发总共六千')).toBe(6000);
    expect(amount('厂里欠我工资做了五个月每月三千只给了两个月的一共还差九千')).toBe(9000);
  });
});

describe('amount: other debts beside the wages', () => {
  it('when material money, sand and stone or a loan to the boss are named beside the wages, then only the wages', () => {
    expect(amount('材料钱我垫了四千八他不还，工钱做了15天，一天300，一分没给')).toBe(4500);
    expect(amount('老板在我这里借了三万块，工资也拖了两个月，一个月四千五')).toBe(9000);
    expect(amount('我帮他运了砂石，砂石钱一万二，另外我在他工地开挖机，开了两个月，一个月八千，工资冇给')).toBe(16000);
  });
});

describe("amount: one month's pay and items added in a clause of their own", () => {
  it("when the last month's pay and a bonus are owed, then both added", () => {
    expect(amount('我辞职了，公司最后一个月工资五千二没给，还有上个月的绩效一千五')).toBe(6700);
    expect(amount('坐席：请讲。\n来电人：离职后上个月工资四千没结，另外还有提成八百也没给。', 'hotline')).toBe(4800);
  });

  it('when the pay of a named month is the sum owed, then that sum', () => {
    expect(amount('公司欠了我十月一个月工资3800，一直拖')).toBe(3800);
  });

  it('when a bare number follows a clause about the pay owed, then it is the sum', () => {
    expect(amount('老板欠我三个月工资，9600')).toBe(9600);
    expect(amount('物业公司拖了我两个月的工钱 5200')).toBe(5200);
  });
});

describe('amount: months of work told with the verb of the job', () => {
  it('when the time worked is told as 喂了半年, 守了四个月, then rate × that time', () => {
    expect(amount('老板姓喻，在观音寺镇搞养殖，我帮他喂了半年鸡，一个月两千五，一分没给')).toBe(15000);
    expect(amount('我在县城帮人守了四个月店，讲好一个月一千八，到现在冇给')).toBe(7200);
  });
});

describe('amount: a loan to the boss told beside unpaid work', () => {
  it('when the boss also borrowed from the worker, then the wages alone, and still a wage case', () => {
    const text = '在郑家驿镇帮李建国开挖机，开了三个月，一个月九千，一分没拿到，另外他还借了我五千块钱';
    expect(amount(text)).toBe(27000);
    expect(triageByRules({ channel: 'wechat', text }).category).toBe('wage_arrears');
    const other = '坐席：请讲。\n来电人：我帮老板送了两个月货，一个月五千，冇给，他还找我借了三千。';
    expect(amount(other, 'hotline')).toBe(10000);
    expect(triageByRules({ channel: 'hotline', text: other }).category).toBe('wage_arrears');
  });

  it('when only goods money is owed, then still no wage case', () => {
    expect(triageByRules({ channel: 'wechat', text: '我给他送了一批货，货款三万，一分没给' }).category).toBe('invalid');
  });
});

describe('amount: days and months told in other words', () => {
  it('when the days worked are told with the job verb (采了二十天), then rate × days', () => {
    expect(amount('我在枫树乡的茶叶合作社帮忙采茶，采了二十天，一天一百，负责人冇给钱')).toBe(2000);
    expect(amount('帮他摘了十五天柚子，一天一百二，一分冇给')).toBe(1800);
  });

  it('when the months are named and then counted (4月5月两个月), then that count', () => {
    expect(amount('我在县城步行街的鞋店当店员，老板欠我工资，4月5月两个月，一个月两千三')).toBe(4600);
    expect(amount('九月十月两个月的工钱冇结，每个月三千八')).toBe(7600);
  });
});

describe('amount: only part received', () => {
  it('when the worker "only got" a sum (只拿到, 才领到), then it comes off the wages and the text is a wage case', () => {
    const text = '帮我爸问的，他在凌津滩镇帮一个姓蒲的老板放牛，放了十个月，一个月一千五，只拿到五千';
    const got = triageByRules({ channel: 'wechat', text });
    expect(got.category).toBe('wage_arrears');
    expect(got.amount_yuan).toBe(10000);
    expect(got.sector).toBe('agriculture');
    expect(amount('在鸡场做了六个月，每个月两千四，才领到四千')).toBe(10400);
  });
});

describe('amount: days told with a trade verb', () => {
  it('when the days are told as 焊了二十天 or 贴了十二天, then rate × days', () => {
    expect(amount('欠我钱的那个人叫申志刚，他在陬市镇包了个厂房的钢结构，我帮他焊了二十天，一天三百五')).toBe(7000);
    expect(amount('帮老板贴了十二天瓷砖，一天三百，冇给')).toBe(3600);
  });
});

describe('amount: a payment made every month', () => {
  it('when only living money was paid each month, then it comes off every month worked', () => {
    expect(amount('在浔阳街道槐荫村的砖厂做了八个月，老板每月只发一千生活费，讲年底算，一个月讲好四千')).toBe(24000);
    expect(amount('我在工地做了五个月，讲好一个月六千，每个月只给了两千，剩下的说年底结')).toBe(20000);
  });
});
