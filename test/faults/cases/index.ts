import type { FaultCase } from '../support/suite';
import { badInput } from './bad-input';
import { consoleXss } from './console-xss';
import { callbackReplay } from './callback-replay';
import { concurrentDelivery } from './concurrent-delivery';
import { flood } from './flood';
import { hostileXml } from './hostile-xml';
import { hotlineHmac } from './hotline-hmac';
import { killWorker } from './kill-worker';
import { llmFaults } from './llm-faults';
import { loginParallel } from './login-parallel';
import { mongoOutage } from './mongo-outage';
import { operatorInjection } from './operator-injection';
import { oversizedConversation } from './oversized-conversation';
import { piiLeaks } from './pii';
import { piiResponses } from './pii-responses';
import { redisDown } from './redis-down';
import { redisRestart } from './redis-restart';
import { scopeReads } from './scope-reads';
import { sigterm } from './sigterm';
import { staffAccess } from './staff-access';

/**
 * The registry: the runner runs these in order. A new case is one module exporting a FaultCase and one
 * line here.
 */
export const CASES: FaultCase[] = [
  badInput,
  operatorInjection,
  concurrentDelivery,
  hotlineHmac,
  staffAccess,
  flood,
  redisDown,
  killWorker,
  sigterm,
  redisRestart,
  mongoOutage,
  llmFaults,
  hostileXml,
  consoleXss,
  piiResponses,
  scopeReads,
  loginParallel,
  callbackReplay,
  oversizedConversation,
  // Last: it also reads the logs of every process the cases above spawned and every queue of the run.
  piiLeaks,
];
