import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const triage = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('sector', () => {
  it.each([
    ['在工地扎钢筋，包工头欠我工钱五千', 'construction'],
    ['在电子厂流水线上班，厂里欠我工资四千', 'manufacturing'],
    ['我在培训机构当老师，学校欠我工资六千', 'education'],
    ['我开网约车，平台公司扣着我的提成三千不给', 'ride_hailing'],
    ['我送外卖的，配送站欠我工资两千', 'delivery'],
    ['在一个个体户的门面帮忙看店，老板欠我工资两千', 'individual_business'],
    ['我在酒店当服务员，老板欠我工资三千', 'services'],
    ['在养殖场喂鸡，老板欠我工钱四千', 'agriculture'],
    ['在采石场开挖机，老板欠我工资一万', 'other'],
  ])('when the text says "%s", then the sector is %s', (text, sector) => {
    expect(triage(text).sector).toBe(sector);
  });

  it('when nothing tells the trade, then the sector is unknown', () => {
    expect(triage('老板欠我工资五千').sector).toBeNull();
  });
});

describe('urgency', () => {
  it('when ten or more workers are owed, then it is high', () => {
    expect(triage('我们12个人的工资都冇发').urgency).toBe('high');
  });

  it('when 100000 yuan or more is owed, then it is high', () => {
    expect(triage('老板欠我们工钱十二万').urgency).toBe('high');
  });

  it('when a worker threatens extreme action or media exposure, then it is high', () => {
    expect(triage('老板欠我工资八千，再不给我就去拉横幅').urgency).toBe('high');
    expect(triage('老板欠我工资八千，我要找记者曝光').urgency).toBe('high');
  });

  it('when the arrears keep the worker from going home for the Spring Festival, then it is high', () => {
    expect(triage('老板欠我工资八千，过年回不了家').urgency).toBe('high');
  });

  it('when a small sum is owed to one worker, then it is normal', () => {
    expect(triage('老板欠我工资八千').urgency).toBe('normal');
  });

  it('when the category is not wage_arrears, then it is normal whatever the words', () => {
    expect(triage('上次投诉的欠薪进度怎么样了，再不处理我就找记者').urgency).toBe('normal');
  });
});
