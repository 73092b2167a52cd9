import { createAppContext } from './composition/context';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config';
import { ensureLocalServices, localServicesOptions } from '../tools/local-services/local-services';
import { createLogger } from './infra/logger';
import { lowerProcessPriority } from './infra/process-priority';
import { startApiRole, type RunningRole } from './roles/api-role';
import { startBotRole } from './roles/bot-role';
import { startWorkerRole } from './roles/worker-role';
import { startMetricsRole } from './roles/metrics-role';

/** ROLE=all (default) runs API, workers and bot in one process; api | worker | bot runs one. */
async function main(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL, { role: config.ROLE });
  const services = await ensureLocalServices(localServicesOptions(config, (line) => log.info(line)));
  const ctx = await createAppContext(config, log).catch(async (err: unknown) => {
    await services.stop();
    throw err;
  });
  const want = (r: string) => config.ROLE === 'all' || config.ROLE === r;
  const roles: RunningRole[] = [];
  let botStatus: (() => Record<string, unknown>) | undefined;

  // Stop order: intake first (HTTP, bot), then workers finish in-flight jobs, then connections.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    for (const role of roles.reverse()) await role.stop().catch((err: unknown) => log.error({ err }, 'role stop failed'));
    await ctx.close().catch(() => undefined);
    await services.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  if (config.ROLE === 'worker' && config.WORKER_NICE > 0) {
    try {
      lowerProcessPriority(config.WORKER_NICE);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'could not lower the worker process priority');
    }
  }
  // First up and last down, so that a scrape sees the roles start and stop.
  if (config.metrics) {
    const metrics = await startMetricsRole(ctx);
    roles.push(metrics);
    log.info({ url: metrics.url }, `metrics on ${metrics.url}`);
  }
  if (want('worker')) roles.push(await startWorkerRole(ctx));
  if (want('bot')) {
    const bot = await startBotRole(ctx);
    botStatus = () => bot.status();
    roles.push(bot);
  }
  if (want('api')) {
    const api = await startApiRole(ctx, () => botStatus?.() ?? {});
    roles.push(api);
    log.info({ url: api.url }, `API listening on ${api.url}`);
    console.log(`API listening on ${api.url}`);
  }
  log.info({ startedServices: services.started }, 'ready');
}

let config: Config;
try {
  loadDotEnv();
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}
main(config).catch((err: unknown) => {
  console.error(`start-up failed: ${(err as Error).message}`);
  process.exit(1);
});
