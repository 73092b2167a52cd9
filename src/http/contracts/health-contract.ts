import { z } from 'zod';
import type { RouterContract } from './operation';

const readiness = z
  .looseObject({
    status: z.enum(['ready', 'not_ready']),
    checks: z.record(z.string(), z.enum(['ok', 'down'])).meta({ description: 'each dependency, e.g. mongodb, redis' }),
    wechat: z.strictObject({ state: z.string() }).optional().meta({ description: 'the WeChat bot’s state, where it runs' }),
  })
  .meta({ id: 'Readiness', description: 'more state of the process may follow (HealthDeps.status)' });

/** Probes for the orchestrator: alive, and ready to take requests. */
export const healthContract: RouterContract = {
  prefix: '',
  operations: [
    {
      method: 'get',
      path: '/healthz',
      summary: 'the process is alive',
      security: 'none',
      responses: { 200: { description: 'alive', json: z.strictObject({ status: z.literal('ok') }) } },
    },
    {
      method: 'get',
      path: '/readyz',
      summary: 'MongoDB and Redis reachable, the WeChat bot’s state',
      security: 'none',
      responses: {
        200: { description: 'every check passed', json: readiness },
        503: { description: 'a check failed', json: readiness },
      },
    },
  ],
};
