import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TEST_HOTLINE_SECRET, uniqueName } from '../../support/test-app';
import type { CaseResult, HeadlineKey } from './figures';
import type { FerretServer, RedisServer } from './processes';

/** What the runner gives every case: shared services of the suite's own and a few conventions. */
export interface SuiteEnv {
  /** The run's temporary folder; a case makes sub-folders for servers of its own. */
  dir: string;
  /** Shared FerretDB and Redis for cases that do not break them (each case uses its own names). */
  ferret: FerretServer;
  redis: RedisServer;
  quick: boolean;
  secret: string;
  /** Multiplies the load of the long cases (FAULTS_SCALE, default 1), e.g. 0.2 while developing a case. */
  scale: number;
}

/** One case of the suite. Register it in test/faults/cases/index.ts. */
export interface FaultCase {
  /** The number of the case in the issue. */
  issueCase: number;
  id: string;
  title: string;
  /** Part of `--quick` (the CI subset): seconds, not minutes. */
  quick: boolean;
  /** Headline figures this case measures (the rest stay null unless another case measures them). */
  measures: HeadlineKey[];
  run(env: SuiteEnv): Promise<CaseResult>;
}

/** Settings of a spawned src/main.ts process against the given services, quiet on the sweeper unless asked. */
export function appEnv(opts: {
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    MONGODB_URI: opts.mongoUri,
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.prefix,
    HOTLINE_SECRET: TEST_HOTLINE_SECRET,
    LOG_LEVEL: 'debug',
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: '1500',
    DATA_DIR: path.join('/tmp', uniqueName('wa-faults-data')),
    ...opts.extra,
  };
}

export function runId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
}
