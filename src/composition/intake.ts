import type { ComplaintChannel } from '../domain/triage-result';
import type { MockSessionDeps } from '../../bots/mock-session';
import type { WechatBotDeps } from '../../bots/wechat-bot';
import type { ComplaintRouteDeps } from '../http/routes/complaint-routes';
import type { HotlineRouteDeps } from '../http/routes/hotline-routes';
import { createContactRateLimit, createEvidenceBudget } from '../redis/contact-rate-limit';
import { createIntakeStateStore } from '../redis/intake-state-store';
import { createReplayGuard } from '../redis/replay-guard';
import { createWechatLoginState } from '../redis/wechat-login-state';
import { acceptComplaint, type AcceptComplaintDeps, type AcceptedComplaint } from '../services/accept-complaint';
import { enterComplaint } from '../services/staff-entry';
import type { NewComplaint } from '../domain/complaint';
import { handleIntakeFile, handleIntakeMessage, handleIntakeVoice, type IntakeDeps } from '../services/intake/intake-conversation';
import { createSpeechTranscriber } from '../infra/speech-client';
import { progressFor } from '../services/intake/progress-reply';
import { triageByRules } from '../triage/rule-triage';
import type { AppContext } from './context';
import { countAccepted } from './metrics';
import { replyToPort } from './payment';
import { contactLine, deliveryPort } from './outbound';
import { chatContact, inboundItem, replyInOrder } from '../services/outbound/contact-order';
import { chatKeyPrefix, privacyNoticePort } from './privacy';

export function acceptComplaintDeps(ctx: AppContext): AcceptComplaintDeps {
  const { config } = ctx;
  return {
    complaints: countAccepted(ctx.repos.complaints, ctx.metrics),
    triageQueue: ctx.triageQueue,
    pending: ctx.pending,
    // A signature stays usable while its timestamp is within ±skew: remembered for twice that.
    replayGuard: createReplayGuard(ctx.redis, ctx.keys.group('intake'), 2 * config.HOTLINE_MAX_SKEW_SECONDS + 1),
  };
}

/** Intake of a complaint from any channel: stored, queued, acknowledged. */
export function acceptPort(ctx: AppContext): { acceptComplaint(input: NewComplaint): Promise<AcceptedComplaint> } {
  const deps = acceptComplaintDeps(ctx);
  return { acceptComplaint: (input) => acceptComplaint(deps, input) };
}

/** Complaints staff enter or forward through the API. */
export function complaintRoutesPort(ctx: AppContext): ComplaintRouteDeps {
  const accept = acceptPort(ctx);
  return { enterComplaint: (staff, entry) => enterComplaint({ accept: (input) => accept.acceptComplaint(input) }, staff, entry) };
}

export function hotlinePort(ctx: AppContext): HotlineRouteDeps {
  const deps = acceptComplaintDeps(ctx);
  return {
    secret: ctx.config.HOTLINE_SECRET,
    maxSkewSeconds: ctx.config.HOTLINE_MAX_SKEW_SECONDS,
    acceptTranscript: (input, signature) => acceptComplaint(deps, input, { signature }),
  };
}

/** The intake conversation of one channel; state and rate limits are kept apart per channel. */
export function conversationDeps(ctx: AppContext, channel: ComplaintChannel): IntakeDeps {
  const { config, repos } = ctx;
  const accept = acceptPort(ctx);
  const keyPrefix = chatKeyPrefix(config, channel);
  return {
    channel,
    state: createIntakeStateStore(ctx.redis, keyPrefix, config.INTAKE_TTL_S),
    withLock: ctx.withLocks,
    triage: triageByRules,
    acceptComplaint: (input) => accept.acceptComplaint(input),
    progressFor: (contactId, caseNumber) => progressFor(repos, contactId, caseNumber, channel),
    storeEvidence: (e) => repos.evidence.add({ channel, ...e }),
    rateLimit: createContactRateLimit(ctx.redis, keyPrefix, config.INTAKE_RATE_LIMIT, config.INTAKE_RATE_WINDOW_S),
    replyTo: replyToPort(ctx, channel),
    evidenceBudget: createEvidenceBudget(ctx.redis, keyPrefix, config.INTAKE_EVIDENCE_MB_PER_DAY * 1024 * 1024),
    faqFor: (text) => ctx.faq.answerFor(text),
    ...(config.speech ? { transcribe: speechPort(ctx, config.speech) } : {}),
    privacyNotice: privacyNoticePort(ctx, channel),
  };
}

/** What the Wechaty bot asks of the product. */
/** Voice messages to text (SPEECH_*); failures are logged here, and the worker is asked to type. */
function speechPort(ctx: AppContext, speech: NonNullable<AppContext['config']['speech']>) {
  const log = ctx.log.child({ module: 'speech' });
  return createSpeechTranscriber(speech, (message) =>
    log.warn({ err: message }, 'voice message not transcribed; the worker is asked to type'),
  );
}

export function wechatBotPort(
  ctx: AppContext,
): Pick<WechatBotDeps, 'handleMessage' | 'handleFile' | 'handleVoice' | 'replyInOrder' | 'onState'> {
  const deps = conversationDeps(ctx, 'wechat');
  const login = createWechatLoginState(ctx.redis, ctx.config.QUEUE_PREFIX);
  const line = contactLine(ctx);
  return {
    handleMessage: (m) => handleIntakeMessage(deps, m),
    handleFile: (f) => handleIntakeFile(deps, f),
    handleVoice: (v) => handleIntakeVoice(deps, v),
    // The replies to a message in the contact's order: before the case-number notice it causes.
    replyInOrder: (contactId, messageId, answer, say) =>
      replyInOrder(line, chatContact('wechat', contactId), inboundItem(messageId), answer, say),
    // Published in Redis so the staff API of any process can show the login QR code to admins.
    onState: (s) => void login.publish(s).catch(() => undefined),
  };
}

/** The bot on the mock puppet (the simulator, the bench's WeChat path and tests): intake and delivery. */
export function mockSessionPort(
  ctx: AppContext,
): Pick<MockSessionDeps, 'handleMessage' | 'handleFile' | 'handleVoice' | 'replyInOrder' | 'deliverMessage'> {
  const { handleMessage, handleFile, handleVoice, replyInOrder } = wechatBotPort(ctx);
  return { handleMessage, handleFile, handleVoice, replyInOrder, deliverMessage: (send) => deliveryPort(ctx, send) };
}
