import { triageByRules } from '../../../src/triage/rule-triage';
import { findNumerals } from '../../../src/triage/numbers/chinese-numeral';

const amountOf = (text: string): number | null =>
  triageByRules({ channel: text.includes('坐席：') ? 'hotline' : 'wechat', text }).amount_yuan;

describe('amount: totals, advances and part payments', () => {
  it('when a total is stated and an advance was drawn against it, then the advance comes off', () => {
    expect(amountOf('工钱一共三万，中间预支过五千')).toBe(25000);
    expect(amountOf('总共做了两万二的活，借支了两千，还有两万冇给')).toBe(20000);
  });

  it('when living money was handed over, then it is a part payment, not a cost of its own', () => {
    expect(amountOf('在厂里做了三个月，一个月四千，老板只给了两千块钱生活费')).toBe(10000);
  });

  it('when the remainder of each worker is given and then their total, then the total', () => {
    expect(amountOf('我跟我弟弟两个，我还差八千，我弟差五千，两个人一共一万三')).toBe(13000);
  });

  it('when a total is followed by what is still owed, then what is still owed', () => {
    expect(amountOf('合计四万元，付了一万，尾款三万一直拖着')).toBe(30000);
  });
});

describe('amount: months owed', () => {
  it('when the months follow the pay word (拖欠工资两个月), then they multiply the monthly rate', () => {
    expect(amountOf('在一家电子厂上班，拖欠工资两个月，每月五千二')).toBe(10400);
  });
});

describe('amount: deductions', () => {
  it('when pay was held back and nothing else is owed, then the sum held back', () => {
    expect(amountOf('老板扣了我三千块工资一直不退')).toBe(3000);
  });

  it('when a deduction is named beside a monthly wage owed, then the wage owed is the amount', () => {
    expect(amountOf('每个月五千，欠了两个月，还扣了我一千的卫生费')).toBe(10000);
  });

  it('when a deduction is named within a total that is unpaid, then the total', () => {
    expect(amountOf('工资一万六，被他扣了六千，剩下的也冇发')).toBe(16000);
  });
});

describe('amount: rates the operator asked for', () => {
  it('when the caller answers "how much a month" with a bare sum, then it is a monthly rate', () => {
    expect(amountOf('坐席：您好。\n来电人：我在饭店帮厨，欠我四个月工资。\n坐席：一个月多少钱？\n来电人：两千六。')).toBe(10400);
  });

  it('when the caller answers "how much a day", then the days worked and head count multiply it', () => {
    expect(amountOf('坐席：您好。\n来电人：我们五个人帮老板砌围墙，做了十二天，工钱冇给。\n坐席：一天多少钱？\n来电人：讲好两百。')).toBe(
      12000,
    );
  });

  it("when the caller confirms the operator's reckoning of what is still owed, then that remainder", () => {
    const text =
      '坐席：您好。\n来电人：我帮人家挖红薯，做了二十天，一天一百五，只给了一千。\n坐席：一共三千，给了一千，还差两千对吧？\n来电人：对，两千。';
    expect(amountOf(text)).toBe(2000);
  });
});

describe('numerals: where a number ends', () => {
  it('when a digit after 万 or 千 starts the next word (一直, 一分, 两个月), then it is not part of the number', () => {
    expect(findNumerals('尾款三万一直拖着').map((n) => n.value)).toEqual([30000]);
    expect(findNumerals('工资五千一分都没给').map((n) => n.value)).toEqual([5000]);
    expect(findNumerals('欠我三万一，不给').map((n) => n.value)).toEqual([31000]);
  });

  it('when 万 or 千 stands for one of them (万六, 千八), then it reads 16000 and 1800', () => {
    expect(amountOf('欠我万六块钱工资')).toBe(16000);
    expect(amountOf('老板欠我工钱千八')).toBe(1800);
    expect(findNumerals('万一老板跑了').some((n) => n.value >= 10000)).toBe(false);
  });
});

describe('head counts', () => {
  it('when the speaker corrects a count by adding themselves, then the corrected count', () => {
    expect(triageByRules({ channel: 'wechat', text: '我们六个，哦，加上我是七个，老板欠我们每人三千' }).worker_count).toBe(7);
  });

  it('when workers are counted as women or villagers, then they are counted', () => {
    expect(triageByRules({ channel: 'wechat', text: '我们村去了十二个妇女帮他摘茶，工钱一分没给' }).worker_count).toBe(12);
  });
});
