import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const triage = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('urgency', () => {
  it('when workers threaten to block a road in their own words, then it is high', () => {
    expect(triage('老板欠我们五个人的工钱，再不给我们就去把村口的路堵了').urgency).toBe('high');
    expect(triage('欠我工资四千，明天我们去堵公司大门').urgency).toBe('high');
  });

  it('when a promise to pay before the festival was broken after it, then the festival alone is no plea', () => {
    expect(triage('在工地做木工，老板讲好年前给，过完年了还差我六千冇给').urgency).toBe('normal');
  });

  it('when the worker cannot go home for the festival, then it is high even after a broken promise', () => {
    expect(triage('老板讲好年前给，过完年了还冇给，我今年过年都回不了家，欠我八千').urgency).toBe('high');
  });
});

describe('sector', () => {
  it('when the worker kept a small shop run by one person, then it is individual_business', () => {
    expect(triage('在镇上一家五金店帮忙守店，个人开的，欠我两个月工资').sector).toBe('individual_business');
  });

  it('when the work was sewing in a garment company, then it is manufacturing', () => {
    expect(triage('我在恒美服饰有限公司做车工，欠了三个月工资').sector).toBe('manufacturing');
  });

  it('when the work was telephone sales, then it is other', () => {
    expect(triage('在一家投资咨询公司做电话销售，底薪两个月冇发').sector).toBe('other');
  });
});
