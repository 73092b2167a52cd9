import { maskPii } from '../../../src/triage/llm/mask-pii';

describe('what goes to the LLM', () => {
  it('when a complainant gives their own name, then it is replaced wherever it appears, and the boss’s name stays', () => {
    const { text } = maskPii('我叫覃春生，在盘塘镇给刘建军做事，刘建军欠我工资8000元。覃春生 电话13877770001');
    expect(text).not.toContain('覃春生');
    expect(text).toContain('[投诉人]');
    expect(text).toContain('刘建军');
    expect(text).toContain('[电话1]');
  });

  it('when the text says 本人 or 姓名：, then the name after it is masked too', () => {
    expect(maskPii('本人滕秋菊，某厂欠薪').text).not.toContain('滕秋菊');
    expect(maskPii('姓名：符永旺。老板欠钱').text).not.toContain('符永旺');
  });

  it('when 我是 is followed by a trade, not a name, then nothing is masked', () => {
    expect(maskPii('我是木工，老板欠我工资').text).toBe('我是木工，老板欠我工资');
  });
});
