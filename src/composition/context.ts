import OpenAI from 'openai';
import type { Config } from '../config';
import { openStore, type Db } from '../db/store';
import type { Repositories } from '../db/repositories';
import type { ServerKind } from '../db/index-plan';
import { rulesOnly, type TriageEngine } from '../domain/triage-result';
import type { Logger } from '../infra/logger';
import { createMetrics, type Metrics } from '../infra/metrics';
import { createPlatformClient, type PlatformClient } from '../infra/platform-client';
import { createRedisCache } from '../redis/redis-cache';
import { createProducerConnection, firstConnectAttempt, pingRedis, type RedisClient } from '../redis/connection';
import { redisKeySpace, type RedisKeySpace } from '../redis/key-space';
import { createLocker, type WithLock } from '../redis/lock';
import { createPendingComplaints, type PendingComplaints } from '../redis/pending-complaints';
import { createCaseIndex, type CaseIndex } from '../redis/case-index';
import { createCaseSequence } from '../redis/case-sequence';
import { createOutboundProducer, type OutboundProducer } from '../../queues/outbound-producer';
import { createDeadlineProducer, type DeadlineProducer } from '../../queues/deadline-queue';
import { createTriageProducer, type TriageProducer } from '../../queues/triage-producer';
import { createPlatformProducer, type PlatformProducer } from '../../queues/platform-queue';
import { createSmsProducer, type SmsProducer } from '../../queues/sms-queue';
import { createSmsGateway, type SmsGateway } from '../infra/sms-gateway';
import { createLlmTriage } from '../triage/llm/llm-triage';
import { triageByRules } from '../triage/rule-triage';
import type { PlatformChannel } from '../domain/inbound';
import { createFaqVersion } from '../redis/faq-version';
import { createFaqCatalog, type FaqCatalog } from '../services/faq/faq-catalog';
import { faqSeed, seedFaq } from '../services/faq/faq-seed';
import { secondEscalationAt } from '../domain/escalation';
import { countEngine } from './metrics';

/** The rule engine, as an async engine so an LLM-backed one can take its place. */
export const ruleEngine: TriageEngine = async (input) => rulesOnly(triageByRules(input));

/** The LLM-assisted engine when OPENAI_* is configured, else the rules. */
function triageEngineFor(config: Config, log: Logger, redis: RedisClient): TriageEngine {
  if (!config.llmEnabled) return ruleEngine;
  const client = new OpenAI({ apiKey: config.OPENAI_API_KEY ?? 'not-needed', baseURL: config.OPENAI_BASE_URL });
  const llmLog = log.child({ module: 'llm-triage' });
  return createLlmTriage({
    client,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
    cache: createRedisCache(redis, `${config.QUEUE_PREFIX}:triage-llm`, config.TRIAGE_LLM_CACHE_TTL_S),
    onError: (message) => llmLog.warn({ err: message }, 'LLM triage failed; the rule result is used'),
  });
}

/** Everything the features share: connections, queues, and the Redis-backed state that must be one per process. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  /** What the store's server is (FerretDB takes a per-case lock; MongoDB does not need one). */
  storeKind: ServerKind;
  repos: Repositories;
  /** BullMQ's producers' connection. */
  producerConnection: RedisClient;
  /** The app's own keys (locks, case index, counters, intake state), on a connection that pipelines automatically. */
  redis: RedisClient;
  /** How keys are named: BullMQ's prefix, and the hash tags of keys used together (on a Redis Cluster). */
  keys: RedisKeySpace;
  triageQueue: TriageProducer;
  outboundQueue: OutboundProducer;
  deadlineQueue: DeadlineProducer;
  platformQueue: PlatformProducer;
  smsQueue: SmsProducer;
  /** Named Redis locks: several names are taken together or not at all. */
  withLocks: WithLock;
  pending: PendingComplaints;
  caseIndex: CaseIndex;
  nextCaseSequence: (counterId: string) => Promise<number>;
  platformClients: Record<PlatformChannel, PlatformClient | null>;
  /** The SMS gateway; null when SMS is not configured (call-back tasks instead). */
  sms: SmsGateway | null;
  triage: TriageEngine;
  /** The consultation FAQ, one copy per process (every chat channel, triage and the desk read it). */
  faq: FaqCatalog;
  checks: Record<string, () => Promise<boolean>>;
  /** What the process counts for Prometheus (docs/operations.md#metrics); served when METRICS_PORT is set. */
  metrics: Metrics;
  close(): Promise<void>;
}

export async function createAppContext(config: Config, log: Logger, opts: { triage?: TriageEngine } = {}): Promise<AppContext> {
  const producerConnection = createProducerConnection(config.redis);
  const metrics = createMetrics({ role: config.ROLE, processMetrics: config.metrics !== null });
  producerConnection.on('error', () => metrics.redisError('producer')); // reported by /readyz; ioredis reconnects by itself
  // Dozens of triage jobs and conversations run at once: the commands of one turn of the event loop
  // go out in one write. BullMQ keeps its connection as it is.
  const redis = createProducerConnection(config.redis, { enableAutoPipelining: true });
  redis.on('error', () => metrics.redisError('app'));
  const keys = redisKeySpace(config.QUEUE_PREFIX, config.redisHashTags);
  const withLocks = createLocker(redis, keys.group('locks'));
  const store = await openStore(config.MONGODB_URI, config.MONGODB_SERVER_SELECTION_TIMEOUT_MS, {
    caseLock: (leadId, fn) => withLocks(`lead:${leadId}`, fn),
    onStoreError: (repository, kind) => metrics.storeError(repository, kind),
  }).catch((err: unknown) => {
    producerConnection.disconnect();
    redis.disconnect();
    throw err;
  });
  const reachable = await Promise.all([firstConnectAttempt(producerConnection), firstConnectAttempt(redis)]);
  if (!reachable.every(Boolean)) log.warn('Redis is not reachable yet: intake answers 503 until it is');
  const { repos } = store;
  // The shipped answers go into an empty FAQ; without them for now, the built-in ones answer.
  await seedFaq(repos.faq).catch((err: Error) => log.warn({ err: err.message }, 'FAQ not seeded'));
  const faqLog = log.child({ module: 'faq' });
  const platformClient = (channel: PlatformChannel) => {
    const account = channel === 'wechat_oa' ? config.officialAccount : config.wecom;
    return account ? createPlatformClient(channel, account, redis, config.QUEUE_PREFIX, withLocks) : null;
  };
  const ctx: AppContext = {
    config,
    log,
    db: store.db,
    storeKind: store.kind,
    repos,
    producerConnection,
    redis,
    keys,
    triageQueue: createTriageProducer(producerConnection, { prefix: keys.queues, attempts: config.TRIAGE_ATTEMPTS }),
    outboundQueue: createOutboundProducer(producerConnection, keys.queues),
    deadlineQueue: createDeadlineProducer(producerConnection, keys.queues, config.DEADLINE_REMIND_HOURS, (due) =>
      secondEscalationAt(due, config.ESCALATION_SECOND_LEVEL_DAYS, config.workCalendar),
    ),
    platformQueue: createPlatformProducer(producerConnection, keys.queues),
    smsQueue: createSmsProducer(producerConnection, keys.queues, config.sms?.attempts ?? 1),
    withLocks,
    // The hotline's replay claims are taken in the script that notes a complaint pending (see createReplayGuard).
    pending: createPendingComplaints(redis, keys.group('intake')),
    caseIndex: createCaseIndex(redis, keys.group('dedup'), config.DEDUP_WINDOW_DAYS, (since) => repos.leads.findOpenSince(since)),
    nextCaseSequence: createCaseSequence(redis, config.QUEUE_PREFIX, (counterId) =>
      repos.leads.lastSequence(counterId, counterId.replace(/^case:/, '')),
    ),
    platformClients: { wechat_oa: platformClient('wechat_oa'), wecom: platformClient('wecom') },
    sms: createSmsGateway(config.sms, log.child({ module: 'sms' })),
    triage: countEngine(opts.triage ?? triageEngineFor(config, log, producerConnection), metrics),
    faq: createFaqCatalog({
      list: () => repos.faq.list(),
      version: createFaqVersion(redis, config.QUEUE_PREFIX),
      fallback: faqSeed(new Date(0)),
      checkEveryMs: 2000,
      maxAgeMs: 300_000,
      onError: (message) => faqLog.warn({ err: message }, 'FAQ not read; the last copy answers'),
    }),
    metrics,
    checks: { mongodb: () => store.ping(), redis: async () => (await pingRedis(producerConnection)) && (await pingRedis(redis)) },
    async close() {
      for (const q of [ctx.triageQueue, ctx.outboundQueue, ctx.deadlineQueue, ctx.platformQueue, ctx.smsQueue])
        await q.close().catch(() => undefined);
      producerConnection.disconnect();
      redis.disconnect();
      await store.close();
    },
  };
  return ctx;
}
