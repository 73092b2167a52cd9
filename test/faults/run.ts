/**
 * The fault, bad-input and security suite (issue 8): `npm run test:faults [-- --quick] [-- --only=id,id]`.
 * Starts its own FerretDB and redis-server (and, per case, processes it can kill), runs every registered
 * case, prints a table of what was tried and what held, and as its very last line one JSON object of figures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CASES } from './cases';
import { HEADLINE_KEYS, sumFigures, type CaseResult, type HeadlineKey } from './support/figures';
import { FerretServer, RedisServer, stopAllChildren, writeLogsTo } from './support/processes';
import type { FaultCase, SuiteEnv } from './support/suite';
import { TEST_HOTLINE_SECRET } from '../support/test-app';

function parseArgs(argv: string[]) {
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',')
    .filter(Boolean);
  return { quick: argv.includes('--quick'), only, list: argv.includes('--list') };
}

const say = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const c of CASES) console.log(`${String(c.issueCase).padStart(2)} ${c.id.padEnd(22)} ${c.quick ? 'quick' : 'full '} ${c.title}`);
    return 0;
  }
  const chosen: FaultCase[] = CASES.filter((c) => (args.only ? args.only.includes(c.id) : !args.quick || c.quick));
  if (chosen.length === 0) throw new Error(`no case matches; known: ${CASES.map((c) => c.id).join(', ')}`);

  const dir = await mkdtemp(path.join(tmpdir(), 'wa-faults-'));
  const started = Date.now();
  const results: { c: FaultCase; r: CaseResult; seconds: number }[] = [];
  try {
    say(`starting the suite's own FerretDB and redis-server in ${dir}`);
    writeLogsTo(path.join(dir, 'logs'));
    const env: SuiteEnv = {
      dir,
      ferret: await FerretServer.start(path.join(dir, 'shared-ferret')),
      redis: await RedisServer.start(path.join(dir, 'shared-redis'), { persistent: true }),
      quick: args.quick,
      secret: TEST_HOTLINE_SECRET,
      scale: Number(process.env.FAULTS_SCALE ?? '1') || 1,
    };
    // In-process cases reuse the integration tests' helpers (testConfig / startTestApp) on these services.
    process.env.TEST_MONGODB_URL = `mongodb://127.0.0.1:${env.ferret.port}`;
    process.env.TEST_REDIS_URL = env.redis.url;
    process.env.TEST_TMP_DIR = dir;

    for (const c of chosen) {
      say(`── case ${c.issueCase} ${c.id}: ${c.title}`);
      const t0 = Date.now();
      let r: CaseResult;
      try {
        r = await c.run(env);
      } catch (err) {
        r = { figures: {}, findings: [], failures: [`the case crashed: ${(err as Error).stack ?? String(err)}`] };
      }
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      results.push({ c, r, seconds });
      say(`   ${r.failures.length ? 'FAILED' : 'held'} in ${seconds} s${r.failures.map((f) => `\n   ✗ ${f}`).join('')}`);
    }
  } finally {
    await stopAllChildren();
    // Kept when something failed: the servers' own logs (ferretdb.log, redis) are in it.
    if (results.some((x) => x.r.failures.length)) say(`kept ${dir} for the servers' logs`);
    else await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }

  const measured = new Set<HeadlineKey>(results.flatMap((x) => x.c.measures));
  const figures = sumFigures(
    results.map((x) => x.r.figures),
    measured,
  );
  const failures = results.flatMap((x) => x.r.failures.map((f) => `case ${x.c.issueCase} ${x.c.id}: ${f}`));
  const seconds = Math.round((Date.now() - started) / 1000);

  console.log('| # | case | what was tried | how much | what held |');
  console.log('|---|---|---|---|---|');
  for (const { c, r } of results) {
    for (const f of r.findings) console.log(`| ${c.issueCase} | ${c.id} | ${f.tried} | ${f.amount} | ${f.held} |`);
    if (r.failures.length)
      console.log(`| ${c.issueCase} | ${c.id} | **FAILED** | | ${r.failures.join('; ').replace(/\|/g, '/').replace(/\n/g, ' ')} |`);
  }
  console.log('');
  console.log(`cases: ${results.map((x) => `${x.c.id} ${x.seconds}s`).join(', ')}; total ${seconds} s`);
  const notRun = CASES.filter((c) => !chosen.includes(c)).map((c) => c.id);
  if (notRun.length) console.log(`not run: ${notRun.join(', ')}`);
  for (const f of failures) console.log(`FAILED ${f}`);
  const ordered: Record<string, number | null | boolean | string[]> = {};
  for (const k of HEADLINE_KEYS) ordered[k] = figures[k] ?? null;
  for (const [k, v] of Object.entries(figures)) if (!(k in ordered)) ordered[k] = v;
  ordered.cases = results.map((x) => x.c.id);
  ordered.failed_cases = results.filter((x) => x.r.failures.length).map((x) => x.c.id);
  ordered.seconds = seconds;
  console.log(JSON.stringify(ordered));
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    await stopAllChildren();
    console.error((err as Error).stack ?? String(err));
    process.exit(2);
  },
);
