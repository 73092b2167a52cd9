import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'undici';
import { atRate, flatOut, type LoadResult } from './load';
import { BENCH_SECRET, type UsageSnapshot, type Pipeline } from './pipeline';
import { perSecond, summarize, type Summary } from './stats';
import { signedRequest, transcript } from './transcripts';
import { parseServerTiming } from '../src/http/server-timing';

export interface EndToEnd {
  mode: string;
  n: number;
  accepted: number;
  acceptedPerS: number;
  acceptMs: Summary;
  /**
   * The accepted requests' time inside the API by step, from their `Server-Timing` (note: the Redis
   * round trip, store: the write, queue: the enqueue) and the three together (`inside`); null when
   * no answer carried it. Accept minus inside is the rest: the HTTP exchange, parsing and checking the
   * request, and waiting for a CPU on either side.
   */
  intakeStepsMs: Record<string, Summary> | null;
  acceptToLeadMs: Summary;
  processedPerS: number;
  leads: number;
  failed: number;
  peakBacklog: number;
  memory: Record<string, { peakRssMb: number; rssMb: number } | null>;
  /**
   * Where the machine's CPU went, from the first request until the last complaint was processed:
   * milliseconds of CPU per accepted complaint for each process, and how busy the machine was (share
   * of all its CPUs; other tenants of a shared machine count too).
   */
  cpu: { msPerComplaint: Record<string, number | null>; machineBusyPct: number | null };
  /** FerretDB commands per accepted complaint, by command name, over the same span (null: metrics unreadable). */
  dbCommandsPerComplaint: Record<string, number> | null;
}

/** Commands answered between two snapshots, per accepted complaint, most frequent first. */
export function commandsPerComplaint(
  before: Record<string, number> | null,
  after: Record<string, number> | null,
  complaints: number,
): Record<string, number> | null {
  if (!before || !after || complaints === 0) return null;
  const rows = Object.entries(after)
    .map(([k, v]): [string, number] => [k, (v - (before[k] ?? 0)) / complaints])
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows);
}

/** CPU used between two snapshots, per accepted complaint. */
export function cpuPerComplaint(before: UsageSnapshot, after: UsageSnapshot, complaints: number): EndToEnd['cpu'] {
  const msPerComplaint: Record<string, number | null> = {};
  for (const [k, b] of Object.entries(before.processes)) {
    const a = after.processes[k as keyof UsageSnapshot['processes']];
    msPerComplaint[k] = a === null || b === null || complaints === 0 ? null : ((a - b) * 1000) / complaints;
  }
  const m0 = before.machine;
  const m1 = after.machine;
  const machineBusyPct = m0 && m1 && m1.total > m0.total ? (100 * (m1.busy - m0.busy)) / (m1.total - m0.total) : null;
  return { msPerComplaint, machineBusyPct };
}

const PATH = '/api/hotline/transcripts';

/** Collects the `Server-Timing` steps of accepted (202) answers; `summary()` gives each step's percentiles and their sum's. */
export function intakeSteps() {
  const byStep = new Map<string, number[]>();
  const inside: number[] = [];
  return {
    record: (_i: number, status: number, _body: string, headers: Record<string, string | string[] | undefined>) => {
      if (status !== 202) return;
      const t = parseServerTiming(headers['server-timing']);
      if (!t) return;
      let sum = 0;
      for (const [step, ms] of Object.entries(t)) {
        let list = byStep.get(step);
        if (!list) byStep.set(step, (list = []));
        list.push(ms);
        sum += ms;
      }
      inside.push(sum);
    },
    summary(): Record<string, Summary> | null {
      if (!inside.length) return null;
      return { ...Object.fromEntries([...byStep].map(([step, v]) => [step, summarize(v)])), inside: summarize(inside) };
    },
  };
}

/** Posts `n` signed transcripts (flat out, or at a fixed rate), waits until all are processed, and measures. */
export async function runEndToEnd(
  p: Pipeline,
  n: number,
  load: { connections: number } | { ratePerS: number; warmUpS?: number },
): Promise<EndToEnd> {
  const run = `${p.tag}-${Date.now().toString(36)}`;
  const make = (i: number) => ({ path: PATH, ...signedRequest(BENCH_SECRET, transcript(run, i)) });
  const steps = intakeSteps();
  if ('ratePerS' in load && load.warmUpS) {
    // Freshly started processes: JIT, connection pools and the first collections are warmed up at the
    // same rate and drained before the measured run (a service in use is warm).
    const warmN = Math.max(1, Math.round(load.ratePerS * load.warmUpS));
    const warm = await atRate(p.api.url!, warmN, load.ratePerS, (i) => ({
      path: PATH,
      ...signedRequest(BENCH_SECRET, transcript(`${run}-warm`, i)),
    }));
    await p.drained(warm.statuses.get(202) ?? 0, 120_000);
  }
  let peakBacklog = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakBacklog = Math.max(peakBacklog, await p.backlog());
      await delay(250);
    }
  })();
  const usageBefore = await p.usage();
  const startedAt = Date.now();
  const origin = p.api.url!;
  let r: LoadResult;
  if ('connections' in load) r = await flatOut(origin, n, load.connections, make, steps.record);
  else r = await atRate(origin, n, load.ratePerS, make, steps.record);
  const accepted = r.statuses.get(202) ?? 0;
  const drainedAt = await p.drained(accepted, 10 * 60_000 + n * 20);
  const usageAfter = await p.usage();
  const cpu = cpuPerComplaint(usageBefore, usageAfter, accepted);
  const dbCommandsPerComplaint = commandsPerComplaint(usageBefore.dbCommands, usageAfter.dbCommands, accepted);
  sampling = false;
  await sampler;

  // When each lead was written: the complaint is marked triaged right after its lead, and the API reads the store directly.
  const docs = await p.db
    .collection('complaints')
    .find({}, { projection: { dedupKey: 1, state: 1, leadId: 1, 'triage.triagedAt': 1, 'triage.category': 1 } })
    .toArray();
  const toLead: number[] = [];
  let leads = 0;
  let failed = 0;
  const sample: string[] = [];
  for (const d of docs) {
    if (d.state !== 'triaged') failed++;
    const i = Number(String(d.dedupKey).slice(run.length + 1));
    const triagedAt = (d.triage as { triagedAt?: Date } | null)?.triagedAt;
    if (!d.leadId || !triagedAt || !Number.isInteger(i)) continue;
    leads++;
    toLead.push(Math.max(0, triagedAt.getTime() - r.doneAt[i]!));
    if (sample.length < 20 && i % 97 === 0) sample.push(String(d.leadId));
  }
  await checkReadable(origin, p.token, sample);
  return {
    mode: 'connections' in load ? `flat out, ${load.connections} connections` : `fixed rate ${Math.round(load.ratePerS)}/s`,
    n,
    accepted,
    acceptedPerS: perSecond(accepted, r.elapsedMs),
    acceptMs: summarize(Array.from(r.latencyMs)),
    intakeStepsMs: steps.summary(),
    acceptToLeadMs: summarize(toLead),
    processedPerS: perSecond(accepted, drainedAt - startedAt),
    leads,
    failed,
    peakBacklog,
    memory: await p.memory(),
    cpu,
    dbCommandsPerComplaint,
  };
}

/** The leads are there for staff: a sample is read through GET /api/leads/:id. */
async function checkReadable(origin: string, token: string, leadIds: string[]): Promise<void> {
  const pool = new Pool(origin, { connections: 2 });
  try {
    for (const id of leadIds) {
      const res = await pool.request({ method: 'GET', path: `/api/leads/${id}`, headers: { authorization: `Bearer ${token}` } });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`GET /api/leads/${id} answered ${res.statusCode}`);
    }
  } finally {
    await pool.close();
  }
}
