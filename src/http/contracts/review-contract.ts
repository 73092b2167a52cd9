import { z } from 'zod';
import { COMPLAINT_CHANNELS } from '../../domain/complaint';
import { DISPOSITION_CODES, REFERRAL_TARGETS } from '../../domain/disposition';
import { CATEGORIES, SECTORS, URGENCIES } from '../../domain/triage-result';
import { TAOYUAN_TOWNSHIPS } from '../../triage/lexicon/taoyuan-gazetteer';
import { failure, invalid, isoDateTime, maskedPhone, storeId, text, tooLarge, unauthenticated, unavailable } from './common';
import type { RouterContract } from './operation';

// China keeps one time zone: a day starts at 00:00 +08:00.
const day = z.iso.date().transform((d) => new Date(`${d}T00:00:00+08:00`));

export const reviewListQuery = z
  .object({
    state: z.enum(['pending', 'confirmed', 'overturned', 'all']).default('pending'),
    code: z.enum(DISPOSITION_CODES).optional(),
    channel: z.enum(COMPLAINT_CHANNELS).optional(),
    from: day.optional(),
    to: day.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const reviewIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character complaint id') });

const reason = text(500);
export const confirmBody = z.strictObject({ reason });
export const overturnBody = z.strictObject({
  reason,
  fields: z.strictObject({
    employer: text(100).nullable().optional(),
    project: text(100).nullable().optional(),
    location: text(100).nullable().optional(),
    area: z
      .enum(TAOYUAN_TOWNSHIPS.map((t) => t.name) as [string, ...string[]])
      .nullable()
      .optional(),
    amount_yuan: z.number().min(0).max(1e10).nullable().optional(),
    worker_count: z.number().int().min(1).max(100_000).nullable().optional(),
    phone: z
      .string()
      .regex(/^\d{7,12}$/, 'digits only')
      .nullable()
      .optional(),
    sector: z.enum(SECTORS).nullable().optional(),
    urgency: z.enum(URGENCIES).optional(),
  }),
});

const triageRead = z.strictObject({
  category: z.enum(CATEGORIES),
  employer: z.string().nullable(),
  project: z.string().nullable(),
  location: z.string().nullable(),
  area: z.string().nullable(),
  amount_yuan: z.number().nullable(),
  worker_count: z.number().int().nullable(),
  phone: maskedPhone.nullable(),
  sector: z.enum(SECTORS).nullable(),
  urgency: z.enum(URGENCIES),
  engine: z.enum(['rules', 'llm']),
  sources: z.record(z.string(), z.string()),
  llmError: z.string().nullable(),
  triagedAt: isoDateTime,
});

export const reviewItem = z
  .strictObject({
    id: storeId,
    channel: z.enum(COMPLAINT_CHANNELS),
    receivedAt: isoDateTime,
    sender: z.strictObject({ name: z.string().nullable(), phone: maskedPhone.nullable() }),
    text: z.string().meta({ description: 'as received, phone and ID numbers masked' }),
    turns: z.array(z.strictObject({ speaker: z.enum(['agent', 'caller']), text: z.string() })),
    triage: triageRead.nullable().meta({ description: 'what the engine read; null when triage failed' }),
    disposition: z.strictObject({
      code: z.enum(DISPOSITION_CODES),
      label: z.string(),
      decidedBy: z.string().meta({ description: 'system, or a staff id' }),
      decidedAt: isoDateTime,
      leadId: storeId.nullable(),
      faqId: z.string().nullable(),
      referral: z.enum(REFERRAL_TARGETS).nullable(),
      advice: z.string().nullable(),
      reason: z.string().nullable(),
    }),
    review: z.strictObject({
      state: z.enum(['pending', 'confirmed', 'overturned']),
      dueBy: isoDateTime,
      overdue: z.boolean(),
      decidedBy: z.string().nullable(),
      decidedAt: isoDateTime.nullable(),
      reason: z.string().nullable(),
    }),
    log: z.array(
      z.strictObject({
        at: isoDateTime,
        actor: z.string(),
        action: z.enum(['decided', 'confirmed', 'overturned']),
        code: z.enum(DISPOSITION_CODES),
        reason: z.string().nullable(),
      }),
    ),
    leadId: storeId.nullable(),
  })
  .meta({ id: 'ReviewItem', description: 'a complaint that did not become a case, as reviewers see it' });

const reviewPage = z.strictObject({
  items: z.array(reviewItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z
    .record(z.string(), z.number().int())
    .meta({ description: 'complaints per disposition code, for the filters given but the code' }),
});

const forbidden = failure('the review queue is read by supervisors, operators and admins; decided by supervisors and admins');
const notFound = failure('no such complaint in the review queue, or not in the reader’s area');

/** The review queue (待甄别): complaints that did not become a case, and failed triage. */
export const reviewContract: RouterContract = {
  prefix: '/api/reviews',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'complaints in review, newest first, with counts per disposition; text masked',
      security: 'staff',
      request: { query: reviewListQuery },
      responses: {
        200: { description: 'one page', json: reviewPage },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        503: unavailable,
      },
    },
    {
      method: 'get',
      path: '/{id}',
      summary: 'one complaint of the review queue with its audit trail',
      security: 'staff',
      request: { params: reviewIdParam },
      responses: {
        200: { description: 'the complaint', json: reviewItem },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: notFound,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/{id}/confirm',
      summary: 'confirm that the complaint is not a case, with a reason',
      security: 'staff',
      request: { params: reviewIdParam, json: confirmBody },
      responses: {
        200: { description: 'the complaint, reviewed', json: reviewItem },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: notFound,
        409: failure('decided already'),
        413: tooLarge,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/{id}/overturn',
      summary: 'overturn the disposition: with corrected fields the complaint opens or joins a case',
      security: 'staff',
      request: { params: reviewIdParam, json: overturnBody },
      responses: {
        201: {
          description: 'the case it opened or joined',
          json: z.strictObject({ leadId: storeId, caseNumber: z.string(), opened: z.boolean() }),
        },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: notFound,
        409: failure('made a case already'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
