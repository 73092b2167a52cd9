import type { ComplaintChannel } from '../domain/triage-result';
import type { ConsoleDeps } from '../http/console/console-deps';
import type { CallbackRouteDeps } from '../http/routes/callback-routes';
import { CALLBACK_WORKING_DAYS, RETRY_WORKING_HOURS } from '../domain/callback';
import { addWorkingDaysToClose, addWorkingHours } from '../domain/working-days';
import { callbackQueueFor } from '../services/outbound/callback-queue';
import { completeCallback, listCallbacksFor, maskTask, recordCallbackOutcome, type CallbackDeps } from '../services/outbound/callbacks';
import { recordPaymentAnswer } from '../services/payment-confirmation';
import type { Lead } from '../domain/lead';
import { workerReplyNotifier } from './notifications';
import { deliverMessage, deliverSms } from '../services/outbound/deliver';
import type { ContactLine } from '../services/outbound/contact-order';
import { createContactLine } from '../redis/contact-line';
import type { OutboundDeps } from '../services/outbound/dispatch';
import { maskPhone } from '../domain/masking';
import type { AppContext } from './context';
import { countDelivery } from './metrics';
import { createReplyContext } from '../redis/reply-context';

export function outboundDeps(ctx: AppContext): OutboundDeps {
  const { repos, platformClients, config } = ctx;
  return {
    leads: repos.leads,
    complainants: repos.complainants,
    outbound: repos.outbound,
    outboundQueue: ctx.outboundQueue,
    platformSenders: (['wechat_oa', 'wecom'] as const).filter((c) => platformClients[c] !== null),
    platformQueue: ctx.platformQueue,
    sms: ctx.sms ? ctx.smsQueue : null,
    line: contactLine(ctx),
    callbackDue: {
      first: (at) => addWorkingDaysToClose(at, CALLBACK_WORKING_DAYS, config.workCalendar),
      retry: (at) => addWorkingHours(at, RETRY_WORKING_HOURS, config.workCalendar),
    },
    replyContext: createReplyContext(ctx.redis, config.QUEUE_PREFIX, config.REPLY_CONTEXT_DAYS * 86_400),
  };
}

/** Call-back tasks for operators; numbers are masked (the full one comes from the case's audited reveal). */
export function callbackRoutesPort(ctx: AppContext): CallbackRouteDeps {
  const notify = workerReplyNotifier(ctx);
  const paymentDeps = { leads: ctx.repos.leads, notifyWorkerReply: (lead: Lead, replyId: string) => notify({ leadId: lead.id, replyId }) };
  const deps: CallbackDeps = {
    ...outboundDeps(ctx),
    paymentAnswer: (leadId, complainantId, answer, words, actor) =>
      recordPaymentAnswer(paymentDeps, leadId, complainantId, answer, words, actor),
  };
  return {
    listCallbacks: (staff) => listCallbacksFor(deps, staff, maskPhone),
    completeCallback: async (staff, id, note) => maskTask(await completeCallback(deps, staff, id, note), maskPhone),
    recordCallbackOutcome: async (staff, id, input) => maskTask(await recordCallbackOutcome(deps, staff, id, input), maskPhone),
  };
}

/** The console's call-back queue, with the scripts for the calls. */
export function callbackConsolePort(ctx: AppContext): Pick<ConsoleDeps, 'callbackQueue'> {
  const deps = { ...outboundDeps(ctx), complainants: ctx.repos.complainants };
  return { callbackQueue: (staff, tab) => callbackQueueFor(deps, staff, tab, maskPhone) };
}

/** Delivery of queued messages through a sender: the bot's WeChat session, or a platform's API. */
export function deliveryPort(ctx: AppContext, send: (channelUserId: string, text: string, channel: ComplaintChannel) => Promise<void>) {
  const deps = { leads: ctx.repos.leads, outbound: ctx.repos.outbound, send, line: contactLine(ctx) };
  return (messageId: string, opts: { finalAttempt: boolean }) =>
    deliverMessage({ ...deps, outbound: countDelivery(deps.outbound, ctx.metrics, 'chat') }, messageId, opts);
}

/** Each contact's messages in order, across the bot, the platform worker and the SMS worker (one line per contact in Redis). */
export function contactLine(ctx: AppContext): ContactLine {
  return createContactLine(ctx.redis, ctx.keys);
}

/** Text messages through the SMS gateway; one that fails for good becomes a call-back task. Null without a gateway. */
export function smsDeliveryPort(ctx: AppContext) {
  const gateway = ctx.sms;
  if (!gateway) return null;
  const deps = {
    leads: ctx.repos.leads,
    outbound: ctx.repos.outbound,
    line: contactLine(ctx),
    sendSms: (m: Parameters<typeof gateway.send>[0]) => gateway.send(m),
    callbackDue: (at: Date) => addWorkingDaysToClose(at, CALLBACK_WORKING_DAYS, ctx.config.workCalendar),
  };
  return (messageId: string, opts: { finalAttempt: boolean }) =>
    deliverSms({ ...deps, outbound: countDelivery(deps.outbound, ctx.metrics, 'sms') }, messageId, opts);
}
