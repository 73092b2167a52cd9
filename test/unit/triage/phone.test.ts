import { triageByRules } from '../../../src/triage/rule-triage';

const phoneOf = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): string | null => triageByRules({ channel, text }).phone;

describe('phone', () => {
  it('when a mobile number is spaced or dashed, then the digits are joined', () => {
    expect(phoneOf('老板欠我工资8千，电话139 0000 1234')).toBe('13900001234');
    expect(phoneOf('老板欠我工资8千，电话139-0000-1234')).toBe('13900001234');
  });

  it('when a landline with area code is given, then it keeps the area code as digits', () => {
    expect(phoneOf('老板欠我工资8千，座机0736-7001234')).toBe('07367001234');
  });

  it("when the boss's number and the speaker's number are both given, then the speaker's is taken", () => {
    expect(phoneOf('包工头欠我工钱6千，他的电话是13900002222，我的电话13900003333')).toBe('13900003333');
  });

  it('when the hotline numbers are named, then they are not a callback number', () => {
    expect(phoneOf('老板欠我工资，打了12345和12333都冇人管')).toBeNull();
  });

  it('when an advert lists a number, then it is not a callback number', () => {
    expect(phoneOf('低息贷款当天放款，联系13900009876')).toBeNull();
  });

  it('when a caller spells digits out with 幺, then the operator read-back confirms them', () => {
    const text =
      '坐席：您好，请讲。\n来电人：老板欠我工资五千。\n坐席：您的电话？\n来电人：幺三九，零零零零，四四五五。\n坐席：13900004455，对吗？\n来电人：对的。';
    expect(phoneOf(text, 'hotline')).toBe('13900004455');
  });

  it('when a caller corrects the number, then the corrected one is taken', () => {
    const text = '坐席：电话多少？\n来电人：13900001111，哦不对，是13900001112。\n坐席：13900001112，对吧？\n来电人：对。';
    expect(phoneOf(text, 'hotline')).toBe('13900001112');
  });
});
