export type Speaker = 'operator' | 'caller';

export interface Turn {
  speaker: Speaker;
  text: string;
}

/** The text split by speaker; `caller` is what the complainant said (the whole text when untagged). */
export interface ReadableText {
  whole: string;
  caller: string;
  operator: string;
  turns: Turn[];
  isTranscript: boolean;
}

/** A caller's reply that accepts what the operator read back: 对, 是的, 嗯. */
export const AGREES = /^(对|是|嗯|没错|好|就是)/;
/** What a speaker says to take back what they just said (不是, 说错了, 打错了), as a regex source. */
export const TAKEN_BACK = '(?:不是|不对|说错了|讲错了|搞错了|记错了|打错了?|写错了?)';

const OPERATOR_TAG = /^\s*(坐席|客服|接线员|话务员|工作人员|热线)\s*[：:]\s*/;
const CALLER_TAG = /^\s*(来电人|来电者|来电|市民|群众|投诉人|用户)\s*[：:]\s*/;

/** Splits a hotline transcript into turns; a line without a tag continues the turn before it. */
export function splitTurns(text: string): Turn[] {
  const turns: Turn[] = [];
  for (const line of text.split('\n')) {
    const operator = OPERATOR_TAG.exec(line);
    const caller = operator ? null : CALLER_TAG.exec(line);
    const tag = operator ?? caller;
    const previous = turns[turns.length - 1];
    if (tag) turns.push({ speaker: operator ? 'operator' : 'caller', text: line.slice(tag[0].length) });
    else if (previous) previous.text += `\n${line}`;
    else if (line.trim()) turns.push({ speaker: 'caller', text: line });
  }
  return turns;
}

export function readText(normalized: string): ReadableText {
  const turns = splitTurns(normalized);
  const isTranscript = turns.some((t) => t.speaker === 'operator');
  if (!isTranscript) {
    return { whole: normalized, caller: normalized, operator: '', turns: [{ speaker: 'caller', text: normalized }], isTranscript };
  }
  const join = (speaker: Speaker): string =>
    turns
      .filter((t) => t.speaker === speaker)
      .map((t) => t.text)
      .join('\n');
  return { whole: normalized, caller: join('caller'), operator: join('operator'), turns, isTranscript };
}
