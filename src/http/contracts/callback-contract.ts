import { z } from 'zod';
import { CALLBACK_OUTCOMES } from '../../domain/callback';
import { callbackTask, outboundMessage } from './case-schemas';
import { failure, invalid, tooLarge, unauthenticated, unavailable } from './common';
import type { RouterContract } from './operation';

export const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character task id') });
export const doneBody = z.object({ note: z.string().trim().min(1).max(1000).optional() }).strict();
export const outcomeBody = z
  .object({
    outcome: z.enum(CALLBACK_OUTCOMES).meta({
      description:
        'reached (已接通), no_answer (无人接听: tried again later), wrong_number (号码错误), says_paid (工人称已收到工资), says_not_paid (工人称未收到工资)',
    }),
    note: z.string().trim().min(1).max(1000).optional(),
    attempts: z.number().int().min(0).max(1000).optional().meta({
      description: 'the calls on the task as the caller read it: when someone recorded another call since, 409 callback_changed',
    }),
  })
  .strict();

const forbidden = failure('call-back tasks are for operators, supervisors and admins');

/** Call-back tasks: replies and notices for complainants we cannot write to (hotline callers). */
export const callbackContract: RouterContract = {
  prefix: '/api/callbacks',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'open call-back tasks of the cases the caller may see, earliest due first, numbers masked',
      security: 'staff',
      responses: {
        200: { description: 'the open tasks', json: z.strictObject({ items: z.array(callbackTask) }) },
        401: unauthenticated,
        403: forbidden,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/{id}/done',
      summary: 'mark a call-back task done (the case records the contact)',
      security: 'staff',
      request: { params: idParam, json: doneBody, bodyOptional: true },
      responses: {
        200: { description: 'the task, now callback_done', json: outboundMessage },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: failure('no such task, or not of a case the caller may see'),
        409: failure('the task is not open'),
        413: tooLarge,
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/{id}/outcome',
      summary: 'record one call on a task: no_answer keeps it open and due again later; any other outcome closes it',
      security: 'staff',
      request: { params: idParam, json: outcomeBody },
      responses: {
        200: { description: 'the task after the call, number masked', json: callbackTask },
        400: invalid,
        401: unauthenticated,
        403: forbidden,
        404: failure('no such task, or not of a case the caller may see'),
        409: failure('the task was closed, or another call recorded on it, by someone else meanwhile'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
