import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: the office at work, accidents, pay held back in other words', () => {
  it("when the office's staff phoned about a mediation and the caller asks where, then a progress query", () => {
    expect(read('前几天你们的人打电话讲约了老板下周三调解，我想问一下是在哪里调解？').category).toBe('progress_query');
  });

  it('when the inspectors said they would check and the worker asks how it went (核实得么样了), then a progress query', () => {
    expect(read('你们监察大队的人讲去核实了，核实得么样了？就是欠我钱的那个姓杨的老板').category).toBe('progress_query');
  });

  it('when a road accident off work is reported, then not a labour matter', () => {
    expect(read('前天在街上被一个骑电动车的撞了，对方跑了，医药费花了两千多，这个你们能不能帮忙').category).toBe('invalid');
  });

  it('when a boss holds back pay (压我一个半月工资), then wage arrears', () => {
    expect(read('洗车店的老板陈子明，压我一个半月工资，每月三千六，他讲走了就不算').category).toBe('wage_arrears');
  });

  it('when the platform pay was not transferred (两个月都冇打), then wage arrears', () => {
    const text = '坐席：嗯，什么问题？\n来电人：公司抽了成以后月底打给我们，十月份、十一月份两个月都冇打，我十月是四千，十一月是三千八。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when lesson fees are unpaid though pupils were refunded (课时费…学生退费了), then wage arrears', () => {
    expect(read('补习班欠我暑假班的课时费，我带了100节课，一节课80块，到现在一分冇结，校长讲学生退费了冇得钱').category).toBe(
      'wage_arrears',
    );
  });

  it('when the wages were settled to the last fen (工钱是结哒的，一分冇少) and medical costs refused, then another labour matter', () => {
    expect(read('我老公在工地上被钢管砸了，包工头把他的工钱是结哒的，一分冇少，但是医药费一分不出').category).toBe('labor_other');
  });

  it('when a firm is asked about for a record of owing wages (不良记录), then a consultation', () => {
    expect(read('请问宏远建设在你们这里有冇欠薪的不良记录？').category).toBe('consultation');
  });
});
