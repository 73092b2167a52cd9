/** One answer of the consultation FAQ, as the bureau keeps it (console: 常见问题). */
export interface FaqEntry {
  /** Stable id, recorded with a consultation's disposition. */
  id: string;
  /**
   * What a question must contain for this answer: any one keyword matches; a keyword of terms joined
   * with “+” matches when every term is there (包工头+跑).
   */
  keywords: string[];
  answer: string;
  /** The legal source, e.g. 《保障农民工工资支付条例》第三十条. */
  source: string;
  enabled: boolean;
  /** Breaks ties between matches: the smaller first. */
  order: number;
  updatedAt: Date;
  /** The admin's username, or `system` for the shipped entries. */
  updatedBy: string;
}

export type FaqInput = Pick<FaqEntry, 'keywords' | 'answer' | 'source' | 'order' | 'enabled'>;

/** What a consultation is answered with. */
export interface FaqHit {
  id: string;
  answer: string;
  source: string;
}

export const FAQ_FALLBACK: FaqHit = {
  id: 'how_to_report',
  answer: '如遇工资被拖欠，请直接告诉我们：欠钱的单位或老板、在哪里做事、欠多少钱、几个人、您的联系电话，我们会登记并安排核实处理。',
  source: '《保障农民工工资支付条例》第九条',
};

export const FAQ_LIMITS = { keywords: 30, keywordChars: 30, answerChars: 1000, sourceChars: 200 } as const;

/** Full-width digits and letters as ASCII, Latin letters lower-case: １２３４５ finds 12345. */
export function normalizeFaqText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** How well one keyword fits the text: the length of what it matched, 0 when it does not. */
function keywordScore(keyword: string, text: string): number {
  const terms = normalizeFaqText(keyword)
    .split('+')
    .map((t) => t.trim())
    .filter(Boolean);
  if (terms.length === 0 || !terms.every((t) => text.includes(t))) return 0;
  return terms.reduce((n, t) => n + t.length, 0);
}

/**
 * The answer to a question: of the enabled entries, the one whose matching keyword is longest (the
 * most specific: 工资保证金 before 工资), the smaller order on a tie; the general answer when none fits.
 */
export function matchFaq(entries: readonly FaqEntry[], text: string): FaqHit {
  const t = normalizeFaqText(text);
  let best: { entry: FaqEntry; score: number } | null = null;
  for (const entry of entries) {
    if (!entry.enabled) continue;
    const score = Math.max(0, ...entry.keywords.map((k) => keywordScore(k, t)));
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && entry.order < best.entry.order)) best = { entry, score };
  }
  return best ? { id: best.entry.id, answer: best.entry.answer, source: best.entry.source } : FAQ_FALLBACK;
}

/** The answer as the worker reads it, with its source. */
export function faqReply(hit: FaqHit): string {
  return `${hit.answer}\n（依据：${hit.source}）`;
}
