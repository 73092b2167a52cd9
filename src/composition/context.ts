import type { Redis } from 'ioredis';
import OpenAI from 'openai';
import type { Config } from './config';
import { connectDb, pingDb, type Db } from './db/connection';
import { createRepositories, ensureIndexes, type Repositories } from './db/repositories';
import { rulesOnly, type TriageEngine } from './domain/triage-result';
import type { Logger } from './infra/logger';
import { createRedisCache } from './redis/redis-cache';
import { createOutboundProducer, type OutboundProducer } from '../queues/outbound-producer';
import { createDeadlineProducer, type DeadlineProducer } from '../queues/deadline-queue';
import { createProducerConnection, firstConnectAttempt, pingRedis } from './redis/connection';
import { createTriageProducer, type TriageProducer } from '../queues/triage-producer';
import { createPlatformProducer, type PlatformProducer } from '../queues/platform-queue';
import { createLlmTriage } from './triage/llm/llm-triage';
import { triageByRules } from './triage/rule-triage';
import { wireServices, type Services } from './wire-services';

/** The rule engine, as an async engine so an LLM-backed one can take its place. */
export const ruleEngine: TriageEngine = async (input) => rulesOnly(triageByRules(input));

/** The LLM-assisted engine when OPENAI_* is configured, else the rules. */
function triageEngineFor(config: Config, log: Logger, redis: Redis): TriageEngine {
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

/** Everything the roles share. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  repos: Repositories;
  producerConnection: Redis;
  triageQueue: TriageProducer;
  outboundQueue: OutboundProducer;
  deadlineQueue: DeadlineProducer;
  platformQueue: PlatformProducer;
  services: Services;
  close(): Promise<void>;
}

export async function createAppContext(config: Config, log: Logger, opts: { triage?: TriageEngine } = {}): Promise<AppContext> {
  const conn = await connectDb(config.MONGODB_URI, config.MONGODB_SERVER_SELECTION_TIMEOUT_MS);
  await ensureIndexes(conn);
  const repos = createRepositories(conn);
  const producerConnection = createProducerConnection(config.redis);
  producerConnection.on('error', () => undefined); // reported by /readyz; ioredis reconnects by itself
  // The app's own keys (locks, case index, counters, intake state) on a connection of their own that
  // sends the commands issued in one turn of the event loop in one write: dozens of triage jobs and
  // conversations run at once, and each write is a system call. BullMQ keeps its connection as it is.
  const appRedis = createProducerConnection(config.redis, { enableAutoPipelining: true });
  appRedis.on('error', () => undefined);
  const reachable = await Promise.all([firstConnectAttempt(producerConnection), firstConnectAttempt(appRedis)]);
  if (!reachable.every(Boolean)) log.warn('Redis is not reachable yet: intake answers 503 until it is');
  const triageQueue = createTriageProducer(producerConnection, { prefix: config.QUEUE_PREFIX, attempts: config.TRIAGE_ATTEMPTS });
  const outboundQueue = createOutboundProducer(producerConnection, config.QUEUE_PREFIX);
  const deadlineQueue = createDeadlineProducer(producerConnection, config.QUEUE_PREFIX, config.DEADLINE_REMIND_HOURS);
  const platformQueue = createPlatformProducer(producerConnection, config.QUEUE_PREFIX);
  const services = wireServices({
    config,
    repos,
    redis: appRedis,
    triageQueue,
    outboundQueue,
    deadlineQueue,
    platformQueue,
    triage: opts.triage ?? triageEngineFor(config, log, producerConnection),
    checks: { mongodb: () => pingDb(conn), redis: async () => (await pingRedis(producerConnection)) && (await pingRedis(appRedis)) },
  });
  return {
    config,
    log,
    db: conn,
    repos,
    producerConnection,
    triageQueue,
    outboundQueue,
    deadlineQueue,
    platformQueue,
    services,
    async close() {
      await triageQueue.close().catch(() => undefined);
      await outboundQueue.close().catch(() => undefined);
      await deadlineQueue.close().catch(() => undefined);
      await platformQueue.close().catch(() => undefined);
      producerConnection.disconnect();
      appRedis.disconnect();
      await conn.close();
    },
  };
}
