import type { Period } from './period';

/**
 * The campaign the annual report singles out ("其中，春节期间帮助…"): recoveries dated within it. Days
 * are MM-DD of the report's year, both inclusive; without them, the weeks around the Spring Festival.
 */
export interface ReportCampaign {
  name: string;
  from: string | null;
  to: string | null;
}

/** Days of the default window before the Spring Festival (about 腊月) and after it (to 正月十五). */
const DAYS_BEFORE = 30;
const DAYS_AFTER = 14;
const DAY = 86_400_000;

const lunar = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });

/** 正月初一 of a Gregorian year (YYYY-MM-DD), from ICU's Chinese calendar; it falls between 21 January and 20 February. */
export function springFestival(year: number): string {
  if (lunar.resolvedOptions().calendar !== 'chinese') throw new Error('this Node.js has no Chinese calendar (full ICU is needed)');
  for (let t = Date.UTC(year, 0, 21, 12); t <= Date.UTC(year, 1, 20, 12); t += DAY) {
    const parts = lunar.formatToParts(new Date(t));
    if (parts.find((p) => p.type === 'month')?.value === '1' && parts.find((p) => p.type === 'day')?.value === '1') {
      return new Date(t).toISOString().slice(0, 10);
    }
  }
  throw new Error(`no Spring Festival found in ${year}`);
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The campaign's first and last day (YYYY-MM-DD, inclusive) in a report year, never outside that year. */
export function campaignDays(year: number, c: ReportCampaign): { first: string; last: string } {
  if (c.from && c.to) return { first: `${year}-${c.from}`, last: `${year}-${c.to}` };
  const festival = springFestival(year);
  const first = shift(festival, -DAYS_BEFORE);
  return { first: first < `${year}-01-01` ? `${year}-01-01` : first, last: shift(festival, DAYS_AFTER) };
}

/** The same days as a period in China time (to exclusive). */
export function campaignPeriod(days: { first: string; last: string }): Period {
  return { from: new Date(`${days.first}T00:00:00+08:00`), to: new Date(`${shift(days.last, 1)}T00:00:00+08:00`) };
}
