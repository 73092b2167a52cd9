/**
 * Pairwise scores of de-duplication against a labelled set: a pair of complaints is "together" when
 * they ended in the same case, and should be when they have the same gold case.
 */
export interface Placed {
  id: string;
  gold: string;
  /** The case the complaint ended in; null when it became no case (each such complaint stands alone). */
  leadId: string | null;
}

export interface PairFigures {
  goldPairs: number;
  foundPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function figures(
  items: readonly Placed[],
  together: (a: Placed, b: Placed) => boolean,
): PairFigures & { wrong: [Placed, Placed][]; missed: [Placed, Placed][] } {
  let goldPairs = 0;
  let foundPairs = 0;
  let truePairs = 0;
  const wrong: [Placed, Placed][] = [];
  const missed: [Placed, Placed][] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const gold = a.gold === b.gold;
      const found = together(a, b);
      if (gold) goldPairs++;
      if (found) foundPairs++;
      if (gold && found) truePairs++;
      else if (found) wrong.push([a, b]);
      else if (gold) missed.push([a, b]);
    }
  return {
    goldPairs,
    foundPairs,
    truePairs,
    precision: round(foundPairs ? truePairs / foundPairs : 1),
    recall: round(goldPairs ? truePairs / goldPairs : 1),
    wrong,
    missed,
  };
}

/** The automatic merges: complaints in one case. */
export function automaticFigures(items: readonly Placed[]) {
  return figures(items, (a, b) => a.leadId !== null && a.leadId === b.leadId);
}

/**
 * The suggestions on their own: a pair of complaints is suggested when their cases are possible
 * duplicates of each other. Recall is over the gold pairs the automatic merges missed.
 */
export function suggestionFigures(items: readonly Placed[], suggested: ReadonlySet<string>) {
  const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const linked = (a: Placed, b: Placed) => a.leadId !== null && b.leadId !== null && suggested.has(pairKey(a.leadId, b.leadId));
  const all = figures(items, linked);
  const missedByMerges = automaticFigures(items).missed;
  const recovered = missedByMerges.filter(([a, b]) => linked(a, b)).length;
  return {
    suggestedPairs: all.foundPairs,
    precision: all.precision,
    recall: round(missedByMerges.length ? recovered / missedByMerges.length : 1),
    wrong: all.wrong,
  };
}

/** Every suggestion merged, as a supervisor taking each would: the pairs together then. */
export function figuresIfAllMerged(items: readonly Placed[], suggestedPairs: readonly [string, string][]) {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  for (const [x, y] of suggestedPairs) parent.set(find(x), find(y));
  const { precision, recall } = figures(items, (a, b) => a.leadId !== null && b.leadId !== null && find(a.leadId) === find(b.leadId));
  return { precision, recall };
}
