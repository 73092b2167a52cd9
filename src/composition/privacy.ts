import type { Config } from '../config';
import type { RetentionReport } from '../domain/privacy';
import type { ComplaintChannel } from '../domain/triage-result';
import * as labels from '../http/console/labels';
import type { ComplainantRouteDeps } from '../http/routes/complainant-routes';
import type { ExportRouteDeps } from '../http/routes/export-routes';
import { encodeTable } from '../infra/table-file';
import { createIntakeStateStore } from '../redis/intake-state-store';
import { createPeriodicClaim } from '../redis/periodic-claim';
import { createPrivacyNoticeMarks } from '../redis/privacy-notice-marks';
import type { IntakeDeps } from '../services/intake/intake-conversation';
import { eraseComplainant } from '../services/privacy/erase-complainant';
import { exportCasesFor } from '../services/privacy/export-cases';
import { applyRetention } from '../services/privacy/retention';
import type { AppContext } from './context';
import { replyContextStore } from './payment';

const CHAT: readonly ComplaintChannel[] = ['wechat', 'wechat_oa', 'wecom'];

/** Where a chat channel keeps its contacts' state in Redis (the personal-account bot has the bare prefix). */
export function chatKeyPrefix(config: Config, channel: ComplaintChannel): string {
  return channel === 'wechat' ? config.QUEUE_PREFIX : `${config.QUEUE_PREFIX}:${channel}`;
}

const noticeMarks = (ctx: AppContext, channel: ComplaintChannel) =>
  createPrivacyNoticeMarks(ctx.redis, chatKeyPrefix(ctx.config, channel), ctx.config.retention.nonLeadDays * 86_400);

/** The privacy notice of one chat channel: remembered per contact as long as a message of theirs may be kept. */
export function privacyNoticePort(ctx: AppContext, channel: ComplaintChannel): NonNullable<IntakeDeps['privacyNotice']> {
  const marks = noticeMarks(ctx, channel);
  return {
    text: ctx.config.privacyNotice,
    given: (contactId) => marks.has(contactId),
    remember: (contactId) => marks.set(contactId),
    complainedBefore: (contactId) => ctx.repos.complainants.exists(channel, contactId),
  };
}

/** A chat contact's conversation in progress and notice mark, forgotten when their data is erased. */
function forgetContactPort(ctx: AppContext) {
  return async (channel: ComplaintChannel, contactId: string): Promise<void> => {
    if (!CHAT.includes(channel)) return;
    const prefix = chatKeyPrefix(ctx.config, channel);
    await createIntakeStateStore(ctx.redis, prefix, ctx.config.INTAKE_TTL_S).clear(contactId);
    await noticeMarks(ctx, channel).clear(contactId);
    await replyContextStore(ctx).clear(channel, contactId);
  };
}

export function complainantRoutesPort(ctx: AppContext): ComplainantRouteDeps {
  const deps = { ...ctx.repos, forgetContact: forgetContactPort(ctx), caseIndex: ctx.caseIndex };
  return { eraseComplainant: (staff, id, reason) => eraseComplainant(deps, staff, id, reason) };
}

export function exportRoutesPort(ctx: AppContext): ExportRouteDeps {
  const deps = {
    leads: ctx.repos.leads,
    audit: ctx.repos.audit,
    encode: encodeTable,
    labels: {
      status: labels.STATUS_LABELS,
      channel: labels.CHANNEL_LABELS,
      sector: labels.SECTOR_LABELS,
      priority: labels.PRIORITY_LABELS,
      overdue: labels.OVERDUE_LABELS,
    },
  };
  return { exportCases: (staff, q) => exportCasesFor(deps, staff, q) };
}

/** Retention runs at most once a day across the worker processes (its scans read whole collections on FerretDB). */
const RETENTION_PERIOD_S = 86_400;

/** The worker's retention run: claimed once a day, applied, and the claim given back when it fails. */
export function retentionPort(ctx: AppContext) {
  const deps = { ...ctx.repos, forgetContact: forgetContactPort(ctx), policy: ctx.config.retention };
  const period = createPeriodicClaim(ctx.redis, `${ctx.config.QUEUE_PREFIX}:retention:claim`, RETENTION_PERIOD_S);
  return {
    claim: () => period.claim(),
    release: () => period.release(),
    apply: (now = new Date()): Promise<RetentionReport> => applyRetention(deps, now),
  };
}
