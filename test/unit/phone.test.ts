import { normalizePhone } from '../../src/domain/phone';

describe('a phone number in any written form', () => {
  it.each([
    ['13907360001', '13907360001'],
    ['139 0736 0001', '13907360001'],
    ['139-0736-0001', '13907360001'],
    ['+86 139 0736 0001', '13907360001'],
    ['+8613907360001', '13907360001'],
    ['0086-139-0736-0001', '13907360001'],
    ['１３９０７３６０００１', '13907360001'],
    ['＋８６ １３９０７３６０００１', '13907360001'],
    ['0736-7221234', '07367221234'],
    ['(0736) 7221234', '07367221234'],
  ])('when it is written %s, then it reads as %s', (written, digits) => {
    expect(normalizePhone(written)).toBe(digits);
  });

  it.each(['12345', 'WA20261203-0001', '1390736000', '23907360001', '电话13907360001', ''])(
    'when it is %s, then it is not a phone number',
    (s) => {
      expect(normalizePhone(s)).toBeNull();
    },
  );
});
