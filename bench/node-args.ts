import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/infra/project-root';

/**
 * The V8 flags the app runs with: `npm start` passes the same (package.json, checked by a unit test),
 * so the bench measures the app as it runs.
 * - A young generation of 64 MB semi-spaces instead of 16: a request's or a triage job's garbage dies
 *   young instead of being promoted, so scavenges are a quarter as frequent.
 * - The old generation may grow to three times what the last full collection left
 *   (`--heap-growing-percent=200`) before the next one. V8's own choice for a process that allocates
 *   slowly is far tighter: under a steady load the API then ran a full collection every few seconds,
 *   each a pause in intake's tail latency. This trades some memory per process for rare ones.
 * Neither may be set in NODE_OPTIONS; the second is refused there, so launchers pass them to node.
 */
export const APP_NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=200'];

/**
 * How the bench starts a Node program of the project: the built JavaScript (`npm run bench` first
 * builds the app and the bench with bench/tsconfig.json, and that is what is measured), or the
 * TypeScript through tsx (`--from-source`, for the smoke test, which must not wait for a build).
 * `file` is relative to the project, without extension.
 */
export function nodeArgs(file: string, fromSource: boolean, opts: { probe?: boolean } = {}): string[] {
  const probe = 'bench/process-probe';
  if (!fromSource) {
    const js = (f: string) => path.join(PROJECT_ROOT, 'dist', `${f}.js`);
    return [...APP_NODE_FLAGS, ...(opts.probe ? ['--require', js(probe)] : []), js(file)];
  }
  const tsx = (f: string) => path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', f);
  const ts = (f: string) => path.join(PROJECT_ROOT, `${f}.ts`);
  return [
    ...APP_NODE_FLAGS,
    '--require',
    tsx('preflight.cjs'),
    '--import',
    pathToFileURL(tsx('loader.mjs')).href,
    ...(opts.probe ? ['--import', pathToFileURL(ts(probe)).href] : []),
    ts(file),
  ];
}
