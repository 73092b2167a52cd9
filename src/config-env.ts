import { z } from 'zod';
import { DISPOSITION_CODES, REFERRAL_TARGETS } from './domain/disposition';

/** A JSON object of string values whose keys pass `validKey`. */
function jsonRecord(expected: string, validKey: (k: string) => boolean) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        const v = JSON.parse(s) as unknown;
        if (
          typeof v === 'object' &&
          v !== null &&
          !Array.isArray(v) &&
          Object.entries(v).every(([k, x]) => validKey(k) && typeof x === 'string')
        )
          return v as Record<string, string>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    })
    .optional();
}

/** Every environment variable the product reads: named, typed and checked once (see loadConfig). */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A day every year has, as MM-DD (not 02-29, which three years in four lack). */
const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year as MM-DD, e.g. 01-15')
  .refine((d) => new Date(Date.UTC(2001, Number(d.slice(0, 2)) - 1, Number(d.slice(3)))).getUTCDate() === Number(d.slice(3)), {
    message: 'a day every year has, e.g. 02-28',
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  ROLE: z.enum(['all', 'api', 'worker', 'bot']).default('all'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Which proxies in front of the API to believe about the client's address (express's `trust proxy`):
   * false (none), a number of hops, or addresses/subnets such as loopback, 10.0.0.0/8.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[\w.:/, -]+)$/, 'false, a number of hops, or proxy addresses / subnets (loopback, 10.0.0.0/8)')
    .default('false')
    .transform((v): boolean | number | string => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The Prometheus endpoint of this process, on a port of its own (docs/operations.md#metrics); unset: no endpoint. */
  METRICS_PORT: int(0, 65535).optional(),
  /** Where it listens; loopback unless METRICS_TOKEN is set (see loadConfig). */
  METRICS_HOST: z.string().min(1).optional(),
  /** Scrapes must send `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{32,256}$/, 'at least 32 printable characters without spaces, e.g. from `openssl rand -hex 32`')
    .optional(),
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
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(
      /^\s*[^\s,:]+:\d{1,5}(\s*,\s*[^\s,:]+:\d{1,5})*\s*$/,
      'host:port of one or more nodes of the Redis Cluster, comma-separated, e.g. 10.0.0.21:6379,10.0.0.22:6379',
    )
    .optional(),
  /** Keys used together carry one hash tag (`{wa}`…), as a Redis Cluster needs; on by default with REDIS_CLUSTER_NODES only. */
  REDIS_HASH_TAGS: bool.optional(),
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
  /** Days a chat contact's reply is taken as an answer about the case we last wrote to them about. */
  REPLY_CONTEXT_DAYS: int(1, 90).default(7),
  /** Megabytes of photos and documents one chat contact may send a day. */
  INTAKE_EVIDENCE_MB_PER_DAY: int(1, 1000).default(50),
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
  /** Working days after a missed deadline, the step still undone, that the case goes to the heads (0: never). */
  ESCALATION_SECOND_LEVEL_DAYS: int(0, 60).default(2),
  /** Usernames of the bureau's heads (局领导) for the second escalation; empty: the county-wide supervisors. */
  ESCALATION_HEADS: z
    .string()
    .regex(/^\s*([A-Za-z0-9_.-]{3,40}(\s*,\s*[A-Za-z0-9_.-]{3,40})*)?\s*$/, 'comma-separated staff usernames, e.g. wang.jz,li.fjz')
    .default(''),
  /** Working days to review a complaint that did not become a case (待甄别). */
  REVIEW_DAYS: int(1, 30).default(2),
  /** Days a complaint that never became a case is kept after it was received (never while in review); then it is anonymised. */
  NON_LEAD_RETENTION_DAYS: int(1, 3650).default(180),
  /** Days a case's photos and documents are kept after the case closed; then the files are deleted. */
  EVIDENCE_RETENTION_DAYS: int(1, 36_500).default(365),
  /** Days after a case closed that its complainants' personal data is anonymised; the case's figures stay. */
  CLOSED_CASE_RETENTION_DAYS: int(1, 36_500).default(1095),
  /** The notice a chat contact gets before the first reply (collection, purpose, who sees it, retention, erasure); default in src/domain/privacy.ts. */
  PRIVACY_NOTICE: z.string().trim().min(10).max(500).optional(),
  /** The annual report's campaign ("其中，春节期间帮助…"): recoveries dated from CAMPAIGN_FROM to CAMPAIGN_TO of the report's year. */
  CAMPAIGN_NAME: z.string().trim().min(1).max(20).default('春节期间'),
  CAMPAIGN_FROM: monthDay.optional(),
  CAMPAIGN_TO: monthDay.optional(),
  DISPOSITIONS_JSON: jsonRecord('a JSON object of disposition code → label, e.g. {"needs_details":"信息不足，待甄别"}', (k) =>
    (DISPOSITION_CODES as readonly string[]).includes(k),
  ),
  REFERRALS_JSON: jsonRecord('a JSON object of referral target → advice, e.g. {"social_insurance":"请到县社保中心办理"}', (k) =>
    (REFERRAL_TARGETS as readonly string[]).includes(k),
  ),
  DEPARTMENTS_JSON: jsonRecord('a JSON object of sector → department, e.g. {"construction":"县住房和城乡建设局"}', () => true),
  OUTCOME_CODES_JSON: jsonRecord('a JSON object of outcome code → label, e.g. {"paid_in_full":"欠薪属实，已足额支付"}', (k) =>
    /^[a-z_]{1,40}$/.test(k),
  ),
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
  /** Voice messages to the Wechaty bot are transcribed when set: an OpenAI-compatible API with /audio/transcriptions. */
  SPEECH_BASE_URL: z
    .url({ message: 'an http(s) URL of an OpenAI-compatible API with /audio/transcriptions, e.g. http://127.0.0.1:8000/v1' })
    .optional(),
  SPEECH_API_KEY: z.string().min(1).optional(),
  SPEECH_MODEL: z.string().min(1).default('whisper-1'),
  SPEECH_TIMEOUT_MS: int(1000, 120_000).default(15_000),
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
  /** The SMS gateway (docs/workflow.md#text-messages-sms): a JSON POST per message; unset, nobody gets texts (call-back tasks instead). */
  SMS_GATEWAY_URL: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL the SMS adapter listens on, e.g. https://sms-adapter.example.gov.cn/send' })
    .optional(),
  /** Sent as `Authorization: Bearer …` to the gateway. */
  SMS_API_KEY: z.string().min(8).optional(),
  /** The signature (短信签名) registered with the provider, passed on as `signName`. */
  SMS_SIGN_NAME: z.string().trim().min(2).max(20).optional(),
  /** The provider's template codes for case notices and staff replies, passed on as `template`. */
  SMS_TEMPLATE_CASE_NOTICE: z.string().trim().min(1).max(64).optional(),
  SMS_TEMPLATE_STAFF_REPLY: z.string().trim().min(1).max(64).optional(),
  SMS_TIMEOUT_MS: int(200, 60_000).default(10_000),
  /** Attempts per text message (exponential backoff from 2 s) before it becomes a call-back task. */
  SMS_ATTEMPTS: int(1, 20).default(6),
});

export type Env = z.infer<typeof envSchema>;
