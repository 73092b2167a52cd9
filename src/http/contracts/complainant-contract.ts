import { z } from 'zod';
import type { ErasureResult } from '../../services/privacy/erase-complainant';
import { failure, invalid, storeId, text, tooLarge, unauthenticated, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';

export const complainantIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character complainant id') });
export const eraseBody = z
  .object({ reason: text(500).meta({ description: 'why: the request it answers (masked in the audit log)' }) })
  .strict();

const count = z.number().int();
const erasure = z
  .strictObject({
    complainantId: storeId.meta({ description: 'the erased record that stands for the person in their cases from now on (a new id)' }),
    cases: count.meta({ description: 'their cases: each keeps its figures and records the erasure on its timeline' }),
    complaints: count.meta({ description: 'their complaints, sender removed and text masked' }),
    evidenceFiles: count.meta({ description: 'photos and documents deleted' }),
    messages: count.meta({ description: 'replies, notices and call-back tasks to them, masked' }),
  })
  .meta({ id: 'Erasure' });

true satisfies Describes<typeof erasure, ErasureResult>;

/** Complainants' personal data on their request (PIPL art. 47): admins only, audited. */
export const complainantContract: RouterContract = {
  prefix: '/api/complainants',
  operations: [
    {
      method: 'post',
      path: '/{id}/erase',
      summary: 'erase one complainant’s personal data everywhere (admins); their cases keep their figures',
      security: 'staff',
      request: { params: complainantIdParam, json: eraseBody },
      responses: {
        200: { description: 'erased: what it touched', json: erasure },
        400: invalid,
        401: unauthenticated,
        403: failure('only admins erase a complainant’s personal data'),
        404: failure('no such complainant'),
        409: failure('this complainant was erased already'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
