import type { Category } from '../../domain/triage-result';
import {
  ABUSE,
  ADVERT,
  HYPOTHETICAL,
  LABOR_OTHER,
  LABOUR_TOPIC,
  NON_WAGE_DEBT,
  OWED_WITHOUT_PAY_WORD,
  OWED_WORDS,
  PROGRESS_QUERY,
  QUESTION,
  TEST_OR_GREETING,
  TEST_WORDS,
  WAGES_PAID,
  WAGE_WORDS,
} from '../lexicon/category-cues';

/** Something that happened to the speaker: 我…了, 我…冇, 不给我… */
const OWN_EVENT = /(我|俺|我们).*(了|冇|没|不|哒)/;

/** Sentences, so that a clause's 如果 or 工资冇欠 does not reach into the next sentence. */
function sentences(text: string): string[] {
  return text.split(/[。！!？?\n；;]+/).filter((s) => s.trim());
}

function clauses(sentence: string): string[] {
  return sentence.split(/[，,\s]+/).filter((s) => s.trim());
}

/** A concrete case of unpaid pay: a pay word and an owed word in one clause, not imagined, not denied. */
function hasWageArrears(text: string): boolean {
  const wagesPaid = WAGES_PAID.test(text);
  for (const sentence of sentences(text)) {
    if (HYPOTHETICAL.test(sentence)) continue;
    const parts = clauses(sentence);
    for (const clause of parts) {
      if (WAGES_PAID.test(clause) || NON_WAGE_DEBT.test(clause)) continue;
      if (WAGE_WORDS.test(clause) && OWED_WORDS.test(clause)) return true;
    }
    // 月工资4000元，拖欠3个月了: the pay word and the owed word in neighbouring clauses.
    const owedClause = parts.some((c) => OWED_WORDS.test(c) && !LABOR_OTHER.test(c) && !NON_WAGE_DEBT.test(c));
    if (owedClause && WAGE_WORDS.test(sentence) && !WAGES_PAID.test(sentence) && !NON_WAGE_DEBT.test(sentence)) return true;
    if (!wagesPaid && !NON_WAGE_DEBT.test(sentence) && OWED_WITHOUT_PAY_WORD.some((p) => p.test(sentence))) return true;
  }
  return false;
}

/** A labour matter stated as fact, or as a question about the speaker's own case. */
function isLabourMatter(sentence: string): boolean {
  if (HYPOTHETICAL.test(sentence) || !LABOR_OTHER.test(sentence)) return false;
  return !QUESTION.test(sentence) || OWN_EVENT.test(sentence);
}

/** "工资被拖欠了去哪里投诉？": a question naming no one, no sum, no speaker is about procedure. */
function isBareQuestion(text: string): boolean {
  return (
    QUESTION.test(text) &&
    !/我|俺|咱/.test(text) &&
    !/[\d一二两三四五六七八九十][百千万块元]/.test(text) &&
    !/公司|厂|店|老板|包工头/.test(text)
  );
}

function isNoise(text: string): boolean {
  const bare = text.replace(/[\s\p{P}\p{S}]/gu, '');
  return bare.length < 2 || TEST_OR_GREETING.test(text.trim()) || TEST_WORDS.test(text) || ADVERT.test(text) || ABUSE.test(text);
}

/**
 * The category of LABELS.md, decided in order: noise, a query about an earlier complaint, unpaid pay,
 * a debt that is not pay, another labour matter, a question, else invalid.
 */
export function classify(callerText: string): Category {
  if (isNoise(callerText) && !hasWageArrears(callerText)) return 'invalid';
  if (PROGRESS_QUERY.some((p) => p.test(callerText))) return 'progress_query';
  if (hasWageArrears(callerText)) return isBareQuestion(callerText) ? 'consultation' : 'wage_arrears';
  if (NON_WAGE_DEBT.test(callerText)) return 'invalid';
  if (sentences(callerText).some(isLabourMatter)) return 'labor_other';
  if (QUESTION.test(callerText) && (LABOUR_TOPIC.test(callerText) || LABOR_OTHER.test(callerText))) return 'consultation';
  return 'invalid';
}
