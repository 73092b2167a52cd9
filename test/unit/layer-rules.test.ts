import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

type Violation = { rule: string; from: string; to: string };

/** What the check reports on the probe files of test/fixtures/layers (each breaks one rule on purpose). */
function violations(): Violation[] {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      path.join(ROOT, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
    ],
    { cwd: path.join(ROOT, 'test/fixtures/layers'), encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  const result = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  let found: Violation[] = [];
  beforeAll(() => {
    found = violations();
  });

  it('when a service imports mongoose, then the check fails', () => {
    expect(found).toContainEqual(expect.objectContaining({ rule: 'services-use-no-framework', from: 'src/services/uses-mongoose.ts' }));
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'only-the-store-imports-mongoose', from: 'src/services/uses-mongoose.ts' }),
    );
  });

  it('when the domain imports a service, then the check fails', () => {
    expect(found).toContainEqual(expect.objectContaining({ rule: 'domain-imports-nothing-outward', from: 'src/domain/uses-a-service.ts' }));
  });

  it('when an edge reaches into a repository, then the check fails', () => {
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'edges-do-not-reach-into-the-store', from: 'src/http/reads-a-repository.ts' }),
    );
  });

  it('when two modules import each other, then the check fails', () => {
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'no-cycles', from: 'src/triage/cycle-a.ts', to: 'src/triage/cycle-b.ts' }),
    );
  });

  it('when a service imports prom-client, then the check fails', () => {
    expect(found).toContainEqual(
      expect.objectContaining({ rule: 'only-the-metrics-seam-imports-prom-client', from: 'src/services/counts-itself.ts' }),
    );
  });

  it('when the store imports mongoose, then nothing is reported for it', () => {
    expect(found.filter((v) => v.from.startsWith('src/db/'))).toEqual([]);
  });
});
