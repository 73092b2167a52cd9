import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const children = (globalThis as { __testChildren?: ChildProcess[] }).__testChildren ?? [];
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  if (process.env.TEST_TMP_DIR) await rm(process.env.TEST_TMP_DIR, { recursive: true, force: true });
}
