import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The nice value of every thread of a process, from /proc/<pid>/task/<tid>/stat (field 19). */
const THREAD_NICES = `
const { readdirSync, readFileSync } = require('node:fs');
const nices = () => readdirSync('/proc/self/task').map((t) => {
  const s = readFileSync('/proc/self/task/' + t + '/stat', 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[16]);
});
`;

describe('a worker process gives up CPU priority as a whole', () => {
  it('when the priority is lowered, then every thread of the process has it, not only the main thread', () => {
    const module = path.join(__dirname, '../../src/infra/process-priority.ts');
    const script = `${THREAD_NICES}
      const { lowerProcessPriority } = require(${JSON.stringify(module)});
      const before = nices();
      const target = Math.min(19, before[0] + 7);
      const set = lowerProcessPriority(target);
      // A pool thread started afterwards inherits it too.
      require('node:crypto').pbkdf2Sync('x', 'y', 1, 8, 'sha256');
      require('node:zlib').deflate(Buffer.alloc(10), () => console.log(JSON.stringify({ before, target, set, after: nices() })));`;
    const out = execFileSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8' });
    const { before, target, set, after } = JSON.parse(out.trim()) as { before: number[]; target: number; set: number; after: number[] };
    expect(before.length).toBeGreaterThan(1); // V8's helper threads exist from the start
    expect(before.every((n) => n < target)).toBe(true);
    expect(set).toBe(before.length);
    expect(after.length).toBeGreaterThanOrEqual(before.length);
    expect(after.every((n) => n === target)).toBe(true);
  });
});
