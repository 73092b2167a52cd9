import { z } from 'zod';
import { failure, invalid, text, tooLarge, unavailable } from './common';
import { acceptedComplaint } from './intake-schemas';
import type { RouterContract } from './operation';

export const transcriptBody = z.object({
  callId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, '1 to 128 letters, digits, _ . : or -'),
  receivedAt: z.iso.datetime({ offset: true }),
  callerPhone: z
    .string()
    .regex(/^\+?[\d\s-]{5,24}$/, 'digits, spaces or dashes')
    .transform((s) => s.replace(/\D/g, ''))
    .optional()
    .nullable(),
  operator: text(64).optional().nullable(),
  transcript: z.union([
    text(50_000),
    z
      .array(z.object({ speaker: z.enum(['agent', 'caller']), text: text(10_000) }))
      .min(1)
      .max(1000),
  ]),
});

/** Checked by verifyHotlineSignature (src/http/hotline-signature.ts), not by zod: described here for the document. */
const signedHeaders = z.object({
  'X-Timestamp': z.string().meta({ description: 'unix seconds, within HOTLINE_MAX_SKEW_SECONDS (300 by default) of ours' }),
});

const timed = z.object({
  'Server-Timing': z.string().meta({
    description: 'milliseconds inside the server: `note` (Redis), `store` (the write), `queue` (the enqueue; 0 when nothing was queued)',
    example: 'note;dur=0.21, store;dur=1.84, queue;dur=0.33',
  }),
});

/** The 12345/12333 transcription feed: signed JSON in, 202 once stored and queued. */
export const hotlineContract: RouterContract = {
  prefix: '/api/hotline',
  operations: [
    {
      method: 'post',
      path: '/transcripts',
      summary: 'a 12345/12333 call transcript from the hotline feed',
      security: 'hotline',
      request: { headers: signedHeaders, json: transcriptBody },
      responses: {
        202: { description: 'stored and queued for triage', json: acceptedComplaint, headers: timed },
        200: { description: 'the same callId was received before: nothing new stored', json: acceptedComplaint, headers: timed },
        400: invalid,
        401: failure('X-Timestamp or X-Signature missing, stale or not matching the body'),
        409: failure('this exact signed request was received before (a replay): sign each delivery afresh'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
