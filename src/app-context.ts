import type { Redis } from 'ioredis';
import type { Config } from './config';
import { connectDb, pingDb, type Db } from './db/connection';
import { createRepositories, ensureIndexes, type Repositories } from './db/repositories';
import type { Logger } from './infra/logger';
import { createProducerConnection, firstConnectAttempt, pingRedis } from '../queues/redis-connection';
import { createTriageProducer, type TriageProducer } from '../queues/triage-producer';
import { acceptComplaint } from './services/accept-complaint';
import { authenticateToken } from './services/staff-accounts';
import { sweepUnprocessed } from './services/sweep-unprocessed';
import { triageComplaint } from './services/triage-complaint';
import { triageByRules } from './triage/rule-triage';
import { createLlmTriage } from './triage/llm/llm-triage';
import { createRedisCache } from './infra/redis-cache';
import { createLocker } from './infra/lock';
import { rulesOnly, type TriageEngine } from './domain/triage-result';
import OpenAI from 'openai';
import type { NewComplaint } from './domain/complaint';
import type { StaffUser } from './domain/staff';
import { DEFAULT_OUTCOME_CODES } from './domain/case-workflow';
import { assignLead, changeLeadStatus, recordRecovery, type RecoveryInput, type StatusChange } from './services/case-actions';
import { getLeadFor, listLeadsFor, type LeadQuery } from './services/read-leads';

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

/** Everything the roles share, wired by hand in one place. */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  repos: Repositories;
  producerConnection: Redis;
  triageQueue: TriageProducer;
  services: ReturnType<typeof wireServices>;
  close(): Promise<void>;
}

function wireServices(
  config: Config,
  repos: Repositories,
  triageQueue: TriageProducer,
  triage: TriageEngine,
  checks: Record<string, () => Promise<boolean>>,
  redis: Redis,
) {
  const caseDeps = {
    leads: repos.leads,
    staff: repos.staff,
    outcomeCodes: DEFAULT_OUTCOME_CODES,
    withLock: createLocker(redis, config.QUEUE_PREFIX),
  };
  return {
    acceptComplaint: (input: NewComplaint) => acceptComplaint({ complaints: repos.complaints, triageQueue }, input),
    triageComplaint: (complaintId: string, opts?: { finalAttempt: boolean }) =>
      triageComplaint(
        {
          ...repos,
          triage,
          caseNumberPrefix: config.CASE_NUMBER_PREFIX,
          timeZone: config.TIME_ZONE,
          dedupWindowDays: config.DEDUP_WINDOW_DAYS,
          withLock: caseDeps.withLock,
        },
        complaintId,
        opts,
      ),
    sweepUnprocessed: (opts: { graceMs: number; now?: Date }) => sweepUnprocessed({ complaints: repos.complaints, triageQueue }, opts),
    authenticateToken: (token: string) => authenticateToken({ staff: repos.staff }, token),
    listLeads: (staff: StaffUser, query: LeadQuery) => listLeadsFor(repos, staff, query),
    getLead: (staff: StaffUser, id: string) => getLeadFor(repos, staff, id),
    assignLead: (staff: StaffUser, id: string, input: { assigneeId: string; note?: string }) => assignLead(caseDeps, staff, id, input),
    changeLeadStatus: (staff: StaffUser, id: string, input: StatusChange) => changeLeadStatus(caseDeps, staff, id, input),
    recordRecovery: (staff: StaffUser, id: string, input: RecoveryInput) => recordRecovery(caseDeps, staff, id, input),
    checks,
  };
}

export async function createAppContext(config: Config, log: Logger, opts: { triage?: TriageEngine } = {}): Promise<AppContext> {
  const conn = await connectDb(config.MONGODB_URI, config.MONGODB_SERVER_SELECTION_TIMEOUT_MS);
  await ensureIndexes(conn);
  const repos = createRepositories(conn);
  const producerConnection = createProducerConnection(config.REDIS_URL);
  producerConnection.on('error', () => undefined); // reported by /readyz; ioredis reconnects by itself
  if (!(await firstConnectAttempt(producerConnection))) log.warn('Redis is not reachable yet: intake answers 503 until it is');
  const triageQueue = createTriageProducer(producerConnection, { prefix: config.QUEUE_PREFIX, attempts: config.TRIAGE_ATTEMPTS });
  const services = wireServices(
    config,
    repos,
    triageQueue,
    opts.triage ?? triageEngineFor(config, log, producerConnection),
    {
      mongodb: () => pingDb(conn),
      redis: () => pingRedis(producerConnection),
    },
    producerConnection,
  );
  return {
    config,
    log,
    db: conn,
    repos,
    producerConnection,
    triageQueue,
    services,
    async close() {
      await triageQueue.close().catch(() => undefined);
      producerConnection.disconnect();
      await conn.close();
    },
  };
}
