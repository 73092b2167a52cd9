import type { AppContext } from '../composition/context';
import { queueHealthPort } from '../composition/ops';
import { startMetricsServer } from '../infra/metrics-server';
import type { RunningRole } from './api-role';

export interface MetricsRole extends RunningRole {
  /** Where Prometheus scrapes, e.g. http://127.0.0.1:9464/metrics. */
  url: string;
}

/**
 * `GET /metrics` of this process on METRICS_HOST:METRICS_PORT, apart from the API's port, with the
 * bearer token when METRICS_TOKEN is set (docs/operations.md#metrics). Queue depths are read at each scrape.
 */
export async function startMetricsRole(ctx: AppContext): Promise<MetricsRole> {
  const settings = ctx.config.metrics;
  if (!settings) throw new Error('METRICS_PORT is not set: there is no metrics endpoint to start');
  ctx.metrics.readQueuesWith(queueHealthPort(ctx));
  const server = await startMetricsServer({
    ...settings,
    scrape: () => ctx.metrics.scrape(),
    log: ctx.log.child({ module: 'metrics' }),
  });
  return { url: server.url, stop: () => server.close() };
}
