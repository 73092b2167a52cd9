import { Router } from 'express';
import type { StaffUser } from '../../domain/staff';
import type { CorrectedFields } from '../../services/review/review-decisions';
import type { ReviewItem, ReviewQuery } from '../../services/review/review-queue';
import { confirmBody, overturnBody, reviewIdParam, reviewListQuery } from '../contracts/review-contract';
import { jsonBody } from '../json-body';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

export interface ReviewRouteDeps {
  listReviews(
    staff: StaffUser,
    q: ReviewQuery,
  ): Promise<{ items: ReviewItem[]; total: number; page: number; pageSize: number; counts: Record<string, number> }>;
  getReview(staff: StaffUser, id: string): Promise<ReviewItem>;
  confirmReview(staff: StaffUser, id: string, reason: string): Promise<ReviewItem>;
  overturnReview(
    staff: StaffUser,
    id: string,
    input: { reason: string; fields: CorrectedFields },
  ): Promise<{ leadId: string; caseNumber: string; opened: boolean }>;
}

/** The review queue (待甄别): list, read, confirm, overturn. */
export function reviewRoutes(deps: ReviewRouteDeps): Router {
  const router = Router();
  router.use(jsonBody('16kb'));
  router.get('/', async (req, res) => {
    const q = parseOr400(reviewListQuery, req.query);
    // `to` is inclusive: the whole of that day counts.
    res.json(await deps.listReviews(currentStaff(res), { ...q, to: q.to ? new Date(q.to.getTime() + 86_400_000) : undefined }));
  });
  router.get('/:id', async (req, res) => {
    res.json(await deps.getReview(currentStaff(res), parseOr400(reviewIdParam, req.params).id));
  });
  router.post('/:id/confirm', async (req, res) => {
    const { id } = parseOr400(reviewIdParam, req.params);
    res.json(await deps.confirmReview(currentStaff(res), id, parseOr400(confirmBody, req.body).reason));
  });
  router.post('/:id/overturn', async (req, res) => {
    const { id } = parseOr400(reviewIdParam, req.params);
    res.status(201).json(await deps.overturnReview(currentStaff(res), id, parseOr400(overturnBody, req.body)));
  });
  return router;
}
