/**
 * The `Server-Timing` response header (W3C Server Timing): how long each step of a request took
 * inside the server, in milliseconds, e.g. `note;dur=0.21, store;dur=1.84, queue;dur=0.33`. Intake
 * sends it so that the caller (the hotline's integration, the benchmark) can tell time spent in the
 * store from time spent on the way; the request log line carries the same figures.
 */
export type StepTimings = Record<string, number>;

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function formatServerTiming(t: StepTimings): string {
  return Object.entries(t)
    .filter(([name, ms]) => NAME.test(name) && Number.isFinite(ms) && ms >= 0)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
    .join(', ');
}

/** The steps of a `Server-Timing` header that carry a duration; null when there is none. */
export function parseServerTiming(header: string | string[] | null | undefined): StepTimings | null {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return null;
  const out: StepTimings = {};
  for (const metric of value.split(',')) {
    const [name, ...params] = metric.split(';').map((s) => s.trim());
    if (!name || !NAME.test(name)) continue;
    for (const p of params) {
      const m = /^dur=([0-9]+(?:\.[0-9]+)?)$/.exec(p);
      if (m) out[name] = Number(m[1]);
    }
  }
  return Object.keys(out).length ? out : null;
}
