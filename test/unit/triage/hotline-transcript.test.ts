import { triageByRules } from '../../../src/triage/rule-triage';
import { splitTurns } from '../../../src/triage/text/transcript';

const transcript = [
  '坐席：您好，根治欠薪热线，请问有什么可以帮您？',
  '来电人：你好，我在浔阳街道的明月湾小区做保洁，物业公司叫美家物业，欠我两个月工资。',
  '坐席：一个月多少钱？',
  '来电人：一个月两千四。',
  '坐席：就您一个人吗？',
  '来电人：就我一个。',
  '坐席：您的电话？',
  '来电人：一三九，零零零零，六七八九。',
  '坐席：13900006789，对吗？',
  '来电人：对。',
].join('\n');

describe('hotline transcripts', () => {
  it('when turns are tagged, then they are split by speaker', () => {
    const turns = splitTurns(transcript);
    expect(turns).toHaveLength(10);
    expect(turns[0]?.speaker).toBe('operator');
    expect(turns[1]?.speaker).toBe('caller');
  });

  it("when the caller states the facts, then the lead is read from the caller's turns", () => {
    expect(triageByRules({ channel: 'hotline', text: transcript })).toEqual({
      category: 'wage_arrears',
      employer: '美家物业',
      project: '明月湾小区',
      location: '浔阳街道',
      area: '浔阳街道',
      amount_yuan: 4800,
      worker_count: 1,
      phone: '13900006789',
      sector: 'services',
      urgency: 'normal',
    });
  });

  it('when the operator names the hotline, then its number is neither phone nor amount', () => {
    const lead = triageByRules({
      channel: 'hotline',
      text: '坐席：您好，这里是12345热线。\n来电人：我在工地做事，包工头欠我们工钱，我们人多，具体数不清楚。',
    });
    expect(lead.phone).toBeNull();
    expect(lead.amount_yuan).toBeNull();
  });

  it("when the operator asks the boss's name, then the caller's answer names the employer", () => {
    const lead = triageByRules({
      channel: 'hotline',
      text: '坐席：请讲。\n来电人：我帮一个老板做了三个月事，工钱一直冇给。\n坐席：老板叫什么？\n来电人：叫谭明辉，在剪市镇。',
    });
    expect(lead.employer).toBe('谭明辉');
    expect(lead.location).toBe('剪市镇');
  });
});
