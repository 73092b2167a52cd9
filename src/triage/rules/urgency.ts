import type { Category, Urgency } from '../../domain/triage-result';
import {
  FESTIVAL_HARDSHIP,
  FESTIVAL_PASSED,
  HIGH_AMOUNT_YUAN,
  HIGH_WORKER_COUNT,
  URGENT_ACTION,
  ACTION_DISOWNED,
  URGENT_FESTIVAL,
  URGENT_MEDIA,
} from '../lexicon/urgency-cues';

export interface UrgencyFacts {
  category: Category;
  amountYuan: number | null;
  workerCount: number | null;
  callerText: string;
}

/** LABELS.md urgency: high for 10+ workers, 100000+ yuan, threats, media, or the Spring Festival; wage arrears only. */
export function extractUrgency({ category, amountYuan, workerCount, callerText }: UrgencyFacts): Urgency {
  if (category !== 'wage_arrears') return 'normal';
  if ((workerCount ?? 0) >= HIGH_WORKER_COUNT || (amountYuan ?? 0) >= HIGH_AMOUNT_YUAN) return 'high';
  const told = callerText.replace(ACTION_DISOWNED, '');
  if (URGENT_ACTION.test(told) || URGENT_MEDIA.test(told)) return 'high';
  const festival = URGENT_FESTIVAL.test(callerText) && (!FESTIVAL_PASSED.test(callerText) || FESTIVAL_HARDSHIP.test(callerText));
  return festival ? 'high' : 'normal';
}
