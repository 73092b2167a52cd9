import { recipientsOf, secondEscalationAt } from '../../src/domain/escalation';
import type { Lead } from '../../src/domain/lead';
import { eventKey, eventText, type StaffEvent } from '../../src/domain/notification';
import type { StaffRole, StaffUser } from '../../src/domain/staff';
import { addWorkingDays } from '../../src/domain/working-days';

const member = (username: string, role: StaffRole, area: string | null, active = true): StaffUser => ({
  id: username,
  username,
  role,
  area,
  active,
  createdAt: new Date('2026-01-05T00:00:00Z'),
});
const staff = [
  member('sup.lt', 'supervisor', '龙潭镇'),
  member('insp.lt', 'inspector', '龙潭镇'),
  member('insp.lt.off', 'inspector', '龙潭镇', false),
  member('sup.county', 'supervisor', null),
  member('insp.zj', 'inspector', '漳江街道'),
  member('roaming', 'inspector', null),
  member('head.wang', 'admin', null),
  member('op', 'operator', null),
];
const lead = (over: Partial<Lead> = {}) =>
  ({ id: 'lead1', caseNumber: 'WA20261203-0001', area: '龙潭镇', assigneeId: null, priority: 'normal', ...over }) as Lead;
const names = (e: StaffEvent, heads: string[] = []) => recipientsOf(e, staff, heads).map((s) => s.username);
const due = new Date('2026-12-04T16:00:00Z'); // the end of Friday 4 December, China time

describe('who hears of an event, and when a step goes up to the heads', () => {
  it('when a case opens, then its township’s active inspectors and supervisors hear of it; without a township, the county-wide supervisors', () => {
    expect(names({ kind: 'case_opened', lead: lead() })).toEqual(['insp.lt', 'sup.lt']);
    expect(names({ kind: 'case_opened', lead: lead({ area: null }) })).toEqual(['sup.county']);
    // A township without a supervisor of its own: its inspectors and the county-wide supervisors.
    expect(names({ kind: 'case_opened', lead: lead({ area: '漳江街道' }) })).toEqual(['insp.zj', 'sup.county']);
  });

  it('when a case is assigned or its worker replies, then the assignee hears of it; unassigned, the supervisors', () => {
    const assigned = lead({ assigneeId: 'insp.lt' });
    expect(names({ kind: 'assigned', lead: assigned, at: due })).toEqual(['insp.lt']);
    expect(names({ kind: 'worker_reply', lead: assigned, replyId: 'm1', at: due })).toEqual(['insp.lt']);
    expect(names({ kind: 'worker_reply', lead: lead(), replyId: 'm1', at: due })).toEqual(['sup.lt']);
    // An assignee no longer active is nobody to tell.
    expect(names({ kind: 'deadline_reminder', lead: lead({ assigneeId: 'insp.lt.off' }), step: 'accept', due })).toEqual(['sup.lt']);
  });

  it('when a step is escalated, then the assignee and the supervisors hear of it; the second escalation goes to the heads only', () => {
    const e = { kind: 'deadline_escalated', lead: lead({ assigneeId: 'insp.lt' }), step: 'contact', due } as const;
    expect(names(e)).toEqual(['insp.lt', 'sup.lt']);
    const second = { ...e, kind: 'deadline_second_escalation' } as const;
    expect(names(second, ['head.wang', 'nobody'])).toEqual(['head.wang']);
    // No head named (or none active): the county-wide supervisors.
    expect(names(second)).toEqual(['sup.county']);
    expect(
      recipientsOf(
        second,
        staff.map((s) => (s.username === 'head.wang' ? { ...s, active: false } : s)),
        ['head.wang'],
      ).map((s) => s.id),
    ).toEqual(['sup.county']);
  });

  it('when the second escalation is due, then it falls the configured working days after the deadline’s day, over weekends and holidays', () => {
    const cal = { holidays: new Set(['2026-12-08']), extraWorkdays: new Set<string>() };
    // Friday's deadline, two working days on: Monday 7th, then Wednesday 9th (Tuesday 8th a holiday).
    expect(secondEscalationAt(due, 2, cal)).toEqual(new Date('2026-12-09T16:00:00Z'));
    expect(secondEscalationAt(due, 2, cal)).toEqual(addWorkingDays(new Date('2026-12-04T08:00:00Z'), 2, cal));
    expect(secondEscalationAt(due, 0, cal)).toBeNull();
  });

  it('when an event is told, then its key makes it one event and its text names the case, never the complainant', () => {
    const e = { kind: 'deadline_escalated', lead: lead({ phone: '13900006601' }), step: 'accept', due } as const;
    expect(eventKey(e)).toBe('deadline_escalated:lead1:accept');
    expect(eventKey({ ...e, kind: 'deadline_second_escalation' })).not.toBe(eventKey(e));
    expect(eventText(e)).toBe('案件 WA20261203-0001 受理已超期（期限 12月4日），已提请主管督办。');
    expect(eventText({ kind: 'case_opened', lead: lead({ priority: 'urgent' }) })).toBe('【紧急】新案件 WA20261203-0001（龙潭镇）待受理。');
  });
});
