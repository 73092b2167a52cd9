import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Repositories } from './db/repositories';
import { DEFAULT_OUTCOME_CODES } from './domain/case-workflow';
import type { NewComplaint } from './domain/complaint';
import type { ComplaintChannel } from './domain/triage-result';
import type { Lead } from './domain/lead';
import { caseNotice } from './domain/outbound';
import type { StaffUser } from './domain/staff';
import type { TriageEngine } from './domain/triage-result';
import { createLocker } from './redis/lock';
import { createCaseIndex } from './redis/case-index';
import { createCaseSequence } from './redis/case-sequence';
import type { OutboundProducer } from '../queues/outbound-producer';
import type { TriageProducer } from '../queues/triage-producer';
import type { DeadlineProducer } from '../queues/deadline-queue';
import { deadlinesFor, type DeadlinePolicy, type WorkCalendar } from './domain/working-days';
import { checkDeadline } from './services/deadlines';
import { handleIntakeFile, handleIntakeMessage, type IncomingFile, type IncomingMessage } from './services/intake/intake-conversation';
import { progressFor } from './services/intake/progress-reply';
import { createIntakeStateStore } from './redis/intake-state-store';
import { createPlatformClient } from './infra/platform-client';
import type { PlatformProducer } from '../queues/platform-queue';
import type { InboundMessage, NewInboundMessage } from './domain/inbound';
import {
  handlePlatformMessage,
  passiveReplies,
  receivePlatformMessage,
  sendPlatformReplies,
  sweepUnhandledInbound,
  type PlatformIntakeDeps,
} from './services/platform-intake';
import { createContactRateLimit } from './redis/contact-rate-limit';
import { createReplayGuard } from './redis/replay-guard';
import { createLoginThrottle } from './redis/login-rate-limit';
import { triageByRules } from './triage/rule-triage';
import { acceptComplaint } from './services/accept-complaint';
import { assignLead, changeLeadStatus, recordRecovery, type RecoveryInput, type StatusChange } from './services/case-actions';
import {
  completeCallback,
  deliverMessage,
  dispatch,
  listCallbacksFor,
  noticeEvent,
  replyToComplainants,
  sendNoticeOnce,
} from './services/outbound-messages';
import { countByStatusFor, getLeadFor, listLeadsFor, maskPhone, revealPhones, type LeadQuery } from './services/read-leads';
import { authenticateToken, login, logout } from './services/staff-accounts';
import { sweepUnprocessed } from './services/sweep-unprocessed';
import { createPendingComplaints } from './redis/pending-complaints';
import { triageComplaint } from './services/triage-complaint';
import { mergeCases, splitComplaint } from './services/merge-split';
import { openSeparateCase, type CaseComplainant } from './services/open-case';
import { AppError } from './domain/app-error';
import { annualReportParagraph, statistics } from './services/statistics';
import type { Period } from './db/repositories/stats-repository';
import { caseDetailFor, evidenceFileFor } from './services/case-detail';
import { editLeadFields, type LeadFieldEdit } from './services/edit-lead';
import { dashboardFigures } from './services/dashboard';
import { createStaffByAdmin, listStaff, resetStaffPassword, setStaffActive } from './services/staff-accounts';
import type { StaffRole } from './domain/staff';

export interface WireInput {
  config: Config;
  repos: Repositories;
  redis: Redis;
  triageQueue: TriageProducer;
  outboundQueue: OutboundProducer;
  deadlineQueue: DeadlineProducer;
  platformQueue: PlatformProducer;
  triage: TriageEngine;
  checks: Record<string, () => Promise<boolean>>;
}

/** Every use case with its dependencies, wired by hand in one place. */
const days = (s: string) => s.split(',').map(Number) as [number, number, number];
const dates = (s: string) => new Set(s.split(',').filter(Boolean));

export function wireServices({
  config,
  repos,
  redis,
  triageQueue,
  outboundQueue,
  deadlineQueue,
  platformQueue,
  triage,
  checks,
}: WireInput) {
  const calendar: WorkCalendar = { holidays: dates(config.HOLIDAYS), extraWorkdays: dates(config.EXTRA_WORKDAYS) };
  const policy: DeadlinePolicy = { normal: days(config.DEADLINE_DAYS_NORMAL), urgent: days(config.DEADLINE_DAYS_URGENT) };
  const withLock = createLocker(redis, config.QUEUE_PREFIX);
  const caseDeps = { leads: repos.leads, staff: repos.staff, outcomeCodes: config.OUTCOME_CODES_JSON ?? DEFAULT_OUTCOME_CODES, withLock };
  const platformClients = {
    wechat_oa: config.officialAccount
      ? createPlatformClient('wechat_oa', config.officialAccount, redis, config.QUEUE_PREFIX, withLock)
      : null,
    wecom: config.wecom ? createPlatformClient('wecom', config.wecom, redis, config.QUEUE_PREFIX, withLock) : null,
  };
  const platformSenders = (['wechat_oa', 'wecom'] as const).filter((c) => platformClients[c] !== null);
  const outboundDeps = {
    leads: repos.leads,
    complainants: repos.complainants,
    outbound: repos.outbound,
    outboundQueue,
    platformSenders,
    platformQueue,
    withLock,
  };
  const pending = createPendingComplaints(redis, config.QUEUE_PREFIX);
  const triageDeps = {
    ...repos,
    triage,
    caseNumberPrefix: config.CASE_NUMBER_PREFIX,
    timeZone: config.TIME_ZONE,
    dedupWindowDays: config.DEDUP_WINDOW_DAYS,
    departments: config.DEPARTMENTS_JSON,
    withLock,
    nextCaseSequence: createCaseSequence(redis, config.QUEUE_PREFIX, (counterId) =>
      repos.leads.lastSequence(counterId, counterId.replace(/^case:/, '')),
    ),
    pending,
    caseIndex: createCaseIndex(redis, config.QUEUE_PREFIX, config.DEDUP_WINDOW_DAYS, (since) => repos.leads.findOpenSince(since)),
    deadlinesFor: (openedAt: Date, priority: 'urgent' | 'normal') => deadlinesFor(openedAt, priority, policy, calendar),
    scheduleDeadlines: (lead: Lead) => deadlineQueue.schedule(lead),
    // The complainant hears at once that the complaint was registered, with the case number.
    noticeEvent: (caseNumber: string, channel: ComplaintChannel, at: Date) =>
      noticeEvent(outboundDeps, caseNotice('accepted', caseNumber), channel, at),
    sendCaseNotice: (lead: Lead, to: CaseComplainant, complaintId: string) =>
      sendNoticeOnce(outboundDeps, lead, to, caseNotice('accepted', lead.caseNumber), complaintId).then(() => undefined),
  };
  const mergeSplitDeps = {
    leads: repos.leads,
    complaints: repos.complaints,
    withLock,
    openSeparateCase: async (complaintId: string) => {
      const c = await repos.complaints.get(complaintId);
      if (!c) throw new AppError('complaint_not_found', `complaint ${complaintId} does not exist`, { status: 404 });
      return openSeparateCase(triageDeps, c);
    },
  };
  // After the case lock is released: every complainant is told where their case stands.
  const tellComplainants = async (lead: Lead) => {
    await dispatch(outboundDeps, lead, lead.complainantIds, caseNotice('status', lead.caseNumber, lead.status), 'case_notice', 'system');
    return lead;
  };

  const loginThrottle = createLoginThrottle(redis, config.QUEUE_PREFIX, config.LOGIN_MAX_FAILURES, config.LOGIN_WINDOW_S);
  const accept = (input: NewComplaint, opts?: { alongside?: Promise<unknown> }) =>
    acceptComplaint({ complaints: repos.complaints, triageQueue, pending }, input, opts);
  // One conversation engine per channel; state and rate limits are kept apart by a key prefix.
  const intakeDepsFor = (channel: ComplaintChannel, keyPrefix: string) => ({
    channel,
    state: createIntakeStateStore(redis, keyPrefix, config.INTAKE_TTL_S),
    withLock,
    triage: triageByRules,
    acceptComplaint: accept,
    progressFor: (contactId: string, caseNumber: string | null) => progressFor(repos, contactId, caseNumber, channel),
    storeEvidence: (e: { channelUserId: string; name: string; mime: string; data: Buffer }) => repos.evidence.add({ channel, ...e }),
    rateLimit: createContactRateLimit(redis, keyPrefix, config.INTAKE_RATE_LIMIT, config.INTAKE_RATE_WINDOW_S),
  });
  const intakeDeps = intakeDepsFor('wechat', config.QUEUE_PREFIX);
  const platformTalk = (['wechat_oa', 'wecom'] as const).map((channel) => {
    const deps = intakeDepsFor(channel, `${config.QUEUE_PREFIX}:${channel}`);
    return { message: (m: IncomingMessage) => handleIntakeMessage(deps, m), file: (f: IncomingFile) => handleIntakeFile(deps, f) };
  });
  const platformDeps: PlatformIntakeDeps = {
    inbound: repos.inbound,
    queue: platformQueue,
    claimReply: async (inboundId, how) => {
      const key = `${config.QUEUE_PREFIX}:platform-reply:${inboundId}`;
      if ((await redis.set(key, `${how}:${randomUUID()}`, 'EX', 86_400, 'NX')) === 'OK') return true;
      return how === 'api' && (await redis.get(key))?.startsWith('api:') === true;
    },
    conversation: (channel) => platformTalk[channel === 'wechat_oa' ? 0 : 1]!,
    client: (channel) => platformClients[channel],
    replyWaitMs: config.PLATFORM_REPLY_WAIT_MS,
  };
  const sendViaPlatform = async (channelUserId: string, text: string, channel: ComplaintChannel) => {
    const client = channel === 'wechat_oa' || channel === 'wecom' ? platformClients[channel] : null;
    if (!client) throw new AppError('channel_unavailable', `no platform API is configured for ${channel}`, { status: 503 });
    await client.sendText(channelUserId, text);
  };

  return {
    /** The WeChat intake conversation: one incoming message in, the bot's replies out. */
    handleWechatMessage: (m: IncomingMessage) => handleIntakeMessage(intakeDeps, m),
    handleWechatFile: (f: IncomingFile) => handleIntakeFile(intakeDeps, f),
    acceptComplaint: accept,
    // A signature stays usable while its timestamp is within ±skew: remembered for twice that.
    hotlineReplayGuard: createReplayGuard(redis, config.QUEUE_PREFIX, 2 * config.HOTLINE_MAX_SKEW_SECONDS + 1),
    triageComplaint: (complaintId: string, opts?: { finalAttempt: boolean }) => triageComplaint(triageDeps, complaintId, opts),
    sweepUnprocessed: (opts: { graceMs: number; now?: Date }) =>
      sweepUnprocessed({ complaints: repos.complaints, triageQueue, pending }, opts),
    authenticateToken: (token: string) => authenticateToken({ staff: repos.staff }, token),
    login: (username: string, password: string, client?: string) =>
      login({ staff: repos.staff, tokenTtlHours: config.STAFF_TOKEN_TTL_HOURS, loginThrottle }, username, password, client),
    logout: (token: string) => logout({ staff: repos.staff }, token),
    listLeads: (staff: StaffUser, query: LeadQuery) => listLeadsFor(repos, staff, query),
    getLead: (staff: StaffUser, id: string) => getLeadFor(repos, staff, id),
    assignLead: async (staff: StaffUser, id: string, input: { assigneeId: string; note?: string }) =>
      tellComplainants(await assignLead(caseDeps, staff, id, input)),
    changeLeadStatus: async (staff: StaffUser, id: string, input: StatusChange) =>
      tellComplainants(await changeLeadStatus(caseDeps, staff, id, input)),
    recordRecovery: (staff: StaffUser, id: string, input: RecoveryInput) => recordRecovery(caseDeps, staff, id, input),
    replyToComplainants: (staff: StaffUser, id: string, input: { text: string; complainantIds?: string[] }) =>
      replyToComplainants(outboundDeps, staff, id, input),
    listMessages: async (staff: StaffUser, id: string) => {
      await getLeadFor(repos, staff, id);
      return repos.outbound.listForLead(id);
    },
    revealPhones: (staff: StaffUser, id: string) => revealPhones({ ...repos, withLock }, staff, id),
    // Operators see who to call; the number itself comes from the case's audited reveal.
    listCallbacks: (staff: StaffUser) => listCallbacksFor(repos, staff, maskPhone),
    completeCallback: (staff: StaffUser, messageId: string, note?: string) => completeCallback(outboundDeps, staff, messageId, note),
    /** Used by the bot role, which owns the WeChat session. */
    deliverMessage:
      (send: (channelUserId: string, text: string) => Promise<void>) => (messageId: string, opts: { finalAttempt: boolean }) =>
        deliverMessage({ leads: repos.leads, outbound: repos.outbound, withLock, send }, messageId, opts),
    mergeCases: (staff: StaffUser, targetId: string, sourceId: string) => mergeCases(mergeSplitDeps, staff, targetId, sourceId),
    splitComplaint: (staff: StaffUser, leadId: string, complaintId: string) => splitComplaint(mergeSplitDeps, staff, leadId, complaintId),
    checkDeadline: (c: { leadId: string; step: 'accept' | 'contact' | 'close'; phase: 'remind' | 'escalate' }) =>
      checkDeadline({ leads: repos.leads, withLock }, c),
    /** The next check of the case's chain (none once it is closed). */
    scheduleNextDeadline: async (c: { leadId: string; step: 'accept' | 'contact' | 'close'; phase: 'remind' | 'escalate' }) => {
      const lead = await repos.leads.get(c.leadId);
      if (lead && lead.status !== 'closed') await deadlineQueue.scheduleAfter(lead, c);
    },
    publishWechatLogin: async (s: { state: string; qrcode: string | null }) => {
      await redis.set(`${config.QUEUE_PREFIX}:wechat:login`, JSON.stringify({ ...s, at: new Date().toISOString() }), 'EX', 86_400);
    },
    wechatLogin: async (): Promise<{ state: string; qrcode: string | null; at: string | null }> => {
      const raw = await redis.get(`${config.QUEUE_PREFIX}:wechat:login`);
      return raw ? (JSON.parse(raw) as { state: string; qrcode: string | null; at: string }) : { state: 'unknown', qrcode: null, at: null };
    },
    statistics: (p: Period) => statistics(repos, p),
    annualReport: async (year: number) => {
      const s = await statistics(repos, {
        from: new Date(`${year}-01-01T00:00:00+08:00`),
        to: new Date(`${year + 1}-01-01T00:00:00+08:00`),
      });
      return { year, paragraph: annualReportParagraph(s), statistics: s };
    },
    /** The Official Account / WeCom callbacks: store and queue, then the conversation in the worker. */
    platform: {
      receive: (msg: NewInboundMessage) => receivePlatformMessage(platformDeps, msg),
      passiveReplies: (inbound: InboundMessage, budgetMs: number) => passiveReplies(platformDeps, inbound, budgetMs),
      handle: (inboundId: string) => handlePlatformMessage(platformDeps, inboundId),
      sendReplies: (inboundId: string) => sendPlatformReplies(platformDeps, inboundId),
      sweep: (graceMs: number) => sweepUnhandledInbound(platformDeps, graceMs),
      deliver: (messageId: string, opts: { finalAttempt: boolean }) =>
        deliverMessage({ leads: repos.leads, outbound: repos.outbound, withLock, send: sendViaPlatform }, messageId, opts),
    },
    // What the staff console (src/http/console) needs beyond the JSON API's use cases.
    countByStatus: (staff: StaffUser) => countByStatusFor(repos, staff),
    caseDetail: (staff: StaffUser, id: string) => caseDetailFor(repos, staff, id),
    /** The case page with full numbers, after the viewing is recorded on the timeline. */
    revealCaseDetail: async (staff: StaffUser, id: string) => {
      await revealPhones({ ...repos, withLock }, staff, id);
      return caseDetailFor(repos, staff, id, { unmasked: true });
    },
    evidenceFile: (staff: StaffUser, leadId: string, evidenceId: string) => evidenceFileFor(repos, staff, leadId, evidenceId),
    editLeadFields: (staff: StaffUser, id: string, edit: LeadFieldEdit, note?: string) =>
      editLeadFields({ leads: repos.leads, withLock }, staff, id, edit, note),
    dashboard: (now: Date) => dashboardFigures(repos, { now, weeks: 12, warnWeeks: 4, warnMinComplaints: 3 }),
    outcomeCodes: config.OUTCOME_CODES_JSON ?? DEFAULT_OUTCOME_CODES,
    /** Who a supervisor can give a case to. */
    assignableInspectors: async () => (await repos.staff.list()).filter((s) => s.active && s.role === 'inspector'),
    listStaff: (actor: StaffUser) => listStaff(repos, actor),
    createStaff: (actor: StaffUser, input: { username: string; password: string; role: StaffRole; area: string | null }) =>
      createStaffByAdmin(repos, actor, input),
    setStaffActive: (actor: StaffUser, id: string, active: boolean) => setStaffActive(repos, actor, id, active),
    resetStaffPassword: (actor: StaffUser, id: string, password: string) => resetStaffPassword(repos, actor, id, password),
    /** Jobs per state in each queue, for the admins' queue-health table. */
    queueHealth: () =>
      Promise.all(
        [triageQueue, outboundQueue, deadlineQueue, platformQueue].map(async ({ queue }) => ({
          name: queue.name,
          counts: await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'),
        })),
      ),
    checks,
  };
}

export type Services = ReturnType<typeof wireServices>;
