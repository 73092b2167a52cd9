import { addWorkingDays, deadlinesFor, overdueSteps, type WorkCalendar } from '../../src/domain/working-days';

const cal: WorkCalendar = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), extraWorkdays: new Set(['2026-10-10']) };

describe('working-day deadlines', () => {
  it('when a case opens on a Friday, then one working day later is the end of Monday (CST)', () => {
    // Friday 2026-11-27 15:00 CST
    expect(addWorkingDays(new Date('2026-11-27T07:00:00Z'), 1, cal).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('when holidays fall in the way, then they are skipped, and a make-up Saturday counts', () => {
    // Wednesday 2026-09-30: Oct 1-2 holidays, 3-4 weekend, 5 holiday → first working day is Tuesday Oct 6.
    expect(addWorkingDays(new Date('2026-09-30T02:00:00Z'), 1, cal).toISOString()).toBe('2026-10-06T16:00:00.000Z');
    // From Friday Oct 9: Saturday Oct 10 is a make-up working day.
    expect(addWorkingDays(new Date('2026-10-09T02:00:00Z'), 1, cal).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });

  it('when late in the evening CST (still the same UTC day before), then the CST day is the one counted', () => {
    // 2026-11-26 23:30 CST is Thursday; 1 working day → end of Friday 27th.
    expect(addWorkingDays(new Date('2026-11-26T15:30:00Z'), 1, cal).toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  it('when steps are not done by their deadlines, then they are overdue; done steps never are', () => {
    const d = deadlinesFor(new Date('2026-11-02T02:00:00Z'), 'normal', { normal: [1, 3, 15], urgent: [1, 2, 10] }, cal);
    const later = new Date('2026-11-06T02:00:00Z');
    expect(overdueSteps({ deadlines: d, acceptedAt: null, contactedAt: null, closedAt: null }, later)).toEqual(['accept', 'contact']);
    expect(overdueSteps({ deadlines: d, acceptedAt: later, contactedAt: later, closedAt: null }, later)).toEqual([]);
  });
});
