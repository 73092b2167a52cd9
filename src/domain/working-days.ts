/**
 * The bureau's working-day calendar: Monday to Friday, minus public holidays, plus the weekend days
 * the State Council's schedule turns into working days (调休). Days are China Standard Time (UTC+8).
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  extraWorkdays: ReadonlySet<string>;
}

const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of `at` in China Standard Time. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.extraWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The end (24:00 CST) of the n-th working day after the day of `start`. */
export function addWorkingDays(start: Date, n: number, cal: WorkCalendar): Date {
  let day = cstDay(start);
  for (let left = n; left > 0;) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day, cal)) left--;
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - CST_MS);
}

export const DEADLINE_KINDS = ['accept', 'contact', 'close'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadlines {
  acceptBy: Date;
  contactBy: Date;
  closeBy: Date;
}

/** Working days allowed for each step, by priority (defaults: accept 1, first contact 3, close 15). */
export type DeadlinePolicy = Record<'urgent' | 'normal', [accept: number, contact: number, close: number]>;

export function deadlinesFor(openedAt: Date, priority: 'urgent' | 'normal', policy: DeadlinePolicy, cal: WorkCalendar): Deadlines {
  const [a, c, z] = policy[priority];
  return {
    acceptBy: addWorkingDays(openedAt, a, cal),
    contactBy: addWorkingDays(openedAt, c, cal),
    closeBy: addWorkingDays(openedAt, z, cal),
  };
}

export interface DeadlineState {
  deadlines: Deadlines | null;
  acceptedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
}

/** The steps whose deadline has passed without the step being done. */
export function overdueSteps(s: DeadlineState, now: Date): DeadlineKind[] {
  if (!s.deadlines) return [];
  const out: DeadlineKind[] = [];
  if (!s.acceptedAt && s.deadlines.acceptBy < now) out.push('accept');
  if (!s.contactedAt && s.deadlines.contactBy < now) out.push('contact');
  if (!s.closedAt && s.deadlines.closeBy < now) out.push('close');
  return out;
}

/** Office hours on a working day, in minutes after midnight China time. */
export const OFFICE_HOURS = { open: 8 * 60 + 30, close: 17 * 60 + 30 } as const;

/** `start` plus `hours` counted only within office hours of working days (a retry of a call). */
export function addWorkingHours(start: Date, hours: number, cal: WorkCalendar): Date {
  let left = hours * 3_600_000;
  let t = start.getTime();
  for (;;) {
    const day = cstDay(new Date(t));
    const midnight = Date.parse(`${day}T00:00:00Z`) - CST_MS;
    if (isWorkingDay(day, cal)) {
      const open = midnight + OFFICE_HOURS.open * 60_000;
      const close = midnight + OFFICE_HOURS.close * 60_000;
      const from = Math.max(t, open);
      if (from < close) {
        if (from + left <= close) return new Date(from + left);
        left -= close - from;
      }
    }
    t = midnight + DAY_MS;
  }
}

/** The close of office hours on the n-th working day after the day of `start` (when a call must be made by). */
export function addWorkingDaysToClose(start: Date, n: number, cal: WorkCalendar): Date {
  return new Date(addWorkingDays(start, n, cal).getTime() - (24 * 60 - OFFICE_HOURS.close) * 60_000);
}
