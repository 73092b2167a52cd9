/**
 * A case is done for the worker when the money is in their hand: when staff record a payment or
 * resolve a case, each complainant is asked whether the wages arrived, and only then how satisfied they are.
 */
export type PaymentAnswer = 'paid' | 'part' | 'not_paid';

export interface PaymentCheck {
  complainantId: string;
  askedAt: Date;
  /** How the question went out: a chat message, or a call-back task for a caller. */
  via: 'chat' | 'callback';
  answer: PaymentAnswer | null;
  answeredAt: Date | null;
  /** The worker's own words, as they answered. */
  words: string | null;
  /** Asked only after the worker said the wages arrived. */
  satisfaction: { score: number; comment: string | null; at: Date } | null;
}

export const PAYMENT_ANSWER_LABELS: Record<PaymentAnswer, string> = { paid: '已收到全部工资', part: '只收到一部分', not_paid: '没有收到' };

export const PAYMENT_QUESTION = (caseNumber: string) =>
  `您好，关于案件 ${caseNumber}：承办人员记录了工资支付情况。请问您的工资收到了吗？请回复数字：1 已全部收到，2 只收到一部分，3 没有收到。`;
export const SATISFACTION_QUESTION = '感谢确认！请为本次处理打分：回复 1 到 5 的数字（5 为非常满意），也可以在分数后写一句意见。';

const NOT_PAID = /^(3|三)$|没有?收到|未收到|还没|没到账|没给|冇收到|冇得|没拿到|一分钱?都?没/;
const PART = /^(2|二)$|一部分|部分|一半|只收到|只给了|还差|少了|没给全|没收全/;
const PAID = /^(1|一)$|收到了|已收到|全部收到|都收到|到账了|拿到了|发了|付了|结清/;

/** The worker's answer to the payment question, or null when the message is not an answer. */
export function readPaymentAnswer(text: string): PaymentAnswer | null {
  const t = text.trim().replace(/[。！!，,、\s]+$/u, '');
  if (!t || t.length > 200) return null;
  // 还差两千没给 is a part payment, though it says 没给.
  if (PART.test(t)) return 'part';
  if (NOT_PAID.test(t)) return 'not_paid';
  if (PAID.test(t)) return 'paid';
  return null;
}

// The longer phrase first: 很不满意 also contains 不满意 and 满意.
const SCORE_WORDS: [RegExp, number][] = [
  [/很不满意|非常不满意/, 1],
  [/不太满意|不满意/, 2],
  [/非常满意|很满意|特别满意/, 5],
  [/满意/, 4],
  [/一般|还行|还可以/, 3],
];

/** A satisfaction score 1–5 (a digit, or a word such as 满意) and an optional comment; null when the message gives none. */
export function readSatisfaction(text: string): { score: number; comment: string | null } | null {
  const t = text.trim();
  const digit = /^([1-5]|[一二三四五])\s*分?[。，,！!\s]*(.*)$/su.exec(t);
  if (digit) {
    const score = '一二三四五'.includes(digit[1]!) ? '一二三四五'.indexOf(digit[1]!) + 1 : Number(digit[1]);
    return { score, comment: digit[2]?.trim().slice(0, 500) || null };
  }
  const worded = SCORE_WORDS.find(([re]) => re.test(t));
  return worded ? { score: worded[1], comment: t.slice(0, 500) } : null;
}

/** The latest answer of each complainant who was asked. */
export function latestAnswers(checks: readonly PaymentCheck[]): Map<string, PaymentCheck> {
  const latest = new Map<string, PaymentCheck>();
  for (const c of checks) {
    const known = latest.get(c.complainantId);
    if (!known || c.askedAt >= known.askedAt) latest.set(c.complainantId, c);
  }
  return latest;
}

/** True while a complainant's latest answer says the wages did not (all) arrive (a question still open changes nothing). */
export function paymentDisputed(checks: readonly PaymentCheck[]): boolean {
  return [...latestAnswers(checks.filter((c) => c.answer !== null)).values()].some((c) => c.answer === 'not_paid' || c.answer === 'part');
}
