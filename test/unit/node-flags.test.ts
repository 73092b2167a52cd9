import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_NODE_FLAGS, nodeArgs } from '../../bench/node-args';

describe('the bench runs the app with the V8 flags it runs with in production', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('when `npm start` runs the app, then it passes every flag the bench uses, before the script', () => {
    const start = pkg.scripts.start!;
    const node = start.slice(start.indexOf('node '));
    expect(APP_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of APP_NODE_FLAGS) expect(node.indexOf(flag)).toBeGreaterThan(0);
    for (const flag of APP_NODE_FLAGS) expect(node.indexOf(flag)).toBeLessThan(node.indexOf('dist/src/main.js'));
  });

  it('when the bench starts a program, built or from source, then the flags come before everything else', () => {
    for (const fromSource of [false, true]) {
      const args = nodeArgs('src/main', fromSource, { probe: true });
      expect(args.slice(0, APP_NODE_FLAGS.length)).toEqual(APP_NODE_FLAGS);
    }
  });

  it('when node starts with the flags, then it accepts every one of them; a misspelt flag would be refused', () => {
    const r = spawnSync(process.execPath, [...APP_NODE_FLAGS, '-e', "console.log('started')"], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('started');
    const bad = spawnSync(process.execPath, ['--heap-growing-procent=200', '-e', "console.log('started')"], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
