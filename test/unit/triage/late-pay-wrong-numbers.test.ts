import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: pay late but paid, wrong numbers, rules asked about, the office asked after', () => {
  it('when pay always comes late but is paid in the end (虽然最后都发了), then another labour matter', () => {
    expect(read('工资每个月都要拖到下个月20几号才发，虽然最后都发了，但是这样合法吗？单位是桃源县平安驾校').category).toBe('labor_other');
  });

  it('when a payslip is asked about and the pay is in full (工资倒是冇少), then still a consultation', () => {
    expect(read('老板每个月只打钱不给工资条，这个合法不？工资倒是冇少，就是想晓得明细').category).toBe('consultation');
  });

  it('when the caller dialled a wrong number (我打错了), then not a labour matter', () => {
    const text = '坐席：您好，请讲。\n来电人：喂？我找王主任，王主任在不在？\n坐席：这里是欠薪投诉热线。\n来电人：冇得冇得，我打错了。';
    expect(read(text, 'hotline').category).toBe('invalid');
  });

  it('when overtime pay rates are asked about with nobody’s workplace named, then a consultation', () => {
    const text = '坐席：您好。\n来电人：问一下，星期六星期天加班，加班费是按两倍算还是三倍算？\n坐席：不低于百分之二百。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when someone without a fixed employer asks about paying insurance (冇得固定单位), then a consultation', () => {
    expect(read('我是打零工的，冇得固定单位，可以自己交社保吗？在哪里交？').category).toBe('consultation');
  });

  it('when how to check one’s insurance is asked (怎么查公司…), then a consultation, and 怎么查公司 is no business', () => {
    const result = read('怎么查公司到底有冇给我交社保啊？手机上能查不');
    expect(result.category).toBe('consultation');
    expect(result.employer).toBe(null);
  });

  it('when an earlier complaint is named by its employer (之前投诉顺通物流的那个事), then a progress query', () => {
    expect(read('之前投诉宏达物流的那个事 钱到了一半 还有一半讲下个月 下个月能到不').category).toBe('progress_query');
  });

  it('when the inspectors told the caller to wait for a call (监察大队的人叫我等电话), then a progress query', () => {
    expect(read('监察大队的人叫我等电话，我等了一个礼拜都冇人打过来，我那个事到底么样了？就是电子厂欠我工资的').category).toBe(
      'progress_query',
    );
  });

  it('when a complaint made on 12345 was passed on and the caller asks for the result (有结果冇), then a progress query', () => {
    expect(read('我在12345上投诉了砖厂欠工资的事 讲转到你们人社局了 有结果冇').category).toBe('progress_query');
  });

  it('when a haulier’s commission on freight is unpaid (运费提成), then wage arrears', () => {
    expect(read('我在物流公司开货车，公司欠我三个月的运费提成，一个月大概四千').category).toBe('wage_arrears');
  });

  it('when insurance is the matter and the pay was never owed (工资是一个月一发冇欠过), then another labour matter', () => {
    expect(read('我在茶业公司车间做了两年，公司一直冇给我买社保，这个能不能投诉？工资是一个月一发冇欠过').category).toBe('labor_other');
  });

  it('when the client says it paid the builder in full (学校讲工程款早就付清了), then still wage arrears', () => {
    expect(read('包工头卷钱跑了，我们在中学新教学楼做了五个月，十个人一分钱冇拿到，学校讲工程款早就付清了').category).toBe('wage_arrears');
  });

  it('when a dismissal pays nothing beyond wages (其他一分都不赔), then another labour matter', () => {
    expect(read('我怀孕四个月了，公司就讲要辞退我，工资给我结到这个月，其他一分都不赔，这合法吗').category).toBe('labor_other');
  });

  it('when a cleaner tells of the estate’s management owing her (物业欠我…扫地), then wage arrears', () => {
    const text = '坐席：您好。\n来电人：我在那个小区扫地，物业欠我两个月的钱。\n坐席：一个月多少？\n来电人：一千八。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when a caterer’s meal bill is unpaid (饭钱…算不算欠薪), then not wage arrears', () => {
    expect(read('我给工地送了一年的盒饭，饭钱三万多没给我，这个算不算欠薪').category).toBe('invalid');
  });
});
