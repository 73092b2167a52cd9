import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComplaintChannel } from '../src/domain/triage-result';
import { PROJECT_ROOT } from '../src/infra/project-root';
import { triageByRules } from '../src/triage/rule-triage';

/**
 * `npm run bench:triage`: the rule engine's speed on one core (one Node thread), over the labelled
 * texts the project has. Five timed rounds after a warm-up; the median round is reported.
 */
const SETS = [
  path.resolve(PROJECT_ROOT, '..', 'shared', 'triage', 'dev.jsonl'),
  path.join(PROJECT_ROOT, 'test', 'fixtures', 'triage', 'own-set.jsonl'),
];

const texts = SETS.filter((p) => existsSync(p)).flatMap((p) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { channel: ComplaintChannel; text: string }),
);
if (texts.length === 0) throw new Error('no texts found');

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

for (let i = 0; i < 3; i++) for (const t of texts) triageByRules(t);

const ROUNDS = 5;
const PER_ROUND = Math.max(2000, texts.length * 10);
const rates: number[] = [];
const perText: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) {
    const t0 = process.hrtime.bigint();
    triageByRules(texts[i % texts.length]!);
    perText.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rates.push(PER_ROUND / (Number(process.hrtime.bigint() - start) / 1e9));
}
perText.sort((a, b) => a - b);
const result = {
  texts: texts.length,
  rounds: ROUNDS,
  per_round: PER_ROUND,
  texts_per_s_median: Math.round(median(rates)),
  texts_per_s_rounds: rates.map(Math.round),
  p50_ms: Number(quantile(perText, 0.5).toFixed(3)),
  p99_ms: Number(quantile(perText, 0.99).toFixed(3)),
};
console.log(
  `rule engine, one core: ${result.texts_per_s_median} texts/s (median of ${ROUNDS} rounds), p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms per text`,
);
console.log(JSON.stringify(result));
