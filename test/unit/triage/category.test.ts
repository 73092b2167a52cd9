import { classify } from '../../../src/triage/rules/category';

describe('category', () => {
  it('when wages are owed to the speaker, then it is wage_arrears', () => {
    expect(classify('老板欠我三个月工资冇发')).toBe('wage_arrears');
    expect(classify('包工头跑路了，我们的工钱都冇拿到')).toBe('wage_arrears');
  });

  it("when the question is asked about the speaker's own unpaid work, then it is still wage_arrears", () => {
    expect(classify('问一下，我在工地做了两个月，一分冇拿，每月四千，这样合法吗')).toBe('wage_arrears');
  });

  it('when the case is only imagined, then it is a consultation', () => {
    expect(classify('如果老板拖欠工资的话，要准备哪些证据？')).toBe('consultation');
    expect(classify('劳动仲裁要去哪里申请？')).toBe('consultation');
  });

  it('when another labour right is at stake and wages were paid, then it is labor_other', () => {
    expect(classify('工资倒是按时发了，就是公司一直不给我们买社保')).toBe('labor_other');
    expect(classify('我在厂里摔断了手，老板不给报工伤')).toBe('labor_other');
  });

  it('when an earlier complaint is asked after, then it is a progress_query', () => {
    expect(classify('上次投诉的那个欠薪的事，编号WA20250301，处理得怎么样了')).toBe('progress_query');
  });

  it('when a debt is not pay for work, then it is invalid', () => {
    expect(classify('我给工地供了钢材，材料款三万到现在冇结')).toBe('invalid');
    expect(classify('房东不退我的押金')).toBe('invalid');
  });

  it('when the text is an advert, a test, abuse or a greeting, then it is invalid', () => {
    expect(classify('专业办理信用卡套现，低息贷款')).toBe('invalid');
    expect(classify('测试一下')).toBe('invalid');
    expect(classify('在吗？')).toBe('invalid');
  });
});
