import { afterOutcome, callbackTask, tabOf, type CallbackRecord } from '../../src/domain/callback';
import { addWorkingDaysToClose, addWorkingHours, type WorkCalendar } from '../../src/domain/working-days';

const cal: WorkCalendar = { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), extraWorkdays: new Set(['2026-10-10']) };
const cst = (s: string) => new Date(`${s}+08:00`);

describe('call-back retries in working hours (08:30–17:30 China time)', () => {
  it('when a call goes unanswered mid-morning, then the retry is two hours later the same day', () => {
    expect(addWorkingHours(cst('2026-11-26T09:15:00'), 2, cal)).toEqual(cst('2026-11-26T11:15:00'));
  });

  it('when it goes unanswered late on a Friday, then the hours left carry over to Monday morning', () => {
    expect(addWorkingHours(cst('2026-11-27T16:45:00'), 2, cal)).toEqual(cst('2026-11-30T09:45:00'));
  });

  it('when it is outside office hours or on a holiday, then counting starts at the next opening', () => {
    expect(addWorkingHours(cst('2026-11-26T20:00:00'), 2, cal)).toEqual(cst('2026-11-27T10:30:00'));
    expect(addWorkingHours(cst('2026-11-26T07:00:00'), 2, cal)).toEqual(cst('2026-11-26T10:30:00'));
    // Oct 1-2 holidays, 3-4 weekend, 5 holiday: the next working hours are on Tuesday Oct 6.
    expect(addWorkingHours(cst('2026-09-30T17:00:00'), 2, cal)).toEqual(cst('2026-10-06T10:00:00'));
  });
});

describe('a new task is due by the close of the next working day', () => {
  it('when it is made on a Friday afternoon, then it is due on Monday at 17:30', () => {
    expect(addWorkingDaysToClose(cst('2026-11-27T15:00:00'), 1, cal)).toEqual(cst('2026-11-30T17:30:00'));
  });

  it('when holidays follow, then they are skipped', () => {
    expect(addWorkingDaysToClose(cst('2026-09-30T10:00:00'), 1, cal)).toEqual(cst('2026-10-06T17:30:00'));
  });
});

describe('what a call does to a task', () => {
  const retry = (at: Date) => new Date(at.getTime() + 2 * 3_600_000);
  const at = cst('2026-11-26T10:00:00');

  it('when anyone answers, or the number is wrong, then the task closes', () => {
    for (const o of ['reached', 'wrong_number', 'says_paid', 'says_not_paid'] as const) {
      expect(afterOutcome({ attempts: 0 }, o, at, retry)).toEqual({ state: 'callback_done', dueBy: null, doneAt: at, attempt: 1 });
    }
  });

  it('when nobody answers, then it is due again later, and after the third time due at once for a supervisor', () => {
    expect(afterOutcome({ attempts: 1 }, 'no_answer', at, retry)).toEqual({
      state: 'callback_open',
      dueBy: retry(at),
      doneAt: null,
      attempt: 2,
    });
    expect(afterOutcome({ attempts: 2 }, 'no_answer', at, retry)).toEqual({ state: 'callback_open', dueBy: at, doneAt: null, attempt: 3 });
  });

  it('when a task is read, then its tab follows its state, due time and unanswered calls', () => {
    const record = {
      state: 'callback_open',
      createdAt: cst('2026-11-26T09:00:00'),
      dueBy: null,
      attempts: 0,
      outcomes: [],
      doneAt: null,
    } as unknown as CallbackRecord;
    const firstDue = () => cst('2026-11-27T23:59:59');
    expect(tabOf(callbackTask(record, firstDue), at)).toBe('due');
    expect(tabOf(callbackTask(record, firstDue), cst('2026-11-28T00:00:00'))).toBe('overdue');
    expect(tabOf(callbackTask({ ...record, attempts: 3 }, firstDue), at)).toBe('overdue');
    expect(tabOf(callbackTask({ ...record, state: 'callback_done' }, firstDue), at)).toBe('done');
  });
});
