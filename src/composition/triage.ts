import type { TriageWorkerDeps } from '../../queues/triage-worker';
import { caseNotice } from '../domain/outbound';
import { addWorkingDays, deadlinesFor } from '../domain/working-days';
import type { DispositionPolicy } from '../services/review/disposition-policy';
import type { OpenCaseDeps } from '../services/open-case';
import { noticeEvent, sendNoticeOnce, sweepQueuedMessages } from '../services/outbound/dispatch';
import { sweepUnprocessed, type SweepReport } from '../services/sweep-unprocessed';
import { triageComplaint, type TriageComplaintDeps } from '../services/triage-complaint';
import { sweepUnhandledInbound } from '../services/platform-intake';
import type { AppContext } from './context';
import { countTriage } from './metrics';
import { outboundDeps } from './outbound';
import { platformIntakeDeps } from './platform';
import { notificationDeps, staffNotifier } from './notifications';
import { sweepWecomCopies } from '../services/notifications';

/** Opening or joining cases: shared by triage and by staff splitting a complaint off. */
export function openCaseDeps(ctx: AppContext): OpenCaseDeps {
  const { config, repos } = ctx;
  const outbound = outboundDeps(ctx);
  const notify = staffNotifier(ctx);
  return {
    leads: repos.leads,
    complainants: repos.complainants,
    caseNumberPrefix: config.CASE_NUMBER_PREFIX,
    timeZone: config.TIME_ZONE,
    dedupWindowDays: config.DEDUP_WINDOW_DAYS,
    departments: config.DEPARTMENTS_JSON,
    withLocks: ctx.withLocks,
    nextCaseSequence: ctx.nextCaseSequence,
    caseIndex: ctx.caseIndex,
    deadlinesFor: (openedAt, priority) => deadlinesFor(openedAt, priority, config.deadlinePolicy, config.workCalendar),
    scheduleDeadlines: (lead) => ctx.deadlineQueue.schedule(lead),
    caseOpened: (lead) => notify({ kind: 'case_opened', lead }),
    // The complainant hears at once that the complaint was registered, with the case number.
    noticeEvent: (caseNumber, channel, at, phone) => noticeEvent(outbound, caseNotice('accepted', caseNumber), channel, at, phone),
  };
}

/** How dispositions are recorded: the FAQ, the configured referral advice, review deadlines. */
export function dispositionPolicy(ctx: AppContext): DispositionPolicy {
  const { config } = ctx;
  return {
    faqIdFor: async (text) => (await ctx.faq.answerFor(text)).id,
    referrals: config.referrals,
    reviewDueBy: (at) => addWorkingDays(at, config.REVIEW_DAYS, config.workCalendar),
  };
}

export function triageDeps(ctx: AppContext): TriageComplaintDeps {
  const outbound = outboundDeps(ctx);
  return {
    ...openCaseDeps(ctx),
    complaints: ctx.repos.complaints,
    triage: ctx.triage,
    policy: dispositionPolicy(ctx),
    pending: ctx.pending,
    sendCaseNotice: async (lead, to, complaintId) => {
      await sendNoticeOnce(outbound, lead, to, caseNotice('accepted', lead.caseNumber), complaintId);
    },
  };
}

export function triageWorkerPort(ctx: AppContext) {
  const deps = { ...triageDeps(ctx), complaints: countTriage(ctx.repos.complaints, ctx.metrics) };
  return {
    triageComplaint: (complaintId: string, opts?: { finalAttempt: boolean }) =>
      triageComplaint(deps, complaintId, opts).catch((err: unknown) => {
        ctx.metrics.triageFailed(opts?.finalAttempt ?? false);
        throw err;
      }),
  } satisfies Pick<TriageWorkerDeps, 'triageComplaint'>;
}

/** The worker's sweeps: stored complaints and platform messages that nothing is working on. */
export function sweepPort(ctx: AppContext) {
  const deps = { complaints: ctx.repos.complaints, triageQueue: ctx.triageQueue, pending: ctx.pending };
  const platform = platformIntakeDeps(ctx);
  return {
    sweepUnprocessed: (opts: { graceMs: number; now?: Date }): Promise<SweepReport> => sweepUnprocessed(deps, opts),
    sweepInbound: (graceMs: number): Promise<number> => sweepUnhandledInbound(platform, graceMs),
    sweepOutbound: async (graceMs: number): Promise<number> =>
      (await sweepQueuedMessages(outboundDeps(ctx), graceMs)) + (await sweepWecomCopies(notificationDeps(ctx), graceMs)),
  };
}
