import type { Decision } from '../../domain/disposition-rules';
import type { Referral, ReferralTarget } from '../../domain/disposition';
import type { DispositionWrite } from '../../db/repositories/complaint-repository';

/** How dispositions are recorded: the FAQ, the referral advice and the review deadline. */
export interface DispositionPolicy {
  /** The FAQ entry a consultation is answered with (the bureau's FAQ is read from the store). */
  faqIdFor: (text: string) => string | null | Promise<string | null>;
  referrals: Record<ReferralTarget, Referral>;
  /** The working-day deadline of a review opened at `at`. */
  reviewDueBy: (at: Date) => Date;
}

/** A complaint that opened or joined a case: no review. */
export function caseDisposition(leadId: string, opened: boolean, actor: string, at: Date, reason: string | null = null): DispositionWrite {
  const code = opened ? 'lead' : 'merged';
  return {
    disposition: { code, decidedBy: actor, decidedAt: at, leadId, faqId: null, referral: null, advice: null, reason },
    review: null,
    event: { at, actor, action: 'decided', code, reason },
  };
}

/** A complaint that did not become a case: recorded with its reason, and in review until a person decides. */
export function nonCaseDisposition(policy: DispositionPolicy, decision: Exclude<Decision, { code: 'case' }>, at: Date): DispositionWrite {
  const { code, referral, faqId, reason } = decision;
  return {
    disposition: {
      code,
      decidedBy: 'system',
      decidedAt: at,
      leadId: null,
      faqId,
      referral,
      advice: referral ? policy.referrals[referral].advice : null,
      reason,
    },
    review: { state: 'pending', dueBy: policy.reviewDueBy(at), decidedBy: null, decidedAt: null, reason: null },
    event: { at, actor: 'system', action: 'decided', code, reason },
  };
}
