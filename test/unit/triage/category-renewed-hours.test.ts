import { triageByRules } from '../../../src/triage/rule-triage';

const category = (text: string): string => triageByRules({ channel: 'wechat', text }).category;

describe('category: new debts after old complaints, hourly pay, questions with their premises', () => {
  it('when an earlier complaint is recalled and the boss owes again (又欠), then a new wage case', () => {
    expect(category('前年我投诉过金鼎砖厂，你们帮我要回来了。今年又回去做，老板又欠我三个月工资，一个月四千')).toBe('wage_arrears');
  });

  it('when an earlier complaint is only asked after, then still a progress query', () => {
    expect(category('上个月投诉的金鼎砖厂的事处理得怎么样了？')).toBe('progress_query');
  });

  it('when hours are worked at an hourly rate and only part was paid, then wage arrears, not working time', () => {
    expect(category('在奶茶店做兼职，讲好一小时16块，我做了100个小时，他只给了我700')).toBe('wage_arrears');
  });

  it('when long hours are complained of with no pay owed, then still another labour matter', () => {
    expect(category('我们厂每天要上14个小时班，这合法吗？')).toBe('labor_other');
  });

  it('when a question names its examples (除了社保个税), then a question about rules', () => {
    expect(category('问下工资里面公司可以扣哪些钱？除了社保个税，其他的能不能乱扣')).toBe('consultation');
  });

  it('when an IOU is asked about (打欠条要写什么), then a consultation, not a debt of goods', () => {
    expect(category('老板打欠条的话要写清楚么子才有用？要不要按手印')).toBe('consultation');
  });
});
