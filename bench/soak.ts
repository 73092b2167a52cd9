import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { runEndToEnd, type EndToEnd } from './end-to-end';
import type { Pipeline } from './pipeline';
import { percentile } from './stats';

interface ProbeLine {
  t: number;
  rssMb: number;
  heapMb: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

export interface ProcessTrend {
  /** Median RSS over the second minute (after warm-up) and over the last minute (quarters of a shorter soak). */
  rssEarlyMb: number;
  rssLateMb: number;
  heapEarlyMb: number;
  heapLateMb: number;
  /** The worst one-second event-loop p99 of the early and the late minute, and the worst stall of the run. */
  lagP99EarlyMs: number;
  lagP99LateMs: number;
  lagMaxMs: number;
}

export interface Soak {
  minutes: number;
  ratePerS: number;
  run: EndToEnd;
  /** Triage queue length (waiting + active + delayed), sampled every 5 s. */
  backlogMax: number;
  backlogLateMax: number;
  api: ProcessTrend;
  worker: ProcessTrend;
}

async function trend(file: string, from: number, to: number): Promise<ProcessTrend> {
  const lines = (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeLine)
    .filter((l) => l.t >= from && l.t <= to);
  // The second minute (after warm-up) against the last one; a shorter soak compares its second and last quarters.
  const span = Math.min(60_000, (to - from) / 4);
  const early = lines.filter((l) => l.t >= from + span && l.t < from + 2 * span);
  const late = lines.filter((l) => l.t > to - span);
  const med = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : Number.NaN);
  return {
    rssEarlyMb: med(early.map((l) => l.rssMb)),
    rssLateMb: med(late.map((l) => l.rssMb)),
    heapEarlyMb: med(early.map((l) => l.heapMb)),
    heapLateMb: med(late.map((l) => l.heapMb)),
    lagP99EarlyMs: worst(early.map((l) => l.lagP99Ms)),
    lagP99LateMs: worst(late.map((l) => l.lagP99Ms)),
    lagMaxMs: worst(lines.map((l) => l.lagMaxMs)),
  };
}

/** `minutes` at a fixed rate: memory, event-loop delay and queue length over time. */
export async function runSoak(p: Pipeline, ratePerS: number, minutes: number): Promise<Soak> {
  const from = Date.now();
  const backlog: { t: number; n: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      backlog.push({ t: Date.now(), n: await p.backlog() });
      await delay(5000);
    }
  })();
  const run = await runEndToEnd(p, Math.round(ratePerS * minutes * 60), { ratePerS });
  sampling = false;
  await sampler;
  const to = Date.now();
  const loadEnd = from + minutes * 60_000;
  return {
    minutes,
    ratePerS,
    run,
    backlogMax: Math.max(...backlog.map((b) => b.n)),
    backlogLateMax: Math.max(0, ...backlog.filter((b) => b.t > loadEnd - 60_000 && b.t <= loadEnd).map((b) => b.n)),
    api: await trend(p.api.probeFile, from, Math.min(to, loadEnd)),
    worker: await trend(p.worker.probeFile, from, Math.min(to, loadEnd)),
  };
}
