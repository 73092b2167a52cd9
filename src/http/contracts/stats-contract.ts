import { z } from 'zod';
import type { Statistics } from '../../services/statistics';
import { failure, invalid, isoDateTime, unauthenticated, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';

// China keeps one time zone: a day starts at 00:00 +08:00.
const day = z.iso.date().transform((d) => new Date(`${d}T00:00:00+08:00`));
export const periodQuery = z.object({ from: day, to: day.meta({ description: 'inclusive' }) }).strict();
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

const counts = z.record(z.string(), z.number().int()).meta({ description: 'a count for each value met' });

const statistics = z
  .strictObject({
    from: isoDateTime,
    to: isoDateTime.meta({ description: 'exclusive: the day after the last one counted' }),
    complaints: z.strictObject({ total: z.number().int(), byChannel: counts, byCategory: counts }),
    validLeads: z.strictObject({ total: z.number().int(), byChannel: counts }),
    cases: z.strictObject({
      total: z.number().int(),
      byTownship: counts,
      bySector: counts,
      byStatus: counts,
      resolved: z.number().int(),
      overdueNow: z.number().int().meta({ description: 'open cases past a deadline right now (not limited to the period)' }),
    }),
    recovered: z.strictObject({ yuan: z.number(), workers: z.number().int(), entries: z.number().int() }),
  })
  .meta({ id: 'Statistics' });

const annualReport = z
  .strictObject({
    year: z.number().int(),
    paragraph: z.string().meta({ description: 'the annual-report paragraph (zh-CN)' }),
    statistics,
  })
  .meta({ id: 'AnnualReport' });

true satisfies Describes<typeof statistics, Statistics>;
true satisfies Describes<typeof annualReport, { year: number; paragraph: string; statistics: Statistics }>;

const errors = {
  400: invalid,
  401: unauthenticated,
  403: failure('statistics are for supervisors and admins'),
  503: unavailable,
};

export const statsContract: RouterContract = {
  prefix: '/api/stats',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'statistics for a period of days (China time)',
      security: 'staff',
      request: { query: periodQuery },
      responses: { 200: { description: 'the figures', json: statistics }, ...errors },
    },
    {
      method: 'get',
      path: '/report',
      summary: 'a calendar year’s figures and the annual-report paragraph',
      security: 'staff',
      request: { query: yearQuery },
      responses: { 200: { description: 'the paragraph and its figures', json: annualReport }, ...errors },
    },
  ],
};
