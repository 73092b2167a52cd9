import { setTimeout as delay } from 'node:timers/promises';
import { Pool } from 'undici';
import { atRate, flatOut, type LoadResult } from './load';
import { BENCH_SECRET, type Pipeline } from './pipeline';
import { perSecond, summarize, type Summary } from './stats';
import { signedRequest, transcript } from './transcripts';

export interface EndToEnd {
  mode: string;
  n: number;
  accepted: number;
  acceptedPerS: number;
  acceptMs: Summary;
  acceptToLeadMs: Summary;
  processedPerS: number;
  leads: number;
  failed: number;
  peakBacklog: number;
  memory: Record<string, { peakRssMb: number; rssMb: number } | null>;
}

const PATH = '/api/hotline/transcripts';

/** Posts `n` signed transcripts (flat out, or at a fixed rate), waits until all are processed, and measures. */
export async function runEndToEnd(
  p: Pipeline,
  n: number,
  load: { connections: number } | { ratePerS: number; warmUpS?: number },
): Promise<EndToEnd> {
  const run = `${p.tag}-${Date.now().toString(36)}`;
  const make = (i: number) => ({ path: PATH, ...signedRequest(BENCH_SECRET, transcript(run, i)) });
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
  const startedAt = Date.now();
  const origin = p.api.url!;
  let r: LoadResult;
  if ('connections' in load) r = await flatOut(origin, n, load.connections, make);
  else r = await atRate(origin, n, load.ratePerS, make);
  const accepted = r.statuses.get(202) ?? 0;
  const drainedAt = await p.drained(accepted, 10 * 60_000 + n * 20);
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
    acceptToLeadMs: summarize(toLead),
    processedPerS: perSecond(accepted, drainedAt - startedAt),
    leads,
    failed,
    peakBacklog,
    memory: await p.memory(),
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
