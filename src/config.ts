import type { RedisTarget } from './redis/connection';
import { DEFAULT_OUTCOME_CODES } from './domain/case-workflow';
import type { DeadlinePolicy, WorkCalendar } from './domain/working-days';
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** The only reader of process.env: every setting is named, typed and validated here once, at start-up. */
const DEV_HOTLINE_SECRET = 'dev-only-hotline-secret-change-me-0000';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ROLE: z.enum(['all', 'api', 'worker', 'bot']).default('all'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z
    .string()
    .regex(
      /^mongodb(\+srv)?:\/\/[^/]+\/[A-Za-z0-9_-]+/,
      'a mongodb:// URI that names a database, e.g. mongodb://127.0.0.1:27017/wage_arrears',
    )
    .optional(),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: int(100, 60000).default(3000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379')
    .optional(),
  REDIS_SENTINELS: z
    .string()
    .regex(
      /^\s*[^\s,:]+:\d{1,5}(\s*,\s*[^\s,:]+:\d{1,5})*\s*$/,
      'host:port of each Sentinel, comma-separated, e.g. 10.0.0.11:26379,10.0.0.12:26379',
    )
    .optional(),
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'the master name the Sentinels monitor, e.g. mymaster')
    .default('mymaster'),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -, at most 40')
    .default('wa'),
  AUTO_START_SERVICES: bool.optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  FERRETDB_BIN: z.string().min(1).optional(),
  HOTLINE_SECRET: z.string().min(32, 'at least 32 characters (a random shared secret)').optional(),
  HOTLINE_MAX_SKEW_SECONDS: int(1, 3600).default(300),
  STAFF_TOKEN_TTL_HOURS: int(1, 90 * 24).default(12),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_WINDOW_S: int(1, 86_400).default(900),
  TRIAGE_CONCURRENCY: int(1, 256).default(64),
  /** Triage jobs starting within this many ms start together, so that their database commands are batched (0: off). */
  TRIAGE_GATHER_MS: int(0, 1000).default(50),
  /** CPU niceness of a process that runs only the worker role (ROLE=worker), so that intake answers first. */
  WORKER_NICE: int(0, 19).default(10),
  TRIAGE_ATTEMPTS: int(1, 50).default(8),
  SWEEP_INTERVAL_MS: int(1000, 3_600_000).default(30_000),
  SWEEP_GRACE_MS: int(0, 86_400_000).default(60_000),
  INTAKE_RATE_LIMIT: int(1, 10_000).default(20),
  INTAKE_RATE_WINDOW_S: int(1, 86_400).default(60),
  INTAKE_TTL_S: int(60, 30 * 86_400).default(86_400),
  DEDUP_WINDOW_DAYS: int(0, 3650).default(90),
  DEADLINE_DAYS_NORMAL: z
    .string()
    .regex(/^\d{1,3},\d{1,3},\d{1,3}$/, 'three working-day counts: accept,contact,close, e.g. 1,3,15')
    .default('1,3,15'),
  DEADLINE_DAYS_URGENT: z
    .string()
    .regex(/^\d{1,3},\d{1,3},\d{1,3}$/, 'three working-day counts: accept,contact,close, e.g. 1,2,10')
    .default('1,2,10'),
  HOLIDAYS: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?(,\d{4}-\d{2}-\d{2})*$/, 'comma-separated YYYY-MM-DD dates')
    .default(''),
  EXTRA_WORKDAYS: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?(,\d{4}-\d{2}-\d{2})*$/, 'comma-separated YYYY-MM-DD dates')
    .default(''),
  DEADLINE_REMIND_HOURS: int(0, 240).default(4),
  DEPARTMENTS_JSON: z
    .string()
    .transform((s, ctx) => {
      try {
        const v = JSON.parse(s) as unknown;
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string'))
          return v as Record<string, string>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'a JSON object of sector → department, e.g. {"construction":"县住房和城乡建设局"}' });
      return z.NEVER;
    })
    .optional(),
  OUTCOME_CODES_JSON: z
    .string()
    .transform((s, ctx) => {
      try {
        const v = JSON.parse(s) as unknown;
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => /^[a-z_]{1,40}$/.test(k)))
          return v as Record<string, string>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'a JSON object of outcome code → label, e.g. {"paid_in_full":"欠薪属实，已足额支付"}' });
      return z.NEVER;
    })
    .optional(),
  CASE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z]{1,6}$/, '1 to 6 capital letters')
    .default('WA'),
  TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url({ message: 'an http(s) URL of an OpenAI-compatible API, e.g. https://api.deepseek.com/v1' }).optional(),
  OPENAI_MODEL: z.string().min(1).default('deepseek-chat'),
  OPENAI_TIMEOUT_MS: int(1000, 120_000).default(20_000),
  OPENAI_MAX_RETRIES: int(0, 5).default(2),
  TRIAGE_LLM_CACHE_TTL_S: int(0, 90 * 86_400).default(7 * 86_400),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-mock'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  CONSOLE_SECURE_COOKIE: bool.optional(),
  WECHATY_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('wage-arrears-bot'),
  WECHAT_OA_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'the Token set in the Official Account console: 3-32 letters or digits')
    .optional(),
  WECHAT_OA_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'the EncodingAESKey: 43 letters or digits')
    .optional(),
  WECHAT_OA_APPID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,64}$/, 'the AppID, e.g. wx0123456789abcdef')
    .optional(),
  WECHAT_OA_APPSECRET: z.string().min(8).optional(),
  WECHAT_API_BASE_URL: z.url().default('https://api.weixin.qq.com'),
  WECOM_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]{3,32}$/, 'the Token set for the WeCom app: 3-32 letters or digits')
    .optional(),
  WECOM_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'the EncodingAESKey: 43 letters or digits')
    .optional(),
  WECOM_CORP_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{4,64}$/, 'the CorpID, e.g. ww0123456789abcdef')
    .optional(),
  WECOM_SECRET: z.string().min(8).optional(),
  WECOM_AGENT_ID: int(1, 2 ** 31).optional(),
  WECOM_API_BASE_URL: z.url().default('https://qyapi.weixin.qq.com'),
  PLATFORM_REPLY_WAIT_MS: int(0, 4500).default(3500),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Omit<
  Env,
  'MONGODB_URI' | 'REDIS_URL' | 'AUTO_START_SERVICES' | 'HOTLINE_SECRET' | 'CONSOLE_SECURE_COOKIE'
> {
  /** The console's session cookie is sent over HTTPS only (default: in production). */
  CONSOLE_SECURE_COOKIE: boolean;
  MONGODB_URI: string;
  REDIS_URL: string;
  /** Every Redis connection goes here: REDIS_URL, or the master the Sentinels name (REDIS_SENTINELS). */
  redis: RedisTarget;
  HOTLINE_SECRET: string;
  /** True when the address was not configured: local-services may start a server at the default address. */
  mongoIsDefault: boolean;
  redisIsDefault: boolean;
  AUTO_START_SERVICES: boolean;
  /** LLM-assisted triage is on when an API key or a base URL (e.g. a keyless local Ollama or vLLM) is set. */
  llmEnabled: boolean;
  /** The Official Account and WeCom callbacks; null when the channel's variables are not set (the route is then 404). */
  officialAccount: PlatformChannelConfig | null;
  wecom: PlatformChannelConfig | null;
  /** Working days to accept, first contact and close, by priority (DEADLINE_DAYS_*). */
  deadlinePolicy: DeadlinePolicy;
  /** Public holidays and weekend days worked (HOLIDAYS, EXTRA_WORKDAYS). */
  workCalendar: WorkCalendar;
  /** Outcome codes a case may close with (OUTCOME_CODES_JSON, or the built-in list). */
  outcomeCodes: Record<string, string>;
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
  const parsed = schema.safeParse(cleaned);
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
  const wecomSet = [e.WECOM_TOKEN, e.WECOM_AES_KEY, e.WECOM_CORP_ID].filter(Boolean).length;
  if (wecomSet > 0 && wecomSet < 3) throw new ConfigError('WECOM_TOKEN', 'WECOM_TOKEN, WECOM_AES_KEY and WECOM_CORP_ID go together');
  if (e.WECOM_SECRET && !e.WECOM_AGENT_ID) throw new ConfigError('WECOM_AGENT_ID', 'required with WECOM_SECRET (the app that sends)');
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
    MONGODB_URI: e.MONGODB_URI ?? DEFAULT_MONGODB_URI,
    REDIS_URL: e.REDIS_URL ?? DEFAULT_REDIS_URL,
    redis: {
      url: e.REDIS_URL ?? DEFAULT_REDIS_URL,
      ...(e.REDIS_SENTINELS
        ? {
            sentinels: e.REDIS_SENTINELS.split(',').map((hp) => {
              const [host, port] = hp.trim().split(':');
              return { host: host!, port: Number(port) };
            }),
            sentinelName: e.REDIS_SENTINEL_NAME,
            ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
          }
        : {}),
    },
    HOTLINE_SECRET: e.HOTLINE_SECRET ?? DEV_HOTLINE_SECRET,
    mongoIsDefault: !e.MONGODB_URI,
    // Behind Sentinels Redis is never this machine's to start.
    redisIsDefault: !e.REDIS_URL && !e.REDIS_SENTINELS,
    AUTO_START_SERVICES: e.AUTO_START_SERVICES ?? e.NODE_ENV !== 'production',
    CONSOLE_SECURE_COOKIE: e.CONSOLE_SECURE_COOKIE ?? e.NODE_ENV === 'production',
    llmEnabled: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
    deadlinePolicy: { normal: workingDays(e.DEADLINE_DAYS_NORMAL), urgent: workingDays(e.DEADLINE_DAYS_URGENT) },
    workCalendar: { holidays: dateSet(e.HOLIDAYS), extraWorkdays: dateSet(e.EXTRA_WORKDAYS) },
    outcomeCodes: e.OUTCOME_CODES_JSON ?? DEFAULT_OUTCOME_CODES,
  };
}

const workingDays = (s: string) => s.split(',').map(Number) as [number, number, number];
const dateSet = (s: string) => new Set(s.split(',').filter(Boolean));

/** Reads ./.env into process.env when present (variables already set win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
