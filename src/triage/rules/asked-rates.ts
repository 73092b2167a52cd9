import type { ReadableText } from '../text/transcript';

/** The operator asking for a rate: 一个月多少钱？一天多少？每个人多少？每人每月多少？ */
const RATE_QUESTION = /((?:一个月|每个月|每月|一月|一天|每天|一个工|每人|每个人|一个人){1,2})[^，。,？?]{0,4}?(多少|好多|几多|么子价)/;
/** The operator asking for or reading back a phone number. */
const PHONE_TALK = /电话|号码|手机|联系方式|\d{7,}/;
const MONEY_WORD = /[万千百块元钱]|工资|工钱|欠/;
/** A rate word already in the answer. */
const RATE_IN_ANSWER = /一个月|每个月|每月|月薪|一天|每天|日薪|一个工|每人|每个人|一个人|人均/;

/**
 * The caller's words for reading sums: an answer to the operator's rate question ("一个月多少钱？"
 * "两千二。") carries the rate it answers, so it is multiplied out like "一个月两千二".
 */
export function callerWithAskedRates(text: ReadableText): string {
  if (!text.isTranscript) return text.caller;
  return text.turns
    .map((turn, i) => {
      if (turn.speaker !== 'caller') return null;
      const question = text.turns[i - 1];
      if (question?.speaker !== 'operator') return turn.text;
      // "15397364417？" "不是，最后是4471。": digits that answer a question about the number are no sum.
      if (PHONE_TALK.test(question.text) && !MONEY_WORD.test(turn.text)) return turn.text.replace(/\d+/g, (d) => '#'.repeat(d.length));
      const rate = RATE_QUESTION.exec(question.text)?.[1];
      return rate && !RATE_IN_ANSWER.test(turn.text) ? `${rate}${turn.text}` : turn.text;
    })
    .filter((t): t is string => t !== null)
    .join('\n');
}
