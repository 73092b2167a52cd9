import { z } from 'zod';

/** What intake answers: the complaint's id, and whether this source id was received before. */
export const acceptedComplaint = z
  .strictObject({
    complaintId: z.string().regex(/^[0-9a-f]{24}$/),
    duplicate: z.boolean().meta({ description: 'true when the same call id or external id was received before' }),
  })
  .meta({ id: 'AcceptedComplaint' });
