import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('a second worker with pay of their own', () => {
  it('when one more worker is mentioned without a number (还有个伙计, 我屋里的也在厂里), then two workers', () => {
    expect(read('我在石场开铲车，老板叫乔德文，半年冇给，一个月六千。船上还有个伙计也是半年冇给').worker_count).toBe(2);
    expect(read('我在竹器厂做了一年，老板冇结工资，我屋里的也在厂里，她的也冇结').worker_count).toBe(2);
    expect(read('还有我屋里的侄女，也欠她一千八，我这边欠两千六').worker_count).toBe(2);
  });

  it('when each of two workers tells their own sum, then the two added', () => {
    expect(read('老板叫伍德春，欠了我四千六百块，我堂客也在那里做欠了三千二，讲等年底').amount_yuan).toBe(7800);
  });

  it('when the second worker has their own rate and months, then each multiplied out and added', () => {
    const text =
      '坐席：欠多少？\n来电人：三个月的，一个月六千，一万八。\n坐席：就您一个？\n来电人：还有我外甥在那里洗碗，他也冇拿到，他一个月三千，也是三个月。';
    expect(read(text, 'hotline').amount_yuan).toBe(27000);
  });

  it("when the second worker has the same rate (他也是…，也欠…), then the first worker's pay twice", () => {
    const text = '坐席：每个月多少？\n来电人：三千六，欠了两个月。\n坐席：就您一个人？\n来电人：我跟我弟两个，他也是三千六，也欠两个月。';
    expect(read(text, 'hotline').amount_yuan).toBe(14400);
  });

  it('when the second worker owes fewer months at a rate of their own, then their own months', () => {
    const text =
      '坐席：一个月多少？\n来电人：五千，老板欠我三个月。\n坐席：就您一个吗？\n来电人：还有个打杂的小伙子，他欠两个月，一个月三千。';
    expect(read(text, 'hotline').amount_yuan).toBe(21000);
  });

  it('when both rates are told before the months they share, then both for those months', () => {
    expect(read('我和我老婆在厂里，我一个月四千，她一个月三千，欠了两个月').amount_yuan).toBe(14000);
  });

  it('when the operator reads back a head count and the caller agrees, then that count', () => {
    const text = '坐席：欠多少？\n来电人：我八千，我表弟六千，还有个老乡五千。\n坐席：那一共是一万九，三个人是吧？\n来电人：是的。';
    expect(read(text, 'hotline').worker_count).toBe(3);
  });

  it('when the speaker and a number of apprentices are owed (我和三个徒弟), then that many and one', () => {
    expect(read('我是做水电的，桃源县顺发建设有限公司欠人工费，我和三个徒弟').worker_count).toBe(4);
  });

  it('when the group is counted after its kinds of worker (我们老师加保育员一共七个), then that count', () => {
    expect(read('园长欠了我们四个月工资，我们老师加保育员一共七个，每个人一个月两千五').worker_count).toBe(7);
  });

  it('when only the speaker is registered (先登记我的), then one worker', () => {
    expect(read('我们班组的，我只晓得我自己的，做了一百天，一天三百，先登记我的').worker_count).toBe(1);
  });
});

describe('months and sums told in other ways', () => {
  it('when each month is told by its number (第一个月…，第二个月…), then their sum', () => {
    expect(read('在电子厂流水线做了两个月就辞职了，第一个月三千六，第二个月四千二，都冇发').amount_yuan).toBe(7800);
  });

  it('when the months are named after the debt (拖了我1月份和2月份的), then that many months', () => {
    expect(read('土菜馆老板拖了我3月份和4月份的工资，一个月两千八').amount_yuan).toBe(5600);
  });

  it('when the workers come between the debt and its months (欠我们四个人两个月), then those months', () => {
    expect(read('纸箱厂老板欠我们三个人两个月，每人每月三千五').amount_yuan).toBe(21000);
  });

  it('when the months still owed follow how pay was held back (欠一个月发一个月…还差三个月), then those', () => {
    expect(read('帮人守门面做了一年，工资一直是欠一个月发一个月，走的时候还差三个月，一个月两千二').amount_yuan).toBe(6600);
  });

  it('when a rate is agreed for after an apprenticeship (满了以后一个月…), then it is a month rate', () => {
    expect(read('在修理铺当学徒，讲好学徒满了以后一个月两千四，满师以后做了三个月一分冇发').amount_yuan).toBe(7200);
  });
});
