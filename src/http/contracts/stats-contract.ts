import { z } from 'zod';
import { DISPOSITION_CODES } from '../../domain/disposition';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import type { AnnualReport } from '../../services/annual-report';
import type { Statistics } from '../../services/statistics';
import { failure, invalid, isoDateTime, unauthenticated, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';

// China keeps one time zone: a day starts at 00:00 +08:00.
const day = z.iso.date().transform((d) => new Date(`${d}T00:00:00+08:00`));
const areaParam = z
  .enum(TAOYUAN_TOWNSHIPS.map((t) => t.name) as [string, ...string[]])
  .optional()
  .meta({ description: 'a township (乡镇/街道); without it, the county. A supervisor of an area always gets that area.' });
export const periodQuery = z.object({ from: day, to: day.meta({ description: 'inclusive' }), area: areaParam }).strict();
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), area: areaParam }).strict();

const count = z.number().int();
const counts = z.record(z.string(), count).meta({ description: 'a count for each value met' });
const area = z.string().nullable().meta({ description: 'the township counted; null: the whole county' });
const byChannel = z.strictObject({ total: count, byChannel: counts });

const funnel = z
  .strictObject({
    received: byChannel.meta({ description: 'complaints received in the period (by their triaged township)' }),
    dispositions: z.strictObject({
      byCode: z.strictObject(
        Object.fromEntries(DISPOSITION_CODES.map((c) => [c, count])) as Record<(typeof DISPOSITION_CODES)[number], typeof count>,
      ),
      undecided: count.meta({ description: 'received, not yet given a disposition' }),
    }),
    validLeads: byChannel.meta({ description: 'complaints whose disposition is lead or merged' }),
    cases: z.strictObject({
      total: count.meta({ description: 'distinct cases the valid leads are in (after merging)' }),
      opened: count.meta({ description: 'cases opened in the period (by their township)' }),
    }),
    resolved: count.meta({ description: 'of those cases, resolved or closed with the wages paid (in full or in part)' }),
    recovered: z.strictObject({ yuan: z.number(), workers: count }).meta({ description: 'recoveries dated in the period' }),
  })
  .meta({ id: 'Funnel', description: 'received → disposition → valid leads → cases → resolved → money and workers' });

const statistics = z
  .strictObject({
    from: isoDateTime,
    to: isoDateTime.meta({ description: 'exclusive: the day after the last one counted' }),
    area,
    complaints: z.strictObject({ total: count, byChannel: counts, byCategory: counts }),
    validLeads: byChannel.meta({ description: 'complaints whose disposition is lead or merged' }),
    cases: z.strictObject({
      total: count,
      byTownship: counts,
      bySector: counts,
      byStatus: counts,
      resolved: count,
      overdueNow: count.meta({ description: 'open cases past a deadline right now (not limited to the period)' }),
    }),
    recovered: z.strictObject({ yuan: z.number(), workers: count, entries: count }),
    funnel,
  })
  .meta({ id: 'Statistics' });

const annualReport = z
  .strictObject({
    year: count,
    area,
    paragraph: z.string().meta({ description: 'the annual-report paragraph (zh-CN)' }),
    campaign: z
      .strictObject({
        name: z.string(),
        first: z.iso.date(),
        last: z.iso.date().meta({ description: 'inclusive' }),
        yuan: z.number(),
        workers: count,
      })
      .meta({ description: 'recoveries dated in the campaign (CAMPAIGN_*), within the year' }),
    statistics,
  })
  .meta({ id: 'AnnualReport' });

true satisfies Describes<typeof statistics, Statistics>;
true satisfies Describes<typeof annualReport, AnnualReport>;

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
      summary: 'statistics and the funnel for a period of days (China time), for the county or one township',
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
