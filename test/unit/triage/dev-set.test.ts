import { readFileSync } from 'node:fs';
import path from 'node:path';
import { triageByRules } from '../../../src/triage/rule-triage';
import { CATEGORIES, type TriageResult } from '../../../src/domain/triage-result';

interface LabelledItem {
  id: string;
  channel: 'wechat' | 'hotline';
  text: string;
  gold: TriageResult;
}

const DEV_PATH = path.resolve(__dirname, '../../../../shared/triage/dev.jsonl');
// Written by another annotator from LABELS.md alone, never tuned against as a whole (see README).
const OWN_SET_PATH = path.resolve(__dirname, '../../../test/fixtures/triage/own-set.jsonl');
const BLIND_SET_PATH = path.resolve(__dirname, '../../../test/fixtures/triage/blind-set.jsonl');
const TEXT_FIELDS = ['employer', 'project', 'location'] as const;
const FIELDS = [...TEXT_FIELDS, 'amount_yuan', 'worker_count', 'phone', 'sector', 'urgency'] as const;
// The same generic words as shared/triage/score.mjs.
const GENERIC = /有限责任公司|股份有限公司|有限公司|公司|集团|项目部|项目|工程|工地|劳务队|老板|包工头|街道|镇|乡|村|区|县|市|省/g;

const isNull = (v: unknown): boolean => v === null || v === undefined || v === '';
const squash = (s: unknown): string => String(s).replace(/[\s\p{P}\p{S}]/gu, '');

function textMatch(gold: unknown, got: unknown): boolean {
  if (isNull(gold) && isNull(got)) return true;
  if (isNull(gold) || isNull(got)) return false;
  const a = squash(gold);
  const b = squash(got);
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.includes(shorter) && shorter.replace(GENERIC, '').length >= 2;
}

function fieldMatch(field: (typeof FIELDS)[number], gold: unknown, got: unknown): boolean {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return textMatch(gold, got);
  if (isNull(gold) && isNull(got)) return true;
  if (isNull(gold) || isNull(got)) return false;
  if (field === 'amount_yuan') return Math.abs(Number(gold) - Number(got)) <= 0.5;
  return String(gold) === String(got);
}

describe.each([
  { name: 'shared/triage/dev.jsonl', file: DEV_PATH, minCategory: 0.97, minFields: 0.96 },
  { name: 'test/fixtures/triage/own-set.jsonl', file: OWN_SET_PATH, minCategory: 0.93, minFields: 0.95 },
  // Tuned on since its first blind run; kept as a regression floor, not a measure of generality.
  { name: 'test/fixtures/triage/blind-set.jsonl', file: BLIND_SET_PATH, minCategory: 0.95, minFields: 0.95 },
  // The newest sets, once studied: floors a change to the rules must not fall below.
  ...[
    'blind-set-9',
    'blind-set-10',
    'blind-set-11',
    'blind-set-12',
    'blind-set-13',
    'blind-set-14',
    'blind-set-15',
    'blind-set-16',
    'blind-set-17',
    'blind-set-18',
    'blind-set-19',
    'blind-set-20',
    'blind-set-21',
    'blind-set-22',
    'blind-set-23',
    'blind-set-24',
    'blind-set-25',
    'blind-set-26',
    'blind-set-27',
    'blind-set-28',
    'blind-set-29',
  ].map((set) => ({
    name: `test/fixtures/triage/${set}.jsonl`,
    file: path.resolve(__dirname, `../../../test/fixtures/triage/${set}.jsonl`),
    minCategory: 0.96,
    minFields: 0.94,
  })),
])('the rule engine on $name', ({ file, minCategory, minFields }) => {
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledItem);
  const results = items.map((item) => ({ item, got: triageByRules({ channel: item.channel, text: item.text }) }));

  it('when every labelled example is triaged, then category accuracy reaches its floor and every category is used', () => {
    const right = results.filter(({ item, got }) => got.category === item.gold.category).length;
    expect(right / items.length).toBeGreaterThanOrEqual(minCategory);
    expect(new Set(results.map((r) => r.got.category))).toEqual(new Set(CATEGORIES));
  });

  it('when the wage-arrears examples are triaged, then the mean field accuracy reaches its floor', () => {
    const wage = results.filter(({ item }) => item.gold.category === 'wage_arrears');
    const perField = FIELDS.map(
      (field) => wage.filter(({ item, got }) => fieldMatch(field, item.gold[field], got[field])).length / wage.length,
    );
    const mean = perField.reduce((sum, x) => sum + x, 0) / FIELDS.length;
    expect(mean).toBeGreaterThanOrEqual(minFields);
  });
});
