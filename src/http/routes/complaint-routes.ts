import { Router } from 'express';
import { freeText as text, jsonBody } from '../json-body';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { NewComplaint } from '../../domain/complaint';
import type { AcceptedComplaint } from '../../services/accept-complaint';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

/** Complaints staff enter or forward: on-site visits, the national platform, media, petitions, hotline work orders. */
const complaintBody = z
  .object({
    channel: z.enum(['onsite', 'national_platform', 'media', 'petition', 'hotline']),
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

export interface ComplaintRouteDeps {
  acceptComplaint(input: NewComplaint): Promise<AcceptedComplaint>;
}

export function complaintRoutes(deps: ComplaintRouteDeps): Router {
  const router = Router();
  router.post('/', jsonBody('256kb'), async (req, res) => {
    const staff = currentStaff(res);
    if (staff.role === 'inspector' && !staff.area) throw new AppError('forbidden', 'not allowed to enter complaints', { status: 403 });
    const body = parseOr400(complaintBody, req.body);
    const accepted = await deps.acceptComplaint({
      channel: body.channel,
      dedupKey: body.externalId,
      sender: { channelUserId: null, name: body.complainant?.name ?? null, phone: body.complainant?.phone ?? null },
      operator: staff.username,
      text: body.text,
      turns: [],
      receivedAt: new Date(body.receivedAt),
    });
    res.status(accepted.created ? 202 : 200).json({ complaintId: accepted.complaintId, duplicate: !accepted.created });
  });
  return router;
}
