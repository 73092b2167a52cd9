import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into the benchmark's API and worker processes (`node --require`): once a second, one
 * JSON line with the process's memory and its event-loop delay over that second, for the soak.
 */
const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const line = {
      t: Date.now(),
      rssMb: Math.round(m.rss / 1048576),
      heapMb: Math.round(m.heapUsed / 1048576),
      lagP50Ms: Number((lag.percentile(50) / 1e6).toFixed(2)),
      lagP99Ms: Number((lag.percentile(99) / 1e6).toFixed(2)),
      lagMaxMs: Number((lag.max / 1e6).toFixed(2)),
    };
    lag.reset();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  timer.unref();
}
