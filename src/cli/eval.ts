import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../infra/project-root';

/**
 * `npm run eval [-- GOLD.jsonl]`: runs the triage command on a labelled set (default
 * ../shared/triage/dev.jsonl) and prints the shared scorer's misses and scores.
 */
const shared = path.resolve(PROJECT_ROOT, '..', 'shared', 'triage');

function run(cmd: string, args: string[], io: { stdin?: string; stdout?: string } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'inherit', 'inherit'] });
    if (io.stdin && child.stdin) createReadStream(io.stdin).pipe(child.stdin);
    if (io.stdout && child.stdout) child.stdout.pipe(createWriteStream(io.stdout));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const gold = path.resolve(process.argv[2] ?? path.join(shared, 'dev.jsonl'));
  const dir = await mkdtemp(path.join(tmpdir(), 'triage-eval-'));
  try {
    const out = path.join(dir, 'out.jsonl');
    await run(process.execPath, [...process.execArgv, path.join(PROJECT_ROOT, 'src', 'cli', 'triage.ts')], { stdin: gold, stdout: out });
    console.log(`# ${path.relative(process.cwd(), gold)}: misses (one per line), then scores`);
    await run(process.execPath, [path.join(shared, 'score.mjs'), gold, out, '--misses']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`eval: ${(err as Error).message}`);
  process.exit(1);
});
