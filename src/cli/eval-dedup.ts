import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchScore, nameKey } from '../domain/case-matching';
import { routeLead } from '../domain/routing';
import { PROJECT_ROOT } from '../infra/project-root';
import { TAOYUAN_TOWNSHIPS } from '../triage/lexicon/taoyuan-gazetteer';
import { triageByRules } from '../triage/rule-triage';

/**
 * `npm run eval:dedup [-- pairs.jsonl]`: the merge decision (rules triage → name keys → match score)
 * on labelled complaint pairs; prints the misses, then precision and recall of "same case".
 */
interface Pair {
  id: string;
  a: string;
  b: string;
  same_case: boolean;
}

const file = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'test', 'fixtures', 'dedup', 'pairs.jsonl'));
const pairs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Pair);

const side = (text: string) => {
  const t = triageByRules({ channel: text.includes('来电人：') ? 'hotline' : 'wechat', text });
  return {
    employer: t.employer,
    employerKey: nameKey(t.employer),
    projectKey: nameKey(t.project),
    area: routeLead(t, TAOYUAN_TOWNSHIPS).area,
    sector: t.sector,
    project: t.project,
  };
};

let tp = 0;
let fp = 0;
let fn = 0;
let tn = 0;
for (const p of pairs) {
  const a = side(p.a);
  const b = side(p.b);
  const predicted = matchScore(a, b) > 0;
  if (predicted && p.same_case) tp++;
  else if (predicted) fp++;
  else if (p.same_case) fn++;
  else tn++;
  if (predicted !== p.same_case) {
    console.log(
      JSON.stringify({
        id: p.id,
        gold: p.same_case,
        got: predicted,
        a: [a.employer, a.project, a.area],
        b: [b.employer, b.project, b.area],
      }),
    );
  }
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const result = {
  pairs: pairs.length,
  tp,
  fp,
  fn,
  tn,
  precision: round(tp / Math.max(1, tp + fp)),
  recall: round(tp / Math.max(1, tp + fn)),
};
console.log(JSON.stringify(result));
