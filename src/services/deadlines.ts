import type { LeadRepository } from '../db/repositories/lead-repository';
import type { Lead } from '../domain/lead';
import type { DeadlineKind } from '../domain/working-days';

const STEP_NAME: Record<DeadlineKind, string> = { accept: '受理', contact: '首次联系投诉人', close: '办结' };

export interface DeadlineDeps {
  leads: LeadRepository;
  /** Queues the check after `c` in the case's chain of reminders and escalations. */
  scheduleAfter?: (lead: Lead, c: DeadlineCheck) => Promise<void>;
  now?: () => Date;
}

export interface DeadlineCheck {
  leadId: string;
  step: DeadlineKind;
  phase: 'remind' | 'escalate';
}

/** The next check of the case's chain (none once it is closed). */
export async function scheduleNextDeadline(deps: DeadlineDeps, c: DeadlineCheck): Promise<void> {
  const lead = await deps.leads.get(c.leadId);
  if (lead && lead.status !== 'closed') await deps.scheduleAfter?.(lead, c);
}

/**
 * Runs when a reminder or escalation job fires: if the step is still undone, the assignee is reminded
 * (before the deadline) or the case is escalated to the supervisors (at it), on the timeline.
 */
export async function checkDeadline(deps: DeadlineDeps, c: DeadlineCheck): Promise<'done' | 'reminded' | 'escalated'> {
  return deps.leads.mutate(c.leadId, async () => {
    const lead = await deps.leads.get(c.leadId);
    if (!lead || !lead.deadlines || lead.status === 'closed') return 'done';
    const doneAt = { accept: lead.acceptedAt, contact: lead.contactedAt, close: lead.closedAt }[c.step];
    if (doneAt) return 'done';
    const due = { accept: lead.deadlines.acceptBy, contact: lead.deadlines.contactBy, close: lead.deadlines.closeBy }[c.step];
    const type = c.phase === 'remind' ? 'deadline_reminder' : 'deadline_escalated';
    // A retried job must not write the same event twice.
    if (lead.timeline.some((e) => e.type === type && e.note?.startsWith(STEP_NAME[c.step])))
      return c.phase === 'remind' ? 'reminded' : 'escalated';
    const note =
      c.phase === 'remind'
        ? `${STEP_NAME[c.step]}期限将至（${due.toISOString()}），请承办人尽快处理`
        : `${STEP_NAME[c.step]}已超期（期限 ${due.toISOString()}），已提请主管督办`;
    await deps.leads.appendEvent(lead.id, { at: deps.now?.() ?? new Date(), type, actor: 'system', note, changes: [] });
    return c.phase === 'remind' ? 'reminded' : 'escalated';
  });
}
