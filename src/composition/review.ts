import type { ReviewRouteDeps } from '../http/routes/review-routes';
import { openOrJoinCase } from '../services/open-case';
import { confirmDisposition, overturnDisposition, type ReviewDecisionDeps } from '../services/review/review-decisions';
import { getReviewItem, listReviewQueue } from '../services/review/review-queue';
import type { AppContext } from './context';
import { triageDeps } from './triage';

export function reviewDecisionDeps(ctx: AppContext): ReviewDecisionDeps {
  const triage = triageDeps(ctx);
  return {
    complaints: ctx.repos.complaints,
    labels: ctx.config.dispositionLabels,
    openCase: (c, t) => openOrJoinCase(triage, c, t),
    sendCaseNotice: triage.sendCaseNotice,
  };
}

/** The review queue (待甄别) for the JSON API and the console. */
export function reviewRoutesPort(ctx: AppContext): ReviewRouteDeps {
  const deps = reviewDecisionDeps(ctx);
  return {
    listReviews: (staff, q) => listReviewQueue(deps, staff, q),
    getReview: (staff, id) => getReviewItem(deps, staff, id),
    confirmReview: (staff, id, reason) => confirmDisposition(deps, staff, id, reason),
    overturnReview: (staff, id, input) => overturnDisposition(deps, staff, id, input),
  };
}
