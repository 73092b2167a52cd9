/**
 * What every case reports. The headline keys are the issue's; a key a run did not measure stays null
 * (e.g. xss_executed until the console case is registered), never a made-up 0.
 */
export const HEADLINE_KEYS = [
  'sent',
  'acknowledged',
  'stored',
  'lost',
  'duplicated',
  'rejected',
  'forged_accepted',
  'cross_area_reads',
  'pii_leaks',
  'xss_executed',
  'unscoped_routes',
  'parallel_login_failures_before_limit',
] as const;

export type HeadlineKey = (typeof HEADLINE_KEYS)[number];
export type Figures = Partial<Record<HeadlineKey, number>> & Record<string, number>;

/** One line of the README table: what was tried, how much, what held. */
export interface Finding {
  tried: string;
  amount: string;
  held: string;
}

export interface CaseResult {
  figures: Figures;
  findings: Finding[];
  /** Each broken promise, in words; empty when the case held. */
  failures: string[];
}

/** Collects figures, findings and failures inside a case. */
export class CaseReport {
  readonly figures: Figures = {};
  readonly findings: Finding[] = [];
  readonly failures: string[] = [];

  add(key: string, n: number): void {
    this.figures[key] = (this.figures[key] ?? 0) + n;
  }

  /** The largest value seen for a key (for maxima such as LLM calls per complaint). */
  max(key: string, n: number): void {
    this.figures[key] = Math.max(this.figures[key] ?? n, n);
  }

  found(tried: string, amount: string | number, held: string): void {
    this.findings.push({ tried, amount: String(amount), held });
  }

  /** Records a failure unless `ok`; returns ok so callers can branch. */
  expect(ok: boolean, failure: string): boolean {
    if (!ok) this.failures.push(failure);
    return ok;
  }

  result(): CaseResult {
    return { figures: this.figures, findings: this.findings, failures: this.failures };
  }
}

/** Sums the cases' figures; maxima (keys starting with max_) take the largest value. */
export function sumFigures(all: Figures[], measured: ReadonlySet<HeadlineKey>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of HEADLINE_KEYS) out[key] = measured.has(key) ? 0 : null;
  for (const f of all) {
    for (const [k, v] of Object.entries(f)) {
      const prev = out[k] ?? 0;
      out[k] = k.startsWith('max_') ? Math.max(prev, v) : prev + v;
    }
  }
  return out;
}
