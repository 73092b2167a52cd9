import { paymentDisputed, readPaymentAnswer, readSatisfaction, type PaymentCheck } from '../../src/domain/payment-check';

describe("a worker's answer to whether the wages arrived", () => {
  it.each([
    ['1', 'paid'],
    ['收到了，谢谢', 'paid'],
    ['已经到账了', 'paid'],
    ['2', 'part'],
    ['只收到一部分', 'part'],
    ['还差两千没给', 'part'],
    ['3', 'not_paid'],
    ['没有收到', 'not_paid'],
    ['还没到账', 'not_paid'],
    ['冇收到咯', 'not_paid'],
  ])('when they write %s, then it reads %s', (text, answer) => {
    expect(readPaymentAnswer(text)).toBe(answer);
  });

  it.each(['你好', '什么时候处理', '老板又欠我工资了，在陬市镇'])(
    'when they write something else (%s), then it is not an answer',
    (text) => {
      expect(readPaymentAnswer(text)).toBeNull();
    },
  );
});

describe('a satisfaction score', () => {
  it.each([
    ['5', 5, null],
    ['4分 处理很快', 4, '处理很快'],
    ['五', 5, null],
    ['非常满意', 5, '非常满意'],
    ['很不满意，拖了太久', 1, '很不满意，拖了太久'],
    ['满意', 4, '满意'],
  ])('when they write %s, then the score is %i', (text, score, comment) => {
    expect(readSatisfaction(text)).toEqual({ score, comment });
  });

  it('when the message gives no score, then there is none', () => {
    expect(readSatisfaction('谢谢')).toBeNull();
    expect(readSatisfaction('8')).toBeNull();
  });
});

describe('whether a case is disputed', () => {
  const check = (complainantId: string, answer: PaymentCheck['answer'], at: number): PaymentCheck => ({
    complainantId,
    askedAt: new Date(at),
    via: 'chat',
    answer,
    answeredAt: answer ? new Date(at + 1) : null,
    words: null,
    satisfaction: null,
  });
  it('when a complainant said no and later yes, then it is not; when another still says no, then it is', () => {
    expect(paymentDisputed([check('a', 'not_paid', 1), check('a', 'paid', 2)])).toBe(false);
    expect(paymentDisputed([check('a', 'paid', 2), check('b', 'part', 3)])).toBe(true);
    expect(paymentDisputed([check('a', null, 1)])).toBe(false);
    expect(paymentDisputed([check('a', 'not_paid', 1), check('a', null, 2)])).toBe(true);
  });
});
