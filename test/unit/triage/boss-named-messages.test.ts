import { triageByRules } from '../../../src/triage/rule-triage';

const category = (text: string): string => triageByRules({ channel: 'wechat', text }).category;

describe('short messages that start with the boss who owes', () => {
  it('when a boss by full name still has not paid, then wage arrears', () => {
    expect(category('邓德明的钱还是冇到，马上过年哒，屋里都等到')).toBe('wage_arrears');
    expect(category('向华明还是不给钱，长沙那边12345也打了')).toBe('wage_arrears');
    expect(category('唐建华讲元旦前把钱给我们，元旦都过哒，人又找不到哒')).toBe('wage_arrears');
  });

  it('when a boss by nickname is asked after (胡老四的钱么时候给), then wage arrears, not a question about rules', () => {
    expect(category('谢老四的钱么时候给？')).toBe('wage_arrears');
    expect(category('陈四爷讲那边结了账就给，鬼信')).toBe('wage_arrears');
    expect(category('平哥那个班的钱好久能给啊，封顶都两个多月哒')).toBe('wage_arrears');
  });

  it('when a message names no one and no pay, then it stays invalid', () => {
    expect(category('明天我们都去县政府门口，冇得办法哒')).toBe('invalid');
  });

  it('when the campaign is named (根治欠薪热线), then it is not this matter', () => {
    expect(category('根治欠薪热线的电话是多少')).not.toBe('wage_arrears');
  });
});
