import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import type { TimelineEvent } from '../../domain/lead';
import type { ComplaintChannel } from '../../domain/triage-result';
import type { CaseIndex } from '../../domain/case-buckets';
import { indexEntry } from '../create-case';
import { AppError } from '../../domain/app-error';
import { anonymiseMessage, scrubCase } from './anonymise';

export interface ComplainantRecordDeps {
  complainants: Pick<ComplainantRepository, 'beginErasure' | 'finishErasure'>;
  leads: Pick<LeadRepository, 'listByComplainant' | 'rewritePersonalData' | 'mutate' | 'signals'>;
  outbound: Pick<OutboundRepository, 'listForComplainant' | 'anonymise' | 'getCallback'>;
  /** Forgets a chat contact's conversation in progress and privacy-notice mark. */
  forgetContact?(channel: ComplaintChannel, channelUserId: string): Promise<void>;
  /** The open cases' matching index: an open case is found by the person's phone and name no more. */
  caseIndex?: Pick<CaseIndex, 'add' | 'remove'>;
}

/** The cases of one person read at once: far more than anyone files. */
const MAX_CASES = 1000;

/**
 * Puts an erased record in a complainant's place: every case and message of theirs refers to it from
 * then on, and the record that named them goes. Its id is new, so nobody can find the person's cases
 * again from their WeChat id or number (a complainant's id is derived from those). `scrub` rewrites
 * each of their cases on the way, with `event` on the timeline. Null when there is no such record.
 */
export async function replaceComplainantRecord(
  deps: ComplainantRecordDeps,
  who: { id: string; channel: ComplaintChannel; channelUserId: string },
  at: Date,
  each: { names: readonly (string | null)[]; phones: ReadonlySet<string>; event: TimelineEvent | null },
): Promise<{ erasedId: string; cases: number; messages: number } | null> {
  const begun = await deps.complainants.beginErasure(who.id, at);
  if (!begun) return null;
  const leads = await deps.leads.listByComplainant(who.id, MAX_CASES);
  const rewrite = scrubCase({ names: each.names, phones: each.phones, rekey: { from: who.id, to: begun.erasedId } });
  for (const lead of leads) {
    const before = await deps.leads.signals(lead.id);
    // A case still naming the old record would name nobody once it goes: stop, and a rerun goes on from here.
    if (!(await deps.leads.mutate(lead.id, () => deps.leads.rewritePersonalData(lead.id, rewrite, each.event))))
      throw new AppError('busy', `case ${lead.caseNumber} kept changing; the erasure stopped and can be run again`, { status: 503 });
    const after = await deps.leads.signals(lead.id);
    if (deps.caseIndex && before && after && !['closed', 'rejected'].includes(lead.status)) {
      await deps.caseIndex.remove(indexEntry(lead, before));
      await deps.caseIndex.add(indexEntry(lead, after));
    }
  }
  const messages = await deps.outbound.listForComplainant(who.id);
  for (const m of messages) await anonymiseMessage(deps.outbound, m, each.names, begun.erasedId);
  await deps.forgetContact?.(who.channel, who.channelUserId);
  await deps.complainants.finishErasure(who.id);
  return { erasedId: begun.erasedId, cases: leads.length, messages: messages.length };
}
