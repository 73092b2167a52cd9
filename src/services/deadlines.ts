import type { LeadRepository } from '../db/repositories/lead-repository';
import type { Lead } from '../domain/lead';
import { DEADLINE_STEP_NAMES as STEP_NAME, type StaffEvent } from '../domain/notification';
import type { DeadlineKind } from '../domain/working-days';

export interface DeadlineDeps {
  leads: LeadRepository;
  /** Queues the check after `c` in the case's chain of reminders and escalations. */
  scheduleAfter?: (lead: Lead, c: DeadlineCheck) => Promise<void>;
  /** Tells the staff concerned (inbox and WeCom), once per event; a failure fails the check, which is retried. */
  notify?: (e: StaffEvent) => Promise<unknown>;
  now?: () => Date;
}

export interface DeadlineCheck {
  leadId: string;
  step: DeadlineKind;
  /** Before the deadline, at it, and some working days after it (ESCALATION_SECOND_LEVEL_DAYS). */
  phase: 'remind' | 'escalate' | 'second_escalation';
}

export type DeadlineOutcome = 'done' | 'reminded' | 'escalated' | 'escalated_to_heads';

const PHASES = {
  remind: { type: 'deadline_reminder', outcome: 'reminded' },
  escalate: { type: 'deadline_escalated', outcome: 'escalated' },
  second_escalation: { type: 'deadline_second_escalation', outcome: 'escalated_to_heads' },
} as const satisfies Record<DeadlineCheck['phase'], { type: StaffEvent['kind']; outcome: DeadlineOutcome }>;

/** The next check of the case's chain (none once it is closed). */
export async function scheduleNextDeadline(deps: DeadlineDeps, c: DeadlineCheck): Promise<void> {
  const lead = await deps.leads.get(c.leadId);
  if (lead && lead.status !== 'closed') await deps.scheduleAfter?.(lead, c);
}

/**
 * Runs when a check's job fires: if the step is still undone, the assignee is reminded (before the
 * deadline), the case is escalated to the supervisors (at it), or to the bureau's heads (later), on
 * the timeline and in the inbox and WeCom of those concerned.
 */
export async function checkDeadline(deps: DeadlineDeps, c: DeadlineCheck): Promise<DeadlineOutcome> {
  const { type, outcome } = PHASES[c.phase];
  const undone = await deps.leads.mutate(c.leadId, async () => {
    const lead = await deps.leads.get(c.leadId);
    if (!lead || !lead.deadlines || lead.status === 'closed') return null;
    const doneAt = { accept: lead.acceptedAt, contact: lead.contactedAt, close: lead.closedAt }[c.step];
    if (doneAt) return null;
    const due = { accept: lead.deadlines.acceptBy, contact: lead.deadlines.contactBy, close: lead.deadlines.closeBy }[c.step];
    // A retried job must not write the same event twice (it still tells whoever was not told yet).
    if (lead.timeline.some((e) => e.type === type && e.note?.startsWith(STEP_NAME[c.step]))) return { lead, due };
    const note = {
      remind: `${STEP_NAME[c.step]}期限将至（${due.toISOString()}），请承办人尽快处理`,
      escalate: `${STEP_NAME[c.step]}已超期（期限 ${due.toISOString()}），已提请主管督办`,
      second_escalation: `${STEP_NAME[c.step]}超期后仍未办理（期限 ${due.toISOString()}），已提请局领导督办`,
    }[c.phase];
    await deps.leads.appendEvent(lead.id, { at: deps.now?.() ?? new Date(), type, actor: 'system', note, changes: [] });
    return { lead, due };
  });
  if (!undone) return 'done';
  await deps.notify?.({ kind: type, lead: undone.lead, step: c.step, due: undone.due });
  return outcome;
}
