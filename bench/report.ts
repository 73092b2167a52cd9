import type { BareChain } from './bare-chain';
import type { Ceiling, RoundTrip } from './ceilings';
import type { EndToEnd } from './end-to-end';
import type { BenchOptions } from './options';
import type { Soak } from './soak';
import { round } from './stats';
import type { WechatPath } from './wechat-path';

export interface BenchReport {
  opts: BenchOptions;
  workerConcurrency: number;
  ceilings: Ceiling[];
  /** How long a round trip to another process takes when the machine is busy and when it is idle. */
  roundTrips: RoundTrip;
  /** The raw steps chained once per complaint with no domain work: the most these parts could carry. */
  bare: BareChain | null;
  runs: EndToEnd[];
  wechat: WechatPath | null;
  soak: Soak | null;
  servers: Record<string, { peakRssMb: number } | null>;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; load1: number };
}

const ms = (x: number) => String(round(x, x < 10 ? 1 : 0));
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/** The table (Markdown, as the README shows it) on stdout, then the summary as one JSON line, last. */
export function printReport(r: BenchReport): void {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, FerretDB v1.24.2 (SQLite), load average at the end ${m.load1}`,
  );
  out.push('', row(['ceiling (raw, same run)', 'per s', 'how']), row(['---', '---:', '---']));
  for (const c of r.ceilings) out.push(row([c.stage, Math.round(c.perS), c.note]));
  const slowest = r.ceilings.reduce((a, b) => (b.perS < a.perS ? b : a));
  const rt = r.roundTrips;
  out.push(
    '',
    `Round trip to Redis (PING), p50 / p99 µs: back to back ${ms(rt.backToBack.p50)} / ${ms(rt.backToBack.p99)}, ` +
      `one every ${rt.gapMs} ms ${ms(rt.sparse.p50)} / ${ms(rt.sparse.p99)}`,
  );

  const procs = ['api', 'worker', 'ferretdb', 'redis', 'load'] as const;
  const cpuMs = (x: number | null | undefined) => (x === null || x === undefined ? '?' : ms(x));
  if (r.bare) {
    const b = r.bare;
    out.push(
      '',
      `Bare chain, flat out (${b.n} transcripts: signature check, one insert, one enqueue, one job, one insert; no domain work): ` +
        `accepted ${Math.round(b.acceptedPerS)}/s, processed ${Math.round(b.processedPerS)}/s = ` +
        `${round((100 * b.processedPerS) / slowest.perS, 1)} % of the slowest ceiling; CPU per complaint ms ` +
        procs.map((k) => `${k} ${cpuMs(b.cpuMsPerComplaint[k])}`).join(', '),
    );
  }

  out.push(
    '',
    row([
      'end to end',
      'accepted/s',
      'accept p50 / p99 ms',
      'accept → lead p50 / p99 ms',
      'processed/s',
      'leads',
      'peak queue',
      'peak RSS api / worker MB',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  for (const e of r.runs)
    out.push(
      row([
        `${e.n} transcripts, ${e.mode}`,
        Math.round(e.acceptedPerS),
        `${ms(e.acceptMs.p50)} / ${ms(e.acceptMs.p99)}`,
        `${ms(e.acceptToLeadMs.p50)} / ${ms(e.acceptToLeadMs.p99)}`,
        Math.round(e.processedPerS),
        e.leads,
        e.peakBacklog,
        `${e.memory.api?.peakRssMb ?? '?'} / ${e.memory.worker?.peakRssMb ?? '?'}`,
      ]),
    );
  if (r.runs.some((e) => e.intakeStepsMs)) {
    out.push(
      '',
      row(['intake inside the API (Server-Timing), p50 / p99 ms', 'note (Redis)', 'store', 'queue', 'the three', 'accept at the client']),
      row(['---', '---:', '---:', '---:', '---:', '---:']),
    );
    const pair = (x: { p50: number; p99: number } | undefined) => (x ? `${ms(x.p50)} / ${ms(x.p99)}` : '?');
    for (const e of r.runs) {
      const t = e.intakeStepsMs;
      if (t) out.push(row([`${e.n} transcripts, ${e.mode}`, pair(t.note), pair(t.store), pair(t.queue), pair(t.inside), pair(e.acceptMs)]));
    }
  }
  out.push(
    '',
    row(['CPU per complaint, first request to last processed', ...procs.map((k) => `${k} ms`), 'sum ms', 'machine busy']),
    row(['---', ...procs.map(() => '---:'), '---:', '---:']),
  );
  for (const e of r.runs) {
    const v = procs.map((k) => e.cpu.msPerComplaint[k] ?? null);
    const sum = v.every((x) => x !== null) ? v.reduce((a, b) => a + b, 0) : null;
    out.push(
      row([
        `${e.n} transcripts, ${e.mode}`,
        ...v.map(cpuMs),
        cpuMs(sum),
        e.cpu.machineBusyPct === null ? '?' : `${Math.round(e.cpu.machineBusyPct)} %`,
      ]),
    );
  }
  for (const [i, e] of r.runs.entries()) {
    const c = e.dbCommandsPerComplaint;
    if (!c) continue;
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    out.push(
      ...(i === 0 ? [''] : []),
      `FerretDB commands per complaint, ${e.mode}: ${round(total, 2)} — ` +
        Object.entries(c)
          .filter(([, v]) => v >= 0.005)
          .map(([k, v]) => `${k} ${round(v, 2)}`)
          .join(', '),
    );
  }
  if (r.wechat) {
    const w = r.wechat;
    out.push(
      '',
      row(['WeChat bot (mock puppet)', 'messages/s', 'first answer p50 / p99 ms', 'case number p50 / p99 ms', 'peak RSS MB']),
      row(['---', '---:', '---:', '---:', '---:']),
      row([
        `${w.contacts} workers × (complaint, 确认)`,
        round(w.messagesPerS, 0) ?? '?',
        `${ms(w.firstAnswerMs.p50)} / ${ms(w.firstAnswerMs.p99)}`,
        `${ms(w.toCaseNumberMs.p50)} / ${ms(w.toCaseNumberMs.p99)}`,
        w.peakRssMb ?? '?',
      ]),
    );
  }
  if (r.soak) {
    const s = r.soak;
    const t = (name: string, x: Soak['api']) =>
      row([
        name,
        `${x.rssEarlyMb} → ${x.rssLateMb}`,
        `${x.heapEarlyMb} → ${x.heapLateMb}`,
        `${ms(x.lagP99EarlyMs)} → ${ms(x.lagP99LateMs)}`,
        ms(x.lagMaxMs),
      ]);
    out.push(
      '',
      `Soak: ${s.minutes} min at ${Math.round(s.ratePerS)}/s — accept p99 ${ms(s.run.acceptMs.p99)} ms, accept → lead p99 ${ms(s.run.acceptToLeadMs.p99)} ms, ` +
        `queue length max ${s.backlogMax} (last minute ${s.backlogLateMax})`,
      '',
      row(['soak process', 'RSS MB, 2nd → last minute', 'heap MB', 'event-loop p99 ms', 'worst stall ms']),
      row(['---', '---:', '---:', '---:', '---:']),
      t('api', s.api),
      t('worker', s.worker),
    );
  }
  out.push(
    '',
    `Servers' peak RSS: ${Object.entries(r.servers)
      .map(([k, v]) => `${k} ${v?.peakRssMb ?? '?'} MB`)
      .join(', ')}`,
  );
  out.push(`Slowest ceiling: ${slowest.stage}, ${Math.round(slowest.perS)}/s`);
  const flat = r.runs[0]!;
  const half = r.runs[1];
  // The product's processes together (API, worker, FerretDB, Redis), the load generator left out.
  const totalCpu = (m: Record<string, number | null>) => {
    const parts = (['api', 'worker', 'ferretdb', 'redis'] as const).map((k) => m[k] ?? null);
    return parts.includes(null)
      ? null
      : round(
          parts.reduce<number>((a, v) => a + v!, 0),
          2,
        );
  };
  if (r.bare)
    out.push(
      `End to end ÷ bare chain, flat out: ${round(flat.processedPerS / r.bare.processedPerS, 3)} ` +
        `(${Math.round(flat.processedPerS)}/s ÷ ${Math.round(r.bare.processedPerS)}/s); CPU per complaint, ` +
        `API + worker + FerretDB + Redis: ${totalCpu(flat.cpu.msPerComplaint) ?? '?'} ms against ${totalCpu(r.bare.cpuMsPerComplaint) ?? '?'} ms`,
    );
  console.log(out.join('\n'));

  const summary = {
    slowest_ceiling_stage: slowest.stage,
    slowest_ceiling_per_s: round(slowest.perS, 0),
    end_to_end_per_s: round(flat.processedPerS, 0),
    ratio_to_slowest_ceiling: round(flat.processedPerS / slowest.perS, 3),
    accepted_per_s: round(flat.acceptedPerS, 0),
    // The same steps once each with no domain work, flat out in the same run (see bare-chain.ts).
    bare_chain_per_s: r.bare ? round(r.bare.processedPerS, 0) : null,
    bare_chain_ratio_to_slowest_ceiling: r.bare ? round(r.bare.processedPerS / slowest.perS, 3) : null,
    // End to end against the bare chain of the same run: the yardstick of docs/performance.md.
    ratio_to_bare_chain: r.bare ? round(flat.processedPerS / r.bare.processedPerS, 3) : null,
    cpu_ms_per_complaint_total: totalCpu(flat.cpu.msPerComplaint),
    bare_chain_cpu_ms_per_complaint_total: r.bare ? totalCpu(r.bare.cpuMsPerComplaint) : null,
    half_load_per_s: half ? round(half.acceptedPerS, 0) : null,
    accept_p50_ms: half ? round(half.acceptMs.p50, 2) : null,
    accept_p99_ms: half ? round(half.acceptMs.p99, 2) : null,
    // Where the half-load accept time went inside the API: p99 of each step and of the three together.
    accept_inside_p99_ms: half?.intakeStepsMs
      ? Object.fromEntries(Object.entries(half.intakeStepsMs).map(([k, v]) => [k, round(v.p99, 2)]))
      : null,
    accept_to_lead_p50_ms: half ? round(half.acceptToLeadMs.p50, 0) : null,
    accept_to_lead_p99_ms: half ? round(half.acceptToLeadMs.p99, 0) : null,
    cpu_ms_per_complaint: Object.fromEntries(Object.entries(flat.cpu.msPerComplaint).map(([k, v]) => [k, v === null ? null : round(v, 2)])),
    db_commands_per_complaint: flat.dbCommandsPerComplaint
      ? Object.fromEntries(Object.entries(flat.dbCommandsPerComplaint).map(([k, v]) => [k, round(v, 2)]))
      : null,
    machine_busy_pct: flat.cpu.machineBusyPct === null ? null : round(flat.cpu.machineBusyPct, 0),
    wechat_messages_per_s: r.wechat ? round(r.wechat.messagesPerS, 0) : null,
    wechat_first_answer_p99_ms: r.wechat ? round(r.wechat.firstAnswerMs.p99, 0) : null,
    soak_minutes: r.soak?.minutes ?? 0,
    soak_rss_mb: r.soak
      ? { api: [r.soak.api.rssEarlyMb, r.soak.api.rssLateMb], worker: [r.soak.worker.rssEarlyMb, r.soak.worker.rssLateMb] }
      : null,
    soak_backlog_max: r.soak?.backlogMax ?? null,
    ping_round_trip_us: {
      back_to_back: { p50: round(rt.backToBack.p50, 0), p99: round(rt.backToBack.p99, 0) },
      sparse: { p50: round(rt.sparse.p50, 0), p99: round(rt.sparse.p99, 0), gap_ms: rt.gapMs },
    },
    n: r.opts.n,
    worker_concurrency: r.workerConcurrency,
    // The worker's TRIAGE_GATHER_MS when the run set it; null: the app's default.
    gather_ms: r.opts.gatherMs,
    ceilings: Object.fromEntries(r.ceilings.map((c) => [c.stage, round(c.perS, 0)])),
  };
  console.log(JSON.stringify(summary));
}
