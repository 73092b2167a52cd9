import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Hotline transcripts per end-to-end run (flat out, then at half that rate). */
  n: number;
  /** Jobs / inserts / requests per ceiling measurement. */
  ceilingN: number;
  /** WeChat contacts, each sending one complaint and a confirmation. */
  wechatContacts: number;
  soakMinutes: number;
  /** Open connections of the flat-out load. */
  connections: number;
  /** Triage jobs in parallel in the worker process (TRIAGE_CONCURRENCY). */
  workerConcurrency: number;
  /** TRIAGE_GATHER_MS for the worker (null: the app's default). */
  gatherMs: number | null;
  /** Start the API and worker with --cpu-prof (profiles in .bench-profiles/). */
  cpuProf: boolean;
  /** Run the TypeScript through tsx instead of the build (the smoke test). */
  fromSource: boolean;
}

const USAGE = `npm run bench -- [--n 20000] [--soak-minutes 10] [--quick] [--connections 32] [--worker-concurrency N] [--gather-ms N] [--cpu-prof] [--from-source]`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      'soak-minutes': { type: 'string' },
      quick: { type: 'boolean', default: false },
      connections: { type: 'string' },
      'worker-concurrency': { type: 'string' },
      'gather-ms': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const num = (v: string | undefined, name: string, dflt: number, min = 0) => {
    if (v === undefined) return dflt;
    const x = Number(v);
    if (!Number.isFinite(x) || x < min) throw new Error(`--${name} must be a number ≥ ${min}\n${USAGE}`);
    return x;
  };
  const quick = values.quick;
  const n = Math.round(num(values.n, 'n', quick ? 300 : 20_000, 10));
  return {
    n,
    ceilingN: quick ? Math.max(200, n) : Math.max(10_000, n),
    wechatContacts: quick ? 4 : 200,
    soakMinutes: num(values['soak-minutes'], 'soak-minutes', quick ? 0 : 10),
    connections: Math.round(num(values.connections, 'connections', 32, 1)),
    workerConcurrency: Math.round(num(values['worker-concurrency'], 'worker-concurrency', 0, 0)),
    gatherMs: values['gather-ms'] === undefined ? null : Math.round(num(values['gather-ms'], 'gather-ms', 0, 0)),
    cpuProf: values['cpu-prof'],
    fromSource: values['from-source'],
  };
}
