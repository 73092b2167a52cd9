import { Router } from 'express';
import { jsonBody } from '../json-body';
import { AppError } from '../../domain/app-error';
import type { NewComplaint } from '../../domain/complaint';
import type { AcceptedComplaint } from '../../services/accept-complaint';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import { complaintBody } from '../contracts/complaint-contract';

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
