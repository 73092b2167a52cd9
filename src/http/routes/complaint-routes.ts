import { Router } from 'express';
import { jsonBody } from '../json-body';
import type { StaffUser } from '../../domain/staff';
import type { StaffEntry } from '../../services/staff-entry';
import type { AcceptedComplaint } from '../../services/accept-complaint';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import { complaintBody } from '../contracts/complaint-contract';

export interface ComplaintRouteDeps {
  enterComplaint(staff: StaffUser, entry: StaffEntry): Promise<AcceptedComplaint>;
}

export function complaintRoutes(deps: ComplaintRouteDeps): Router {
  const router = Router();
  router.post('/', jsonBody('256kb'), async (req, res) => {
    const body = parseOr400(complaintBody, req.body);
    const accepted = await deps.enterComplaint(currentStaff(res), { ...body, receivedAt: new Date(body.receivedAt) });
    res.status(accepted.created ? 202 : 200).json({ complaintId: accepted.complaintId, duplicate: !accepted.created });
  });
  return router;
}
