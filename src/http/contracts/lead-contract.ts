import { z } from 'zod';
import { LEAD_STATUSES, type Lead } from '../../domain/lead';
import { CATEGORIES } from '../../domain/triage-result';
import { maskedLead, maskedMessage } from './case-schemas';
import { failure, invalid, tooLarge, unauthenticated, unavailable, type Describes } from './common';
import type { ApiOperation, RouterContract } from './operation';

export const listQuery = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    category: z.enum(CATEGORIES).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict(); // an unknown parameter (e.g. status[$ne]) is an error, never silently ignored

export const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') });
export const duplicateParams = idParam.extend({ otherId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') });
const note = z.string().trim().min(1).max(2000).optional();

export const assignBody = z
  .object({
    assigneeId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character staff id'),
    note,
    transfer: z
      .boolean()
      .optional()
      .meta({ description: 'move the case to the inspector’s township (county-wide supervisors and admins)' }),
  })
  .strict();
export const statusBody = z
  .object({
    to: z.enum(LEAD_STATUSES),
    note,
    outcomeCode: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    transferTarget: z.enum(['police', 'court', 'department']).optional(),
    rejectReason: z.enum(['not_wage_arrears', 'duplicate', 'not_our_jurisdiction', 'insufficient_information', 'withdrawn']).optional(),
    override: z.boolean().optional().meta({
      description: 'close as paid_in_full although a complainant says the wages did not arrive (supervisors and admins, with a note)',
    }),
  })
  .strict();
export const recoveryBody = z
  .object({
    amountYuan: z.number().positive().max(1e10),
    workersPaid: z.number().int().min(0).max(100_000),
    date: z.iso.date(),
    note,
  })
  .strict();

export const replyBody = z
  .object({
    text: z.string().trim().min(1).max(1000),
    complainantIds: z
      .array(z.string().regex(/^[0-9a-f]{24}$/i))
      .min(1)
      .max(500)
      .optional(),
  })
  .strict();

export const mergeBody = z.object({ sourceLeadId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') }).strict();
export const splitBody = z.object({ complaintId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character complaint id') }).strict();

const leadPage = z
  .strictObject({
    items: z.array(maskedLead),
    total: z.number().int().meta({ description: 'all matching cases, not only this page' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'LeadPage' });
const messages = z.strictObject({ messages: z.array(maskedMessage) });
const revealedPhones = z
  .strictObject({
    phone: z.string().nullable().meta({ description: 'the number triage found in the complaint' }),
    complainants: z.array(
      z.strictObject({ id: z.string(), name: z.string().nullable(), phone: z.string().nullable(), channel: z.string() }),
    ),
  })
  .meta({ id: 'RevealedPhones' });
const splitResult = z.strictObject({ from: maskedLead, to: maskedLead });

true satisfies Describes<typeof splitResult, { from: Lead; to: Lead }>;

const notFound = failure('no such case, or not one the caller may see');
const forbidden = failure('the caller’s role may not do this on this case');
const conflict = failure('not possible in the case’s status, or the case changed meanwhile: reload it and try again');
const read = { 400: invalid, 401: unauthenticated, 404: notFound, 503: unavailable };
const act = { ...read, 403: forbidden, 409: conflict, 413: tooLarge };
const action = (path: string, summary: string, json: z.ZodType, status: 200 | 201 = 200): ApiOperation => ({
  method: 'post',
  path,
  summary,
  security: 'staff',
  request: { params: idParam, json },
  responses: { [status]: { description: 'the case as it is now, the phone masked', json: maskedLead }, ...act },
});

/** The case API: list, read, and the actions of the case workflow. */
export const leadContract: RouterContract = {
  prefix: '/api/leads',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'cases the caller may see, newest first, phones masked',
      security: 'staff',
      request: { query: listQuery },
      responses: { 200: { description: 'one page of cases', json: leadPage }, 400: invalid, 401: unauthenticated, 503: unavailable },
    },
    {
      method: 'get',
      path: '/{id}',
      summary: 'one case, the phone masked',
      security: 'staff',
      request: { params: idParam },
      responses: { 200: { description: 'the case', json: maskedLead }, ...read },
    },
    action('/{id}/assign', 'assign to an inspector (supervisors and admins)', assignBody),
    action('/{id}/status', 'move along the status machine', statusBody),
    action('/{id}/recoveries', 'record money recovered', recoveryBody, 201),
    {
      method: 'post',
      path: '/{id}/replies',
      summary: 'write to one or all complainants: WeChat messages, or call-back tasks for hotline callers',
      security: 'staff',
      request: { params: idParam, json: replyBody },
      responses: {
        201: { description: 'the messages queued or the call-back tasks opened', json: messages },
        ...read,
        403: forbidden,
        413: tooLarge,
      },
    },
    {
      method: 'get',
      path: '/{id}/messages',
      summary: 'replies and notices with their delivery state',
      security: 'staff',
      request: { params: idParam },
      responses: { 200: { description: 'oldest first', json: messages }, ...read },
    },
    {
      method: 'post',
      path: '/{id}/reveal-phone',
      summary: 'the complainants’ full phone numbers (the viewing is recorded on the case)',
      security: 'staff',
      request: { params: idParam },
      responses: { 200: { description: 'the numbers in full', json: revealedPhones }, ...read },
    },
    action(
      '/{id}/merge',
      'merge a duplicate case into this one (the duplicate closes); a possible duplicate is merged the same way',
      mergeBody,
    ),
    {
      method: 'post',
      path: '/{id}/duplicates/{otherId}/dismiss',
      summary: 'a possible duplicate is not one: it leaves both cases and is not suggested again (supervisors and admins)',
      security: 'staff',
      request: { params: duplicateParams },
      responses: { 200: { description: 'the case as it is now, the phone masked', json: maskedLead }, ...read, 403: forbidden },
    },
    {
      method: 'post',
      path: '/{id}/split',
      summary: 'split a complaint off into a case of its own',
      security: 'staff',
      request: { params: idParam, json: splitBody },
      responses: { 201: { description: 'the case the complaint left (from) and its new case (to)', json: splitResult }, ...act },
    },
  ],
};
