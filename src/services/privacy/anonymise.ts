import type { CallbackAttempt } from '../../domain/callback';
import { fingerprint } from '../../domain/case-signals';
import type { Complaint } from '../../domain/complaint';
import { maskNumbersInText } from '../../domain/masking';
import type { OutboundMessage } from '../../domain/outbound';
import type { CasePersonalData } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import { maskOwnNames } from '../../triage/llm/mask-pii';

/**
 * Text with its personal data masked: phone and ID numbers by the masking module, the complainant's
 * own name (我叫…, 本人…) and the names we know them by replaced with [投诉人]. What was said stays.
 */
export function anonymisedText(text: string, names: readonly (string | null)[]): string {
  let out = maskOwnNames(text);
  // A one-character name (a surname, a nickname) would take words with it.
  for (const name of new Set(names)) if (name && [...name].length >= 2) out = out.split(name).join('[投诉人]');
  return maskNumbersInText(out);
}

/** A complaint as it stays: the text and transcript masked, no callback number read from it. */
export function anonymisedComplaint(
  c: Complaint,
  names: readonly (string | null)[],
): Pick<Complaint, 'text' | 'turns' | 'triage' | 'corrections'> {
  const t = (s: string) => anonymisedText(s, [c.sender.name, ...names]);
  return {
    text: t(c.text),
    turns: c.turns.map((turn) => ({ speaker: turn.speaker, text: t(turn.text) })),
    triage: c.triage ? { ...c.triage, phone: null } : null,
    corrections: withoutPhone(c.corrections),
  };
}

export function withoutPhone(corrections: Complaint['corrections']): Complaint['corrections'] {
  if (!corrections) return null;
  const { phone: _phone, ...rest } = corrections;
  return rest;
}

/**
 * What of a case to rewrite: names and numbers masked in the notes of the timeline and the
 * recoveries; the callback number dropped when it is one of `phones` (or all); what matching compares
 * of the person (the fingerprints of their phones and names) dropped, or every signal with 'all';
 * optionally one complainant's id replaced by their erased record's.
 */
export function scrubCase(o: {
  names: readonly (string | null)[];
  phones: ReadonlySet<string> | 'all';
  rekey?: { from: string; to: string };
}): (d: CasePersonalData) => CasePersonalData {
  const t = (s: string | null) => (s === null ? null : anonymisedText(s, o.names));
  const gone = (p: string) => o.phones === 'all' || o.phones.has(p);
  const prints = new Set([...(o.phones === 'all' ? [] : o.phones), ...o.names.filter((n) => n !== null)].map(fingerprint));
  const swap = (id: string) => (o.rekey && id === o.rekey.from ? o.rekey.to : id);
  return (d) => ({
    phone: d.phone && gone(d.phone) ? null : d.phone,
    timeline: d.timeline.map((e) => ({
      ...e,
      note: t(e.note),
      changes: e.changes.map((c) => ({ field: c.field, before: t(c.before), after: t(c.after) })),
    })),
    recoveries: d.recoveries.map((r) => ({ ...r, note: t(r.note) })),
    complainantIds: [...new Set(d.complainantIds.map(swap))],
    reports: d.reports.map((r) => ({ ...r, complainantId: swap(r.complainantId) })),
    paymentChecks: d.paymentChecks.map((c) => ({
      ...c,
      complainantId: swap(c.complainantId),
      words: t(c.words),
      satisfaction: c.satisfaction && { ...c.satisfaction, comment: t(c.satisfaction.comment) },
    })),
    signals:
      o.phones === 'all' || !d.signals
        ? null
        : {
            ...d.signals,
            phones: d.signals.phones.filter((p) => !prints.has(p)),
            workers: d.signals.workers.filter((w) => !prints.has(w)),
          },
  });
}

/** A reply, notice or call-back task with its text masked and no number or channel id; it refers to `complainantId` from now on. */
export async function anonymiseMessage(
  outbound: Pick<OutboundRepository, 'anonymise' | 'getCallback'>,
  m: OutboundMessage,
  names: readonly (string | null)[],
  complainantId: string,
): Promise<void> {
  const task = m.state === 'callback_open' || m.state === 'callback_done' ? await outbound.getCallback(m.id) : null;
  const outcomes: CallbackAttempt[] = (task?.outcomes ?? []).map((o) => ({
    ...o,
    note: o.note === null ? null : anonymisedText(o.note, names),
  }));
  await outbound.anonymise(m.id, { text: anonymisedText(m.text, names), complainantId, outcomes });
}
