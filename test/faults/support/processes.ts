import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { answers, startFerretDb } from '../../../tools/local-services/local-services';
import { PROJECT_ROOT } from '../../../src/infra/project-root';
import { freePort } from '../../support/free-port';
import { waitFor } from '../../support/test-app';

/** Every line any process of the run printed, for the personal-data scan (case 15). */
export const capturedOutput: { source: string; line: string }[] = [];
const children = new Set<ChildProcess>();
let logDir: string | null = null;
const logFiles = new Map<string, WriteStream>();

/** Also writes each process's output to <dir>/<source>.log (kept with the run's folder when a case fails). */
export function writeLogsTo(dir: string): void {
  mkdirSync(dir, { recursive: true });
  logDir = dir;
}

function capture(child: ChildProcess, source: string, onLine?: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      capturedOutput.push({ source, line });
      if (logDir) {
        let file = logFiles.get(source);
        if (!file)
          logFiles.set(source, (file = createWriteStream(path.join(logDir, `${source.replace(/[^\w.-]/g, '_')}.log`), { flags: 'a' })));
        file.write(`${line}\n`);
      }
      onLine?.(line);
    });
  }
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Sends `signal` and resolves when the process is gone (SIGKILL after `graceMs`). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const r = await done;
  clearTimeout(timer);
  return r;
}

/** Ends every process this run started (by its own handle), e.g. when a case throws. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopChild(c, 'SIGKILL')));
}

/** A redis-server of the suite's own on a free port: with AOF (fsync always) or with no persistence at all. */
export class RedisServer {
  child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
    readonly persistent: boolean,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(dir: string, opts: { persistent: boolean }): Promise<RedisServer> {
    const r = new RedisServer(await freePort(), dir, opts.persistent);
    await r.start();
    return r;
  }

  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const persistence = this.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
    const child = track(
      spawn(
        'redis-server',
        [
          '--bind',
          '127.0.0.1',
          '--port',
          String(this.port),
          '--dir',
          this.dir,
          '--save',
          '',
          ...persistence,
          '--maxmemory-policy',
          'noeviction',
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ),
    );
    capture(child, `redis:${this.port}`);
    this.child = child;
    await waitFor(
      async () => child.exitCode === null && (await answers({ host: '127.0.0.1', port: this.port }, 200)),
      15_000,
      'redis-server',
    );
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopChild(this.child, signal);
    this.child = null;
  }
}

/** A FerretDB of the suite's own (SQLite in its own folder, a free port), that a case may stop and start again. */
export class FerretServer {
  child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  uri(db: string): string {
    return `mongodb://127.0.0.1:${this.port}/${db}`;
  }

  static async start(dir: string): Promise<FerretServer> {
    const f = new FerretServer(await freePort(), dir);
    await f.start();
    return f;
  }

  async start(): Promise<void> {
    this.child = track(await startFerretDb({ host: '127.0.0.1', port: this.port }, this.dir));
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child) await stopChild(this.child, signal);
    this.child = null;
  }
}

export type Role = 'all' | 'api' | 'worker';

/** One `src/main.ts` process (through tsx, as `npm start` runs the build), its output captured line by line. */
export class AppProcess {
  url = '';
  readonly lines: string[] = [];
  private constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {}

  static async start(name: string, role: Role, env: Record<string, string>): Promise<AppProcess> {
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
        cwd: PROJECT_ROOT,
        // Only what the case sets: nothing from the developer's shell (OPENAI_*, .env) leaks in.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          NODE_ENV: 'test',
          ROLE: role,
          PORT: '0',
          AUTO_START_SERVICES: 'false',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const app = new AppProcess(child, name);
    capture(child, name, (line) => {
      app.lines.push(line);
      const m = /API listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1] && !line.startsWith('{')) app.url = m[1];
    });
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} exited during start-up:\n${app.lines.slice(-20).join('\n')}`);
        return app.lines.some((l) => l.includes('"msg":"ready"'));
      },
      60_000,
      `${name} to be ready`,
    );
    return app;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Parsed pino lines with this message. */
  logs(msg: string): Record<string, unknown>[] {
    return this.lines
      .filter((l) => l.startsWith('{') && l.includes(msg))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((o) => o.msg === msg);
  }

  kill(signal: NodeJS.Signals) {
    return stopChild(this.child, signal);
  }
}
