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

  it.each([
    ['plain', '电话13877770002', '13877770002'],
    ['spaced', '电话 138 7777 0002', '13877770002'],
    ['dashed', '电话138-7777-0002', '13877770002'],
    ['+86', '电话+86 138 7777 0002', '13877770002'],
    ['full-width', '电话１３８７７７７０００２', '13877770002'],
    ['read out', '电话幺三八，七七七拐，洞洞洞二', '13877770002'],
    ['landline', '座机(0736)6620002', '07366620002'],
  ])('when the phone is written %s, then no digit of it reaches the LLM and the placeholder maps back', (_form, text, digits) => {
    const masked = maskPii(`老板欠我工资，${text}`);
    expect(masked.text).toContain('[电话1]');
    expect(masked.text).not.toMatch(/[0-9０-９]{3}|七七|洞洞/);
    expect(masked.phones.get('[电话1]')).toBe(digits);
  });

  it('when an ID number is written in groups or full-width, then it is masked', () => {
    expect(maskPii('身份证430725 19850101 123X').text).toContain('[身份证号]');
    expect(maskPii('身份证４３０７２５１９８５０１０１１２３４').text).not.toMatch(/[０-９]{4}/);
  });
});
