/** A clause: the text between two separators, with its offset in the whole text. */
export interface Clause {
  text: string;
  start: number;
}

// Whitespace separates too: WeChat writers often use a space where a comma belongs.
const SEPARATOR = /[，,。！!？?；;\n\s、：:~～…]+/g;

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let last = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    const at = match.index ?? 0;
    if (at > last) clauses.push({ text: text.slice(last, at), start: last });
    last = at + match[0].length;
  }
  if (last < text.length) clauses.push({ text: text.slice(last), start: last });
  return clauses;
}

/** The clause that holds offset `at`, or null when `at` falls on a separator. */
export function clauseAt(clauses: readonly Clause[], at: number): Clause | null {
  return clauses.find((c) => at >= c.start && at < c.start + c.text.length) ?? null;
}
