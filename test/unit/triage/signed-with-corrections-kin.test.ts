import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('employers: who the worker signed with, real names, women bosses, taken-back names', () => {
  it('when the worker signed with a platform partner (跟X签的), then that partner', () => {
    expect(read('在长沙送外卖 跟飞鸟速配的站点签的 站点跑路哒 欠我四千').employer).toBe('飞鸟速配');
    expect(read('在桃源开网约车，跟顺风出行签的协议，提成两个月冇结').employer).toBe('顺风出行');
  });

  it('when the foreman works for a group (他是跟X集团做的), then the foreman', () => {
    expect(read('在卫生院改造工程做小工 包工头叫卢长安 他是跟县建工集团做的 欠我三个月').employer).toBe('卢长安');
  });

  it('when a company says it paid the foreman (公司讲钱已经给了X), then the foreman', () => {
    expect(read('跟的是路桥公司下面的一个劳务班组，班组长跑了，公司讲钱已经给了蒋满仓。我们十个人').employer).toBe('蒋满仓');
  });

  it('when a nickname is used but the real name is told (本名叫X), then the real name', () => {
    expect(read('我们村十个人跟肖老三去工地做事，他本名叫肖德文，我们都喊他肖老三，每人欠一万').employer).toBe('肖德文');
  });

  it('when a woman boss is named by surname (郭老板娘), then she', () => {
    expect(read('步行街卖衣服的门面 孔老板娘个体户 我帮她守店五个月 最后两个月冇给').employer).toBe('孔老板娘');
  });

  it('when a name is taken back after a pause (X……不是X，是Y), then Y', () => {
    expect(read('我在浔阳街道的新华印刷厂……不是新华，是新华联印刷厂，做装订的，欠了五个月').employer).toBe('新华联印刷厂');
  });

  it('when the boss is said to wait for something (他讲要等山庄开业), then no business is read from it', () => {
    expect(read('老板叫邹国强 在热市镇搞山庄装修 他讲要等山庄开业 开业哒又讲冇得钱').employer).toBe('邹国强');
  });

  it('when a message is typed one character at a time, then the person who hired is read', () => {
    expect(read('我 要 投 诉 盘 塘 镇 金 竹 村 的 邓 满 生 他 请 我 帮 他 屋 里 盖 房 子 冇 给 钱').employer).toBe('邓满生');
  });

  it('when the factory paid the agency and the agency did not pay (中介冇发), then the agency', () => {
    const text =
      '我们是通过桃源县安达人力资源服务有限公司去嘉兴的恒光电子有限公司做暑假工的。工资是厂里打给中介，中介再发给我们，是中介冇发。';
    expect(read(text).employer).toBe('桃源县安达人力资源服务有限公司');
  });
});

describe('sums and categories of these shapes', () => {
  it('when kin and neighbours are listed each with a sum, then all of them', () => {
    const lead = read('我们几个搬砖的：我欠4000，我老弟欠3500，隔壁的罗满爹欠5000，还有钟嫂子欠2500，老板讲砖卖不出去');
    expect(lead.worker_count).toBe(4);
    expect(lead.amount_yuan).toBe(15000);
  });

  it('when a couple tell their monthly pay and the months owed, then both for those months', () => {
    expect(read('我两口子在农家乐帮厨 三个月冇发工资 我一个月三千 我老婆两千五').amount_yuan).toBe(16500);
  });

  it('when father and son tell their rates and then the months for both (都欠了三个月), then both', () => {
    const text = '坐席：欠多少？\n来电人：我和我儿子在养鸡场做事，我一个月三千五，我儿子三千，都欠了三个月。';
    expect(read(text, 'hotline').amount_yuan).toBe(19500);
  });

  it('when a monthly rate is corrected (每个月2300 哦不对是2100), then the corrected rate for the months', () => {
    expect(read('园长拖了我 3个月 工资 每个月 2300 哦不对是2100').amount_yuan).toBe(6300);
  });

  it('when the wages were paid in full (工资是发清了的) and a leaving certificate is refused, then another labour matter', () => {
    expect(read('其实工资是发清了的，是公司不给我开离职证明，新单位要离职证明才肯要我').category).toBe('labor_other');
  });

  it('when nothing is owed (冇拖欠) and the worker is pushed to resign, then another labour matter', () => {
    const text = '坐席：工资有没有拖欠？\n来电人：冇拖欠，都按时发了的。我就是想问，他们这样逼我走，合法吗？';
    expect(read(text, 'hotline').category).not.toBe('wage_arrears');
  });

  it('when the company keeps saying it is reconciling (一直讲在对账), then the commission is owed', () => {
    expect(read('底薪是发了的，就是带货的提成，三月份四月份一共一万二，公司一直讲在对账').category).toBe('wage_arrears');
  });

  it('when the boss blames tea not sold (讲茶叶冇卖出去), then the pickers are owed', () => {
    expect(read('我娘和村里婆婆在戴老板的茶园摘了一个月茶，我娘一个人是一千九，戴老板讲茶叶冇卖出去').category).toBe('wage_arrears');
  });

  it('when the asker starts next month (我下个月才去上班), then a question about probation pay is a consultation', () => {
    expect(read('试用期的工资最少可以给好多？老板讲试用期只给一千五，合法不？我下个月才去上班').category).toBe('consultation');
  });

  it('when a hospital is said to owe nothing and the canteen boss owes, then a wage complaint', () => {
    expect(read('我在医院食堂做厨师，医院冇欠，食堂是包给私人的，老板叫舒国平，我欠三个月，一个月两千六').category).toBe('wage_arrears');
  });
});
