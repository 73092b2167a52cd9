import { weekOf } from '../../src/services/dashboard';
import { maskNumbersInText } from '../../src/domain/masking';

describe('figures and masking used by the staff console', () => {
  it('when a time is given, then its week is the Monday of that week in China time', () => {
    expect(weekOf(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30'); // Monday 23:59 in Beijing
    expect(weekOf(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30'); // Monday 00:00 in Beijing
    expect(weekOf(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-23'); // Sunday 23:59 in Beijing
  });

  it('when complaint text carries mobile, landline or ID numbers, then they are masked and other digits are kept', () => {
    const text = '电话13900008801，座机07367221234，身份证43072519800101123X，欠了12000元，2026年';
    expect(maskNumbersInText(text)).toBe('电话139****8801，座机073****1234，身份证430****123X，欠了12000元，2026年');
  });
});
