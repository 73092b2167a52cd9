import { z } from 'zod';
import { callbackTask, outboundMessage } from './case-schemas';
import { failure, invalid, tooLarge, unauthenticated, unavailable } from './common';
import type { RouterContract } from './operation';

export const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character task id') });
export const doneBody = z.object({ note: z.string().trim().min(1).max(1000).optional() }).strict();

const forbidden = failure('call-back tasks are for operators, supervisors and admins');

/** Call-back tasks: replies and notices for complainants we cannot write to (hotline callers). */
export const callbackContract: RouterContract = {
  prefix: '/api/callbacks',
  operations: [
    {
      method: 'get',
      path: '',
      summary: 'open call-back tasks of the cases the caller may see, numbers masked',
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
  ],
};
