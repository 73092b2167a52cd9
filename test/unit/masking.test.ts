import { findNumbers, maskNumbersInText } from '../../src/domain/masking';

describe('phone and ID numbers in every written form', () => {
  it.each([
    ['电话13912345678', '电话139****5678'],
    ['电话 139 1234 5678 找我', '电话 139****5678 找我'],
    ['电话139-1234-5678', '电话139****5678'],
    ['+86 139 1234 5678', '139****5678'],
    ['+8613912345678', '139****5678'],
    ['0086-139-1234-5678', '139****5678'],
    ['手机１３９１２３４５６７８', '手机139****5678'],
    ['座机0736-7221234', '座机073****1234'],
    ['座机(0736)7221234', '座机073****1234'],
    ['座机（0736）7221234', '座机073****1234'],
    ['电话一三九，一二三四，五六七八', '电话139****5678'],
    ['电话幺三九幺二三四五六拐八', '电话139****5678'],
    ['身份证430102199001011234', '身份证430****1234'],
    ['身份证43010219900101123X', '身份证430****123X'],
    ['身份证 430102 19900101 123x', '身份证 430****123X'],
    ['两个号码13912345678和13987654321', '两个号码139****5678和139****4321'],
  ])('when the text says %s, then it reads %s', (text, masked) => {
    expect(maskNumbersInText(text)).toBe(masked);
  });

  it.each([
    '欠了12000元，2026年3月',
    '案件编号WA20261203-0001',
    '一共三万五千块，我们一二十个人',
    '做了一个月零三天',
    '金额1,234,567元',
    '订单号2026120312345678901234',
  ])('when the text has no phone or ID number (%s), then it is left as it is', (text) => {
    expect(maskNumbersInText(text)).toBe(text);
  });

  it('when a number is found, then its digits are read as the store keeps them', () => {
    expect(findNumbers('+86 139-1234-5678，座机（0736）722 1234')).toEqual([
      expect.objectContaining({ kind: 'phone', digits: '13912345678' }),
      expect.objectContaining({ kind: 'phone', digits: '07367221234' }),
    ]);
  });
});
