import { parseNumeral } from '../../../src/triage/numbers/chinese-numeral';

describe('parseNumeral', () => {
  it.each([
    ['一万二', 12000],
    ['三万五', 35000],
    ['三万五千', 35000],
    ['3万5', 35000],
    ['6千2', 6200],
    ['两千八百', 2800],
    ['九万九千', 99000],
    ['2.3万', 23000],
    ['3.5w', 35000],
    ['8k', 8000],
    ['一百二', 120],
    ['一万零五百', 10500],
  ])('when the text says %s, then it reads %d', (text, value) => {
    expect(parseNumeral(text)?.value).toBe(value);
  });

  it.each([
    ['七八千', 7000],
    ['两三万', 20000],
    ['十几万', 100000],
    ['二十多万', 200000],
    ['三十来', 30],
  ])('when the text gives a range or an approximation (%s), then it reads the lower number %d', (text, value) => {
    expect(parseNumeral(text)?.value).toBe(value);
  });

  it('when 两 stands for two, then it reads 2', () => {
    expect(parseNumeral('两万')?.value).toBe(20000);
  });
});
