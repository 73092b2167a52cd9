import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const tsx = (f: string) => path.join(ROOT, 'node_modules', 'tsx', 'dist', f);

/** `npm run bench` with tiny numbers, from source: it must keep running end to end and print its summary last. */
describe('npm run bench, smoke run', () => {
  it('when run with tiny numbers, then its last line is the JSON summary with every key', async () => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        tsx('preflight.cjs'),
        '--import',
        `file://${tsx('loader.mjs')}`,
        'bench/run.ts',
        '--quick',
        '--n',
        '30',
        '--soak-minutes',
        '0',
        '--gather-ms',
        '20',
        '--from-source',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Interrupted, the bench stops what it started; the test never leaves it running.
    const timer = setTimeout(() => child.kill('SIGTERM'), 200_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    if (code !== 0) throw new Error(`bench exited with ${code}:\n${err.slice(-3000)}`);
    const last = out.trim().split('\n').at(-1)!;
    const summary = JSON.parse(last) as Record<string, unknown>;
    for (const key of [
      'slowest_ceiling_stage',
      'slowest_ceiling_per_s',
      'end_to_end_per_s',
      'ratio_to_slowest_ceiling',
      'accept_p99_ms',
      'accept_to_lead_p99_ms',
    ])
      expect(summary).toHaveProperty(key);
    expect(typeof summary.slowest_ceiling_stage).toBe('string');
    expect(summary.end_to_end_per_s).toBeGreaterThan(0);
    expect(summary.accept_to_lead_p99_ms).toBeGreaterThanOrEqual(0);
    expect(out).toContain('| end to end |');
    // The bare chain (the raw steps once each, no domain work) ran in the same run; it reports only once every accepted complaint has its lead.
    expect(summary.bare_chain_per_s).toBeGreaterThan(0);
    expect(summary.bare_chain_ratio_to_slowest_ceiling).toBeGreaterThan(0);
    expect(out).toMatch(/Bare chain, flat out \(30 transcripts.*processed \d+\/s = [\d.]+ % of the slowest ceiling/);
    // The yardstick: end to end against the bare chain of the same run, and the CPU each spends per complaint.
    expect(summary.ratio_to_bare_chain).toBeCloseTo((summary.end_to_end_per_s as number) / (summary.bare_chain_per_s as number), 1);
    expect(summary.cpu_ms_per_complaint_total).toBeGreaterThan(0);
    expect(summary.bare_chain_cpu_ms_per_complaint_total).toBeGreaterThan(0);
    expect(out).toMatch(
      /End to end ÷ bare chain, flat out: [\d.]+ \(\d+\/s ÷ \d+\/s\); CPU per complaint, API \+ worker \+ FerretDB \+ Redis: [\d.]+ ms against [\d.]+ ms/,
    );
    // The worker setting the run was given is recorded with its figures.
    expect(summary.gather_ms).toBe(20);
    // Where the CPU went: every process of the pipeline used some for the complaints, and the machine was busy.
    const cpu = summary.cpu_ms_per_complaint as Record<string, number | null>;
    for (const k of ['api', 'worker', 'ferretdb', 'redis', 'load']) expect(cpu[k]).toBeGreaterThan(0);
    expect(summary.machine_busy_pct).toBeGreaterThan(0);
    expect(summary.machine_busy_pct).toBeLessThanOrEqual(100);
    expect(out).toContain('| CPU per complaint, first request to last processed |');
    // The machine's own round trip, busy and idle, is measured alongside.
    const rt = summary.ping_round_trip_us as { back_to_back: { p50: number }; sparse: { p50: number; gap_ms: number } };
    expect(rt.back_to_back.p50).toBeGreaterThan(0);
    expect(rt.sparse.p50).toBeGreaterThan(0);
    expect(rt.sparse.gap_ms).toBe(25);
    expect(out).toMatch(/Round trip to Redis \(PING\)/);
    // Intake's own steps, from the API's Server-Timing: each measured, and inside less than the client saw.
    const inside = summary.accept_inside_p99_ms as Record<string, number>;
    expect(Object.keys(inside).sort()).toEqual(['inside', 'note', 'queue', 'store']);
    expect(inside.store).toBeGreaterThan(0);
    expect(inside.inside).toBeGreaterThanOrEqual(inside.store!);
    expect(inside.inside).toBeLessThanOrEqual(summary.accept_p99_ms as number);
    expect(out).toContain('| intake inside the API (Server-Timing), p50 / p99 ms |');
  }, 240_000);
});
