import os from 'node:os';
import { runBareChain, type BareChain } from './bare-chain';
import { bullmqCeilings, httpCeiling, mongoCeilings, roundTrips, type Ceiling } from './ceilings';
import { runEndToEnd, type EndToEnd } from './end-to-end';
import { parseBenchOptions } from './options';
import { BENCH_SECRET, startPipeline } from './pipeline';
import { printReport } from './report';
import { runSoak, type Soak } from './soak';
import { memoryOf, startBenchStack, stopEverything } from './stack';
import { signedRequest, transcript } from './transcripts';
import { runWechatPath, type WechatPath } from './wechat-path';

/**
 * `npm run bench`: how close the pipeline comes to what its parts can do on this machine, in one
 * run. Starts its own FerretDB and redis-server, runs the API and the worker as separate processes
 * (the built app), and prints a table and, as its last line, one JSON object.
 */
async function main(): Promise<void> {
  const opts = parseBenchOptions(process.argv.slice(2));
  const say = (line: string) => console.error(`[bench] ${line}`);
  const stack = await startBenchStack(process.env.FERRETDB_BIN);
  // The app's TRIAGE_CONCURRENCY default unless given: the empty-job ceiling and the worker use the same.
  const workerConcurrency = opts.workerConcurrency || 64;
  try {
    say(`ceilings (${opts.ceilingN} each)`);
    const ceilings: Ceiling[] = [
      ...(await bullmqCeilings(stack.redisUrl, opts.ceilingN, opts.connections, workerConcurrency)),
      ...(await mongoCeilings(stack.mongoBase, opts.ceilingN, opts.connections)),
      await httpCeiling(
        opts.ceilingN,
        opts.connections,
        {
          path: '/api/hotline/transcripts',
          ...signedRequest(BENCH_SECRET, transcript('ceiling', 1)),
        },
        opts.fromSource,
      ),
    ];
    for (const c of ceilings) say(`  ${c.stage}: ${Math.round(c.perS)}/s`);
    const trips = await roundTrips(stack.redisUrl, opts.ceilingN > 1000 ? 2000 : 200, opts.ceilingN > 1000 ? 200 : 20);
    say(
      `  redis PING round trip p50 back to back ${Math.round(trips.backToBack.p50)} µs, one every ${trips.gapMs} ms ${Math.round(trips.sparse.p50)} µs`,
    );

    say(`bare chain, flat out: ${opts.n} transcripts (the raw steps once each, no domain work)`);
    const bare: BareChain = await runBareChain(stack, opts.n, opts.connections, opts.fromSource);
    say(`  accepted ${Math.round(bare.acceptedPerS)}/s, processed ${Math.round(bare.processedPerS)}/s`);

    say(`end to end, flat out: ${opts.n} transcripts`);
    const runs: EndToEnd[] = [];
    let p = await startPipeline(stack, 'flat', {
      workerConcurrency,
      gatherMs: opts.gatherMs,
      cpuProf: opts.cpuProf,
      fromSource: opts.fromSource,
    });
    runs.push(await runEndToEnd(p, opts.n, { connections: opts.connections }).finally(() => p.stop()));
    say(`  accepted ${Math.round(runs[0]!.acceptedPerS)}/s, processed ${Math.round(runs[0]!.processedPerS)}/s`);

    const half = Math.max(1, runs[0]!.processedPerS / 2);
    say(`end to end, half load: ${opts.n} transcripts at ${Math.round(half)}/s`);
    p = await startPipeline(stack, 'half', {
      workerConcurrency,
      gatherMs: opts.gatherMs,
      cpuProf: opts.cpuProf,
      fromSource: opts.fromSource,
    });
    let wechat: WechatPath | null = null;
    try {
      runs.push(await runEndToEnd(p, opts.n, { ratePerS: half, warmUpS: 5 }));
      say(`wechat path: ${opts.wechatContacts} contacts`);
      wechat = await runWechatPath(stack, p, opts.wechatContacts, opts.fromSource);
    } finally {
      await p.stop();
    }

    let soak: Soak | null = null;
    if (opts.soakMinutes > 0) {
      say(`soak: ${opts.soakMinutes} min at ${Math.round(half)}/s`);
      p = await startPipeline(stack, 'soak', { workerConcurrency, gatherMs: opts.gatherMs, cpuProf: false, fromSource: opts.fromSource });
      soak = await runSoak(p, half, opts.soakMinutes).finally(() => p.stop());
    }
    const servers = { ferretdb: await memoryOf(stack.ferretPid), redis: await memoryOf(stack.redisPid) };
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      load1: Number(os.loadavg()[0]!.toFixed(2)),
    };
    printReport({ opts, ceilings, roundTrips: trips, bare, runs, wechat, soak, servers, machine, workerConcurrency });
  } finally {
    await stack.stop();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping the processes it started`);
    void stopEverything().finally(() => process.exit(130));
  });

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  },
);
