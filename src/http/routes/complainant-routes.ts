import { Router } from 'express';
import type { StaffUser } from '../../domain/staff';
import type { ErasureResult } from '../../services/privacy/erase-complainant';
import { complainantIdParam, eraseBody } from '../contracts/complainant-contract';
import { jsonBody } from '../json-body';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

export interface ComplainantRouteDeps {
  /** Erases one complainant's personal data on their request (admins; audited). */
  eraseComplainant(staff: StaffUser, id: string, reason: string): Promise<ErasureResult>;
}

export function complainantRoutes(deps: ComplainantRouteDeps): Router {
  const router = Router();
  router.use(jsonBody('16kb'));
  router.post('/:id/erase', async (req, res) => {
    const { id } = parseOr400(complainantIdParam, req.params);
    const { reason } = parseOr400(eraseBody, req.body);
    res.json(await deps.eraseComplainant(currentStaff(res), id, reason));
  });
  return router;
}
