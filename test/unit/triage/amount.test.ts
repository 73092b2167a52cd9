import { triageByRules } from '../../../src/triage/rule-triage';

const amountOf = (text: string): number | null => triageByRules({ channel: 'wechat', text }).amount_yuan;

describe('amount_yuan', () => {
  it('when colloquial Chinese numerals are used, then the total is read', () => {
    expect(amountOf('在九溪镇帮星光装饰公司贴墙纸，老板欠我一万二冇给')).toBe(12000);
    expect(amountOf('老板欠我两千八百块工资不给')).toBe(2800);
  });

  it('when full-width digits are used, then they count as digits', () => {
    expect(amountOf('云帆餐馆欠我工资１５０００元一直不发')).toBe(15000);
  });

  it('when w or k shorthands are used, then they scale the number', () => {
    expect(amountOf('老板欠我工钱2.5w，拖了半年')).toBe(25000);
  });

  it('when a range is given, then its lower number is taken', () => {
    expect(amountOf('包工头欠了我五六千块工钱')).toBe(5000);
  });

  it('when an approximate word is used, then the number is unchanged', () => {
    expect(amountOf('欠我们工资大概三十多万，拖了一年')).toBe(300000);
  });

  it('when part was paid, then only what is still unpaid is given', () => {
    expect(amountOf('工钱总共8万，老板只给了3万，剩下的一直拖着')).toBe(50000);
  });

  it('when the remainder is stated, then it wins', () => {
    expect(amountOf('一共做了5万的活，给了1万5，还差3万5冇给')).toBe(35000);
  });

  it('when a per-person sum and a head count are given, then they are multiplied', () => {
    expect(amountOf('我们4个人在工地做小工，老板欠我们每人六千五')).toBe(26000);
  });

  it('when a monthly rate and unpaid months are given, then they are multiplied', () => {
    expect(amountOf('我在超市做收银，一个月三千二，老板拖了我3个月工资')).toBe(9600);
  });

  it('when a daily rate and worked days are given, then they are multiplied', () => {
    expect(amountOf('帮人刷油漆，讲好一天二百五，做了20天，钱一分都冇给')).toBe(5000);
  });

  it('when per person, per month and head count are all given, then all three are multiplied', () => {
    expect(amountOf('每人每月2500，欠了2个月，我们3个人，工资都冇发')).toBe(15000);
  });

  it('when a group gives a daily rate without a head count, then the amount is unknown', () => {
    expect(amountOf('我们几个人帮老板摘柑橘，讲好一天一百，到现在一分钱都冇给')).toBeNull();
  });

  it('when the speaker corrects a sum, then the corrected sum is taken', () => {
    expect(amountOf('老板欠我工资1万8，不对，是1万6')).toBe(16000);
  });

  it('when a phone number or the hotline is in the text, then it is not read as money', () => {
    expect(amountOf('打了12345也冇用，老板欠我工资，电话13900004321')).toBeNull();
  });
});

describe('amount_yuan from rates, part payments and months', () => {
  it('when a daily rate, the days and a part payment are given, then the rest is owed', () => {
    expect(amountOf('在村部工地做了五十天小工，劳务费讲好一天两百，包工头总共只给了三千')).toBe(7000);
  });

  it('when a monthly rate, the months owed and a part payment are given, then the rest is owed', () => {
    expect(amountOf('物业欠我五个月工资，一个月2400，上个星期给了我3000')).toBe(9000);
  });

  it('when months worked and months paid are given, then only the unpaid months count', () => {
    expect(amountOf('在托管班当老师，讲好一个月两千五，做了五个月，只发了两个月的')).toBe(7500);
    expect(amountOf('在砂石场开了八个月的车，一个月五千五，最后三个月的冇给')).toBe(16500);
  });

  it('when one and a half months are owed, then the monthly rate is multiplied by 1.5', () => {
    expect(amountOf('欠我一个半月的工资，一个月三千二')).toBe(4800);
  });

  it('when two workers each have their own daily rate, then each is multiplied by the days and summed', () => {
    expect(amountOf('我跟我老公在工地做水电，我老公一天三百，我做小工一天一百八，两个人都做了20天，一分冇结')).toBe(9600);
  });

  it('when a hedged sum follows a per-person clause, then it is per person', () => {
    expect(amountOf('我们一起去的有三个人，每人欠一个月工资，大概五千')).toBe(15000);
  });

  it('when an agreed wage is written as a bare number, then it is a sum', () => {
    expect(amountOf('在快递网点做了一个月，讲好4200，到现在冇发')).toBe(4200);
  });
});
