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
import { triageComplaint, type TriageEngine } from './services/triage-complaint';
import { triageByRules } from './triage/rule-triage';
import type { NewComplaint } from './domain/complaint';

/** The rule engine, as an async engine so an LLM-backed one can take its place. */
export const ruleEngine: TriageEngine = async (input) => ({ ...triageByRules(input), engine: 'rules' });

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
) {
  return {
    acceptComplaint: (input: NewComplaint) => acceptComplaint({ complaints: repos.complaints, triageQueue }, input),
    triageComplaint: (complaintId: string, opts?: { finalAttempt: boolean }) =>
      triageComplaint({ ...repos, triage, caseNumberPrefix: config.CASE_NUMBER_PREFIX, timeZone: config.TIME_ZONE }, complaintId, opts),
    sweepUnprocessed: (opts: { graceMs: number; now?: Date }) => sweepUnprocessed({ complaints: repos.complaints, triageQueue }, opts),
    authenticateToken: (token: string) => authenticateToken({ staff: repos.staff }, token),
    listLeads: repos.leads.list.bind(repos.leads),
    getLead: repos.leads.get.bind(repos.leads),
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
  const services = wireServices(config, repos, triageQueue, opts.triage ?? ruleEngine, {
    mongodb: () => pingDb(conn),
    redis: () => pingRedis(producerConnection),
  });
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
