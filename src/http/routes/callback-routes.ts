import { Router } from 'express';
import { jsonBody } from '../json-body';
import { AppError } from '../../domain/app-error';
import type { CallbackOutcome, CallbackTask } from '../../domain/callback';
import type { OutboundMessage } from '../../domain/outbound';
import type { StaffUser } from '../../domain/staff';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import { doneBody, idParam, outcomeBody } from '../contracts/callback-contract';

export interface CallbackRouteDeps {
  listCallbacks(staff: StaffUser): Promise<CallbackTask[]>;
  completeCallback(staff: StaffUser, id: string, note?: string): Promise<OutboundMessage>;
  recordCallbackOutcome(
    staff: StaffUser,
    id: string,
    input: { outcome: CallbackOutcome; note?: string; attempts?: number },
  ): Promise<CallbackTask>;
}

/** Call-back tasks: replies and notices for complainants we cannot write to (hotline callers). */
export function callbackRoutes(deps: CallbackRouteDeps): Router {
  const router = Router();
  router.use(jsonBody('16kb'));
  router.use((_req, res, next) => {
    const role = currentStaff(res).role;
    next(
      role === 'inspector' ? new AppError('forbidden', 'call-back tasks are for operators and supervisors', { status: 403 }) : undefined,
    );
  });
  router.get('/', async (_req, res) => {
    res.json({ items: await deps.listCallbacks(currentStaff(res)) });
  });
  router.post('/:id/done', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.completeCallback(currentStaff(res), id, parseOr400(doneBody, req.body ?? {}).note));
  });
  router.post('/:id/outcome', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.recordCallbackOutcome(currentStaff(res), id, parseOr400(outcomeBody, req.body)));
  });
  return router;
}
