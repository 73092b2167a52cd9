import type { FaultCase } from '../support/suite';
import { killWorker } from './kill-worker';
import { mongoOutage } from './mongo-outage';
import { redisDown } from './redis-down';
import { redisRestart } from './redis-restart';
import { sigterm } from './sigterm';

/**
 * The registry: the runner runs these in order. A new case is one module exporting a FaultCase and one
 * line here (cases 10, hostile XML on the WeChat callbacks, and 14, XSS in the console, are added so).
 */
export const CASES: FaultCase[] = [killWorker, sigterm, redisRestart, redisDown, mongoOutage];
