import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../src/infra/project-root';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';
/** Go release that FerretDB v1.24.2 was built and tested with; fetched through the module proxy when the local Go is too new. */
const FALLBACK_TOOLCHAIN = 'go1.24.3';

/** The name changes with the patches, so that a binary built without them is not used. */
export const DEFAULT_FERRETDB_BIN = path.join(PROJECT_ROOT, '.tools', 'bin', 'ferretdb-v1.24.2-p4');

/** Resolved from the project root, so the compiled copy under dist/ finds the same files. */
const TOOL_DIR = path.join(PROJECT_ROOT, 'tools', 'ferretdb');
export const PATCH_DIR = path.join(TOOL_DIR, 'patches');
export const GO_SOURCE_DIR = path.join(TOOL_DIR, 'go');
/** Where the added Go files go: they belong to the SQLite backend's package. */
const GO_TARGET_DIR = path.join('internal', 'backends', 'sqlite');

/** A patch that does not fit the downloaded source: another toolchain would not help. */
class PatchError extends Error {}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function filesEndingWith(dir: string, ext: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(dir, f));
}

/** `git apply` in the source tree; the ceiling keeps git from treating an enclosing repository as the root. */
async function gitApply(work: string, args: string[]): Promise<void> {
  await run('git', ['apply', ...args], { cwd: work, env: { ...process.env, GIT_CEILING_DIRECTORIES: path.dirname(work) } });
}

/**
 * Applies tools/ferretdb/patches in order and copies tools/ferretdb/go into the SQLite backend. Each
 * patch is checked first, so one that no longer fits is named instead of half applied.
 */
export async function patchFerretDbSource(work: string): Promise<void> {
  for (const patch of await filesEndingWith(PATCH_DIR, '.patch')) {
    try {
      await gitApply(work, ['--check', patch]);
    } catch (err) {
      const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim();
      throw new PatchError(`${path.relative(PROJECT_ROOT, patch)} does not apply to FerretDB ${FERRETDB_VERSION}: ${detail}`);
    }
    await gitApply(work, [patch]);
  }
  for (const file of await filesEndingWith(GO_SOURCE_DIR, '.go')) {
    await copyFile(file, path.join(work, GO_TARGET_DIR, path.basename(file)));
  }
}

/**
 * Builds FerretDB from the Go module proxy into `.tools/bin` (see tools/ferretdb/README.md).
 *
 * A plain `go install …@v1.24.2` compiles, but the binary panics at start: the module zip lacks
 * build/version/version.txt, which FerretDB's own build generates. So the module is downloaded
 * (`go mod download`, the same source `go install` uses), that file is written, the patches are
 * applied, and the command is built from the result.
 */
export async function installFerretDb(bin = DEFAULT_FERRETDB_BIN, say: (line: string) => void = console.error): Promise<string> {
  if (await exists(bin)) return bin;
  say(
    `FerretDB ${FERRETDB_VERSION} is not installed: compiling it from the Go module proxy into ${path.dirname(bin)} (first time only, takes a few minutes)…`,
  );
  const attempt = async (toolchain?: string): Promise<void> => {
    const env = { ...process.env, GOFLAGS: '-mod=mod', ...(toolchain ? { GOTOOLCHAIN: toolchain } : {}) };
    const { stdout } = await run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      env,
      cwd: tmpdir(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
    if (!dir) throw new Error('go mod download did not report a module directory');
    const work = await mkdtemp(path.join(tmpdir(), 'ferretdb-src-'));
    try {
      await cp(dir, work, { recursive: true });
      await run('chmod', ['-R', 'u+w', work]);
      await writeFile(path.join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
      await patchFerretDbSource(work);
      await mkdir(path.dirname(bin), { recursive: true });
      const tmpBin = `${bin}.tmp-${process.pid}`;
      await run('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], { env, cwd: work, maxBuffer: 16 * 1024 * 1024 });
      await chmod(tmpBin, 0o755);
      await run('mv', ['-f', tmpBin, bin]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
  try {
    await attempt();
  } catch (err) {
    if (err instanceof PatchError) throw err;
    say(
      `Building with the machine's Go failed (${(err as Error).message.split('\n')[0]}); retrying with GOTOOLCHAIN=${FALLBACK_TOOLCHAIN}…`,
    );
    await attempt(FALLBACK_TOOLCHAIN);
  }
  say(`FerretDB installed at ${bin}`);
  return bin;
}
