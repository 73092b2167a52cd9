import type { RedisTarget } from './redis/connection';
import { DEFAULT_OUTCOME_CODES } from './domain/case-workflow';
import {
  DEFAULT_DISPOSITION_LABELS,
  DEFAULT_REFERRALS,
  REFERRAL_TARGETS,
  type DispositionCode,
  type Referral,
  type ReferralTarget,
} from './domain/disposition';
import type { DeadlinePolicy, WorkCalendar } from './domain/working-days';
import type { ReportCampaign } from './domain/report-campaign';
import { defaultPrivacyNotice, type RetentionPolicy } from './domain/privacy';
import { existsSync } from 'node:fs';
import { envSchema, type Env } from './config-env';

export type { Env };

/** The only reader of process.env: every setting is named, typed and validated here once, at start-up. */
const DEV_HOTLINE_SECRET = 'dev-only-hotline-secret-change-me-0000';

export interface Config extends Omit<
  Env,
  'MONGODB_URI' | 'REDIS_URL' | 'AUTO_START_SERVICES' | 'HOTLINE_SECRET' | 'CONSOLE_SECURE_COOKIE'
> {
  /** The console's session cookie is sent over HTTPS only (default: in production). */
  CONSOLE_SECURE_COOKIE: boolean;
  MONGODB_URI: string;
  REDIS_URL: string;
  /** Every Redis connection goes here: REDIS_URL, the master the Sentinels name (REDIS_SENTINELS), or a cluster (REDIS_CLUSTER_NODES). */
  redis: RedisTarget;
  /** Keys used together carry a hash tag (REDIS_HASH_TAGS; always on a cluster), see src/redis/key-space.ts. */
  redisHashTags: boolean;
  HOTLINE_SECRET: string;
  /** True when the address was not configured: local-services may start a server at the default address. */
  mongoIsDefault: boolean;
  redisIsDefault: boolean;
  AUTO_START_SERVICES: boolean;
  /** LLM-assisted triage is on when an API key or a base URL (e.g. a keyless local Ollama or vLLM) is set. */
  llmEnabled: boolean;
  /** Speech recognition of voice messages (SPEECH_*); null, the default, asks workers to type instead. */
  speech: { baseURL: string; apiKey: string | undefined; model: string; timeoutMs: number } | null;
  /** The Official Account and WeCom callbacks; null when the channel's variables are not set (the route is then 404). */
  officialAccount: PlatformChannelConfig | null;
  wecom: PlatformChannelConfig | null;
  /** The WeCom app that sends staff notices (WECOM_CORP_ID, WECOM_SECRET, WECOM_AGENT_ID); null: inbox only. */
  wecomApp: PlatformChannelConfig | null;
  /** The Prometheus endpoint (METRICS_*); null, the default, serves none. */
  metrics: MetricsSettings | null;
  /** Usernames the second escalation goes to (ESCALATION_HEADS). */
  escalationHeads: string[];
  /** The SMS gateway (SMS_*); null when SMS_GATEWAY_URL is not set. */
  sms: SmsSettings | null;
  /** Working days to accept, first contact and close, by priority (DEADLINE_DAYS_*). */
  deadlinePolicy: DeadlinePolicy;
  /** Public holidays and weekend days worked (HOLIDAYS, EXTRA_WORKDAYS). */
  workCalendar: WorkCalendar;
  /** Outcome codes a case may close with (OUTCOME_CODES_JSON, or the built-in list). */
  outcomeCodes: Record<string, string>;
  /** Chinese labels of the dispositions (DISPOSITIONS_JSON over the built-in ones). */
  dispositionLabels: Record<DispositionCode, string>;
  /** Where matters are referred and the advice given (REFERRALS_JSON over the built-in advice). */
  referrals: Record<ReferralTarget, Referral>;
  /** The annual report's campaign window (CAMPAIGN_*; without days, the weeks around the Spring Festival). */
  campaign: ReportCampaign;
  /** How long personal data is kept (NON_LEAD_, EVIDENCE_, CLOSED_CASE_RETENTION_DAYS). */
  retention: RetentionPolicy;
  /** Told to each chat contact before the first reply (PRIVACY_NOTICE, or one written from the retention). */
  privacyNotice: string;
}

export interface PlatformChannelConfig {
  token: string;
  /** Safe (and compatible) mode; null means plain mode (Official Account only). */
  aesKey: string | null;
  receiverId: string | null;
  /** For the customer-service message API; without it replies are passive only. */
  secret: string | null;
  agentId: number | null;
  apiBaseUrl: string;
}

export interface MetricsSettings {
  host: string;
  port: number;
  /** Required unless the host is a loopback address. */
  token: string | null;
}

export interface SmsSettings {
  url: string;
  apiKey: string | null;
  signName: string | null;
  /** The provider's template of each kind of message, when it needs one. */
  templates: Partial<Record<'case_notice' | 'staff_reply', string>>;
  timeoutMs: number;
  attempts: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid configuration: ${variable}: ${expected}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_MONGODB_URI = 'mongodb://127.0.0.1:27017/wage_arrears';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Validates `env` (default: process.env); throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid value');
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.HOTLINE_SECRET) {
    throw new ConfigError('HOTLINE_SECRET', 'required in production (at least 32 characters)');
  }
  if (e.WECHAT_OA_TOKEN && e.WECHAT_OA_AES_KEY && !e.WECHAT_OA_APPID) {
    throw new ConfigError('WECHAT_OA_APPID', 'required with WECHAT_OA_AES_KEY: the AppID is checked in every encrypted message');
  }
  // The callback needs all three; WECOM_CORP_ID alone, with the Secret and AgentId, sends staff notices only.
  const wecomSet = [e.WECOM_TOKEN, e.WECOM_AES_KEY, e.WECOM_CORP_ID].filter(Boolean).length;
  if (wecomSet > 0 && wecomSet < 3 && !(wecomSet === 1 && e.WECOM_CORP_ID && e.WECOM_SECRET))
    throw new ConfigError('WECOM_TOKEN', 'WECOM_TOKEN, WECOM_AES_KEY and WECOM_CORP_ID go together');
  if (!e.CAMPAIGN_FROM !== !e.CAMPAIGN_TO) throw new ConfigError('CAMPAIGN_FROM', 'CAMPAIGN_FROM and CAMPAIGN_TO go together');
  if (e.CAMPAIGN_FROM && e.CAMPAIGN_TO && e.CAMPAIGN_FROM > e.CAMPAIGN_TO) {
    throw new ConfigError('CAMPAIGN_TO', 'on or after CAMPAIGN_FROM: the campaign lies within the report year');
  }
  if (e.WECOM_SECRET && !e.WECOM_AGENT_ID) throw new ConfigError('WECOM_AGENT_ID', 'required with WECOM_SECRET (the app that sends)');
  if (e.REDIS_CLUSTER_NODES) {
    if (e.REDIS_SENTINELS) throw new ConfigError('REDIS_CLUSTER_NODES', 'either REDIS_CLUSTER_NODES or REDIS_SENTINELS, not both');
    if (e.REDIS_HASH_TAGS === false) {
      throw new ConfigError('REDIS_HASH_TAGS', 'a Redis Cluster needs hash tags: keys used together must lie in one slot');
    }
    if (e.REDIS_URL && !['', '/', '/0'].includes(new URL(e.REDIS_URL).pathname)) {
      throw new ConfigError('REDIS_URL', 'a Redis Cluster has database 0 only: give no other db with REDIS_CLUSTER_NODES');
    }
  }
  const metrics = metricsOf(e);
  return {
    ...e,
    officialAccount: e.WECHAT_OA_TOKEN
      ? {
          token: e.WECHAT_OA_TOKEN,
          aesKey: e.WECHAT_OA_AES_KEY ?? null,
          receiverId: e.WECHAT_OA_APPID ?? null,
          secret: e.WECHAT_OA_APPSECRET && e.WECHAT_OA_APPID ? e.WECHAT_OA_APPSECRET : null,
          agentId: null,
          apiBaseUrl: e.WECHAT_API_BASE_URL,
        }
      : null,
    wecom:
      e.WECOM_TOKEN && e.WECOM_AES_KEY && e.WECOM_CORP_ID
        ? {
            token: e.WECOM_TOKEN,
            aesKey: e.WECOM_AES_KEY,
            receiverId: e.WECOM_CORP_ID,
            secret: e.WECOM_SECRET ?? null,
            agentId: e.WECOM_AGENT_ID ?? null,
            apiBaseUrl: e.WECOM_API_BASE_URL,
          }
        : null,
    wecomApp:
      e.WECOM_CORP_ID && e.WECOM_SECRET && e.WECOM_AGENT_ID
        ? {
            token: e.WECOM_TOKEN ?? '',
            aesKey: e.WECOM_AES_KEY ?? null,
            receiverId: e.WECOM_CORP_ID,
            secret: e.WECOM_SECRET,
            agentId: e.WECOM_AGENT_ID,
            apiBaseUrl: e.WECOM_API_BASE_URL,
          }
        : null,
    metrics,
    escalationHeads: e.ESCALATION_HEADS.split(',')
      .map((u) => u.trim())
      .filter(Boolean),
    sms: e.SMS_GATEWAY_URL
      ? {
          url: e.SMS_GATEWAY_URL,
          apiKey: e.SMS_API_KEY ?? null,
          signName: e.SMS_SIGN_NAME ?? null,
          templates: {
            ...(e.SMS_TEMPLATE_CASE_NOTICE ? { case_notice: e.SMS_TEMPLATE_CASE_NOTICE } : {}),
            ...(e.SMS_TEMPLATE_STAFF_REPLY ? { staff_reply: e.SMS_TEMPLATE_STAFF_REPLY } : {}),
          },
          timeoutMs: e.SMS_TIMEOUT_MS,
          attempts: e.SMS_ATTEMPTS,
        }
      : null,
    MONGODB_URI: e.MONGODB_URI ?? DEFAULT_MONGODB_URI,
    REDIS_URL: e.REDIS_URL ?? DEFAULT_REDIS_URL,
    redis: {
      url: e.REDIS_URL ?? DEFAULT_REDIS_URL,
      ...(e.REDIS_SENTINELS
        ? {
            sentinels: hostPorts(e.REDIS_SENTINELS),
            sentinelName: e.REDIS_SENTINEL_NAME,
            ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
          }
        : {}),
      ...(e.REDIS_CLUSTER_NODES ? { cluster: hostPorts(e.REDIS_CLUSTER_NODES) } : {}),
    },
    redisHashTags: e.REDIS_HASH_TAGS ?? Boolean(e.REDIS_CLUSTER_NODES),
    HOTLINE_SECRET: e.HOTLINE_SECRET ?? DEV_HOTLINE_SECRET,
    mongoIsDefault: !e.MONGODB_URI,
    // Behind Sentinels or in a cluster, Redis is never this machine's to start.
    redisIsDefault: !e.REDIS_URL && !e.REDIS_SENTINELS && !e.REDIS_CLUSTER_NODES,
    AUTO_START_SERVICES: e.AUTO_START_SERVICES ?? e.NODE_ENV !== 'production',
    CONSOLE_SECURE_COOKIE: e.CONSOLE_SECURE_COOKIE ?? e.NODE_ENV === 'production',
    llmEnabled: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
    speech: e.SPEECH_BASE_URL
      ? { baseURL: e.SPEECH_BASE_URL, apiKey: e.SPEECH_API_KEY, model: e.SPEECH_MODEL, timeoutMs: e.SPEECH_TIMEOUT_MS }
      : null,
    deadlinePolicy: { normal: workingDays(e.DEADLINE_DAYS_NORMAL), urgent: workingDays(e.DEADLINE_DAYS_URGENT) },
    workCalendar: { holidays: dateSet(e.HOLIDAYS), extraWorkdays: dateSet(e.EXTRA_WORKDAYS) },
    outcomeCodes: e.OUTCOME_CODES_JSON ?? DEFAULT_OUTCOME_CODES,
    dispositionLabels: { ...DEFAULT_DISPOSITION_LABELS, ...e.DISPOSITIONS_JSON },
    campaign: { name: e.CAMPAIGN_NAME, from: e.CAMPAIGN_FROM ?? null, to: e.CAMPAIGN_TO ?? null },
    retention: retentionOf(e),
    privacyNotice: e.PRIVACY_NOTICE ?? defaultPrivacyNotice(retentionOf(e)),
    referrals: Object.fromEntries(
      REFERRAL_TARGETS.map((t) => [t, { ...DEFAULT_REFERRALS[t], ...(e.REFERRALS_JSON?.[t] ? { advice: e.REFERRALS_JSON[t] } : {}) }]),
    ) as Record<ReferralTarget, Referral>,
  };
}

/** Off unless METRICS_PORT is set; never on a non-loopback address without a token, nor on the API's port. */
function metricsOf(e: Env): MetricsSettings | null {
  if (e.METRICS_PORT === undefined) {
    // A token alone would look like metrics turned on; a host alone is the default written out (.env.example).
    if (e.METRICS_TOKEN) throw new ConfigError('METRICS_PORT', 'required with METRICS_TOKEN');
    return null;
  }
  if (e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) throw new ConfigError('METRICS_PORT', "a port of its own, not the API's PORT");
  const host = e.METRICS_HOST ?? '127.0.0.1';
  if (!isLoopback(host) && !e.METRICS_TOKEN) {
    throw new ConfigError('METRICS_TOKEN', `required when METRICS_HOST (${host}) is not a loopback address`);
  }
  return { host, port: e.METRICS_PORT, token: e.METRICS_TOKEN ?? null };
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

const retentionOf = (e: Env): RetentionPolicy => ({
  nonLeadDays: e.NON_LEAD_RETENTION_DAYS,
  evidenceDays: e.EVIDENCE_RETENTION_DAYS,
  closedCaseDays: e.CLOSED_CASE_RETENTION_DAYS,
});
const hostPorts = (list: string) =>
  list.split(',').map((hp) => {
    const [host, port] = hp.trim().split(':');
    return { host: host!, port: Number(port) };
  });
const workingDays = (s: string) => s.split(',').map(Number) as [number, number, number];
const dateSet = (s: string) => new Set(s.split(',').filter(Boolean));

/** Reads ./.env into process.env when present (variables already set win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
