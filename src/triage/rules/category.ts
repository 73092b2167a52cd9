import type { Category } from '../../domain/triage-result';
import {
  ABUSE,
  ADVERT,
  ASKER_SELF,
  HYPOTHETICAL,
  LABOR_OTHER,
  LABOUR_TOPIC,
  NON_WAGE_DEBT,
  ONLY_ASKING,
  EARLIER_REPORT,
  PROGRESS_QUERY,
  PROGRESS_WAITING,
  QUESTION,
  TEST_OR_GREETING,
  TEST_WORDS,
  WORK_CONTEXT,
} from '../lexicon/category-cues';
import { hasWageCase } from './wage-evidence';

/** Something that happened to the speaker: 我…了, 我…冇, 不给我… */
const OWN_EVENT = /(我|俺|我们).*(了|冇|没|不|哒)/;
/** A sum or a named party makes a question about one's own case. */
const CONCRETE = /[\d一二两三四五六七八九十][百千万块元]|公司|厂|店|包工头|[\u4e00-\u9fa5]老板/;

/** A labour matter stated as fact, or as a question about the speaker's own case or workplace. */
function isLabourMatter(sentence: string): boolean {
  if (HYPOTHETICAL.test(sentence) || !LABOR_OTHER.test(sentence)) return false;
  return !QUESTION.test(sentence) || OWN_EVENT.test(sentence) || WORK_CONTEXT.test(sentence);
}

/**
 * "工资被拖欠了去哪里投诉？" or "…我就是先问清楚": a question with no speaker's case, no sum and no
 * party is about procedure.
 */
function isProcedureQuestion(text: string): boolean {
  if (!QUESTION.test(text) || CONCRETE.test(text)) return false;
  return !/我|俺|咱/.test(text.replace(ASKER_SELF, '')) || ONLY_ASKING.test(text);
}

/** Sentences with their end marks kept, so "…低好多啊？" still reads as a question. */
function sentencesWithEnds(text: string): string[] {
  return text.split(/(?<=[。！!？?\n；;])/).filter((s) => s.trim());
}

function isProgressQuery(text: string): boolean {
  return PROGRESS_QUERY.some((p) => p.test(text)) || (PROGRESS_WAITING.test(text) && EARLIER_REPORT.test(text));
}

function isNoise(text: string): boolean {
  const bare = text.replace(/[\s\p{P}\p{S}]/gu, '');
  return bare.length < 2 || TEST_OR_GREETING.test(text.trim()) || TEST_WORDS.test(text) || ADVERT.test(text) || ABUSE.test(text);
}

/**
 * The category of LABELS.md, decided in order: noise, a query about an earlier complaint, unpaid pay
 * (weighed in wage-evidence.ts), a debt that is not pay, another labour matter, a question, else
 * invalid. `operatorText` is the operator's side of a hotline transcript.
 */
export function classify(callerText: string, operatorText = ''): Category {
  // An advert that names 欠薪 (专业讨债) is still an advert.
  if (ADVERT.test(callerText)) return 'invalid';
  const wageCase = hasWageCase(callerText, operatorText);
  if (isNoise(callerText) && !wageCase) return 'invalid';
  if (isProgressQuery(callerText)) return 'progress_query';
  if (wageCase) return isProcedureQuestion(callerText) ? 'consultation' : 'wage_arrears';
  if (NON_WAGE_DEBT.test(callerText)) return 'invalid';
  if (sentencesWithEnds(callerText).some(isLabourMatter)) return 'labor_other';
  if (QUESTION.test(callerText) && (LABOUR_TOPIC.test(callerText) || LABOR_OTHER.test(callerText))) return 'consultation';
  return 'invalid';
}
