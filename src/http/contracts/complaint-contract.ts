import { z } from 'zod';
import { failure, invalid, text, tooLarge, unauthenticated, unavailable } from './common';
import { acceptedComplaint } from './intake-schemas';
import type { RouterContract } from './operation';

/** Complaints staff enter or forward: on-site visits, the national platform, media, petitions, hotline work orders, calls to the bureau's complaint line. */
export const complaintBody = z
  .object({
    channel: z.enum(['onsite', 'national_platform', 'media', 'petition', 'hotline', 'phone']),
    /** The source's own id (platform lead number, work-order number, or a form's request id): makes intake idempotent. */
    externalId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, '1 to 128 letters, digits, _ . : or -'),
    receivedAt: z.iso.datetime({ offset: true }),
    complainant: z
      .object({
        name: text(64).optional(),
        phone: z
          .string()
          .regex(/^\+?[\d\s-]{5,24}$/, 'digits, spaces or dashes')
          .transform((s) => s.replace(/\D/g, ''))
          .optional(),
      })
      .strict()
      .optional(),
    text: text(50_000),
  })
  .strict();

export const complaintContract: RouterContract = {
  prefix: '/api/complaints',
  operations: [
    {
      method: 'post',
      path: '',
      summary: 'a complaint from an on-site visit, the national platform, media, a petition or a hotline work order',
      security: 'staff',
      request: { json: complaintBody },
      responses: {
        202: { description: 'stored and queued for triage', json: acceptedComplaint },
        200: { description: 'this channel and externalId were received before: nothing new stored', json: acceptedComplaint },
        400: invalid,
        401: unauthenticated,
        403: failure('an inspector without an area may not enter complaints'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
