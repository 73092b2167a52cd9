import { nameStart, widestSpans, withoutWords, type Span } from './name-span';
import { placeChainAt } from './place-chain';

/** How the name of a site or project ends. 工业园 is left out: it names a place, not a project. */
const PROJECT_SUFFIX =
  /项目(?!部|经理|上的人|负责人)|工程(?!有限|公司|队|师|款|部|延期)|工地|小区|花园|家园|安置房|安置区|广场|大厦|大楼|楼盘|物流园|产业园|度假村|公寓|新村|新城|[一二三四五六七八九十\d]期(?!间)/g;

/** Words that say "a project" without naming one. */
const GENERIC_PROJECT_WORDS = [
  '项目',
  '工程',
  '工地',
  '那个',
  '这个',
  '一个',
  '那些',
  '这边',
  '那边',
  '建设',
  '建筑',
  '施工',
  '装修',
  '安置',
];

/** Drops leading county/town names (三阳港镇滨河安置房工程 → 滨河安置房工程); villages and roads stay. */
function withoutLeadingPlace(text: string, span: Span): Span {
  const chain = placeChainAt(span.text, 0);
  if (!chain) return span;
  const kept = chain.parts.findIndex((p) => p.level === 'village' || p.level === 'road');
  const cut = chain.parts.slice(0, kept === -1 ? undefined : kept).reduce((n, p) => n + p.text.length, 0);
  const start = span.start + cut;
  return { text: text.slice(start, span.end), start, end: span.end };
}

/** The named project, site or estate (LABELS.md project), outside the employer's name. */
export function extractProject(maskedText: string): string | null {
  const spans: Span[] = [];
  for (const match of maskedText.matchAll(PROJECT_SUFFIX)) {
    const suffixStart = match.index ?? 0;
    let end = suffixStart + match[0].length;
    const start = nameStart(maskedText, suffixStart, 14);
    let span = withoutLeadingPlace(maskedText, { text: maskedText.slice(start, end), start, end });
    // 御景湾三期工地 names the estate; 工地 only says it is a site.
    if (span.text.endsWith('工地') && span.text.length > 4) {
      end -= 2;
      span = { text: span.text.slice(0, -2), start: span.start, end };
    }
    if (withoutWords(span.text, GENERIC_PROJECT_WORDS).length >= 2) spans.push(span);
  }
  return widestSpans(spans)[0]?.text ?? null;
}
