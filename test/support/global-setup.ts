import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answers, startFerretDb, startRedis } from '../../tools/local-services/local-services';
import { freePort } from './free-port';

/**
 * Real services for the whole run: a FerretDB of its own (SQLite in a temp dir, a free port), and the
 * machine's Redis at 6379 (or a redis-server of its own when nothing answers there). Tests isolate
 * with their own database names and queue prefixes.
 */
export default async function globalSetup(): Promise<void> {
  const children: ChildProcess[] = [];
  const dir = await mkdtemp(path.join(tmpdir(), 'wa-test-'));
  if (!process.env.TEST_MONGODB_URL) {
    const port = await freePort();
    children.push(await startFerretDb({ host: '127.0.0.1', port }, dir, process.env.FERRETDB_BIN, (l) => console.log(l)));
    process.env.TEST_MONGODB_URL = `mongodb://127.0.0.1:${port}`;
  }
  if (!process.env.TEST_REDIS_URL) {
    if (await answers({ host: '127.0.0.1', port: 6379 })) {
      process.env.TEST_REDIS_URL = 'redis://127.0.0.1:6379';
    } else {
      const port = await freePort();
      children.push(await startRedis({ host: '127.0.0.1', port }, dir));
      process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
    }
  }
  process.env.TEST_TMP_DIR = dir;
  (globalThis as { __testChildren?: ChildProcess[] }).__testChildren = children;
}
