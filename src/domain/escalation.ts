import type { StaffEvent } from './notification';
import type { StaffUser } from './staff';
import { addWorkingDays, type WorkCalendar } from './working-days';

/**
 * When a step escalated at `due` and still undone goes up again, to the bureau's heads: `days`
 * working days after the deadline's last day (null: no second level).
 */
export function secondEscalationAt(due: Date, days: number, cal: WorkCalendar): Date | null {
  return days > 0 ? addWorkingDays(new Date(due.getTime() - 1), days, cal) : null;
}

/** The supervisors of a case's area; a case with no area, or an area without one, has the county-wide supervisors. */
function supervisorsOf(lead: StaffEvent['lead'], active: StaffUser[]): StaffUser[] {
  const county = active.filter((s) => s.role === 'supervisor' && s.area === null);
  if (lead.area === null) return county;
  const local = active.filter((s) => s.role === 'supervisor' && s.area === lead.area);
  return local.length ? local : county;
}

/**
 * Who hears of an event: a new case its area's inspectors and supervisors; an assignment the assignee;
 * a worker's reply and a reminder the assignee (the supervisors while nobody is assigned); an
 * escalation the assignee and the supervisors; a second escalation the heads (`heads`: usernames,
 * ESCALATION_HEADS), or the county-wide supervisors when none is named or active.
 */
export function recipientsOf(e: StaffEvent, staff: readonly StaffUser[], heads: readonly string[]): StaffUser[] {
  const active = staff.filter((s) => s.active);
  const lead = e.lead;
  const assignee = active.filter((s) => s.id === lead.assigneeId);
  const orSupervisors = () => (assignee.length ? assignee : supervisorsOf(lead, active));
  let to: StaffUser[];
  switch (e.kind) {
    case 'case_opened':
      to = [
        ...(lead.area === null ? [] : active.filter((s) => s.role === 'inspector' && s.area === lead.area)),
        ...supervisorsOf(lead, active),
      ];
      break;
    case 'assigned':
      to = assignee;
      break;
    case 'worker_reply':
    case 'deadline_reminder':
      to = orSupervisors();
      break;
    case 'deadline_escalated':
      to = [...assignee, ...supervisorsOf(lead, active)];
      break;
    case 'deadline_second_escalation': {
      const named = active.filter((s) => heads.includes(s.username));
      to = named.length ? named : active.filter((s) => s.role === 'supervisor' && s.area === null);
      break;
    }
  }
  return to.filter((s, i) => to.findIndex((x) => x.id === s.id) === i);
}
