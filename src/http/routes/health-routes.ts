import { Router } from 'express';

export interface HealthDeps {
  checks: Record<string, () => Promise<boolean>>;
  /** Extra state shown on /readyz, e.g. the WeChat bot's login state. */
  status?: () => Record<string, unknown>;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(deps.checks);
    const results = await Promise.all(names.map((n) => deps.checks[n]!().catch(() => false)));
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i] ? 'ok' : 'down']));
    const ready = results.every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks, ...(deps.status?.() ?? {}) });
  });
  return router;
}
