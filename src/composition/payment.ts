import type { ComplaintChannel } from '../domain/triage-result';
import { createReplyContext } from '../redis/reply-context';
import type { IntakeDeps } from '../services/intake/intake-conversation';
import { answerOnCase, type PaymentDeps } from '../services/payment-confirmation';
import type { AppContext } from './context';
import { workerReplyNotifier } from './notifications';
import { outboundDeps } from './outbound';

/** Which case a chat contact was last written to about (their next message may answer it). */
export function replyContextStore(ctx: AppContext) {
  return createReplyContext(ctx.redis, ctx.config.QUEUE_PREFIX, ctx.config.REPLY_CONTEXT_DAYS * 86_400);
}

export function paymentDeps(ctx: AppContext): PaymentDeps {
  const notify = workerReplyNotifier(ctx);
  return {
    leads: ctx.repos.leads,
    complainants: ctx.repos.complainants,
    outbound: outboundDeps(ctx),
    replyContext: replyContextStore(ctx),
    notifyWorkerReply: (lead, replyId) => notify({ leadId: lead.id, replyId }),
  };
}

/** The conversation's view of it: answers to the payment question, scores, replies to notices. */
export function replyToPort(ctx: AppContext, channel: ComplaintChannel): NonNullable<IntakeDeps['replyTo']> {
  const store = replyContextStore(ctx);
  const deps = paymentDeps(ctx);
  return {
    get: (contactId) => store.get(channel, contactId),
    answer: (contactId, about, text, opts) => answerOnCase(deps, { channel, contactId }, about, text, opts),
  };
}
