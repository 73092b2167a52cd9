import { compareSignals, MERGE_SCORE } from '../../src/domain/case-matching';
import { readSignals, type CaseSignals, type SignalSource } from '../../src/domain/case-signals';
import { SURNAMES } from '../../src/triage/lexicon/surnames';
import { TAOYUAN_TOWNSHIPS } from '../../src/triage/lexicon/taoyuan-gazetteer';

const lex = { townships: TAOYUAN_TOWNSHIPS, surnames: SURNAMES };

/** Reads a complaint's matching signals from its text, as received at `receivedAt` (triage fields in `more`). */
export const signalsReader =
  (receivedAt: string) =>
  (text: string, more: Partial<SignalSource> = {}): CaseSignals =>
    readSignals(
      {
        text,
        employer: null,
        project: null,
        location: null,
        area: null,
        phone: null,
        sector: null,
        senderName: null,
        senderPhone: null,
        receivedAt: new Date(receivedAt),
        ...more,
      },
      lex,
    );

/** Whether a complaint with signals `c` would join a case with signals `k` on the evidence alone. */
export const joins = (c: CaseSignals, k: CaseSignals): boolean => {
  const e = compareSignals(c, k);
  return !e.veto && e.anchored && e.score >= MERGE_SCORE;
};
