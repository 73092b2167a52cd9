/**
 * The staff console as one signed-in user sees it: every page reachable by links from where they start
 * (the navigation, the queue, the lists), plus the pages a case asks for by URL. Plain HTTP with the
 * session cookie; the browser-level checks live in the console-xss case.
 */

export interface ConsolePage {
  url: string;
  status: number;
  /** Where a redirect points. */
  location: string | null;
  body: string;
}

const SESSION_COOKIE = 'wa_console';
/** Not pages: static files, evidence downloads, sign-out. */
const NOT_A_PAGE = /^\/console\/(assets\/|logout|login)|\/evidence\//;

export function consoleGet(baseUrl: string, token: string, url: string): Promise<ConsolePage> {
  return fetch(`${baseUrl}${url}`, { headers: { cookie: `${SESSION_COOKIE}=${token}` }, redirect: 'manual' }).then(async (res) => ({
    url,
    status: res.status,
    location: res.headers.get('location'),
    body: await res.text(),
  }));
}

/** Links of a page that stay in the console, as paths with their query. */
export function consoleLinks(page: ConsolePage): string[] {
  const out = new Set<string>();
  for (const m of page.body.matchAll(/href="([^"]+)"/g)) {
    const href = m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"');
    let u: URL;
    try {
      u = new URL(href, `http://console.test${page.url}`);
    } catch {
      continue;
    }
    if (u.host !== 'console.test' || !u.pathname.startsWith('/console') || NOT_A_PAGE.test(u.pathname)) continue;
    out.add(u.pathname + u.search);
  }
  return [...out];
}

/** A console URL with its query parameters in one order. */
function normalised(url: string): string {
  const [path, query] = url.split('?') as [string, string | undefined];
  if (!query) return path;
  const q = new URLSearchParams(query);
  q.sort();
  return `${path}?${q.toString()}`;
}

/**
 * Breadth first from `start`, a level at a time, `concurrency` pages at once, at most `maxPages`;
 * follows redirects inside the console. Filters, sorts and ids multiply into many URLs of one page: at
 * most `variantsPerPath` of each are followed (`variantsOf` by path, for slow pages); `start` is visited whole.
 */
export async function crawlConsole(
  baseUrl: string,
  token: string,
  start: string[],
  opts: { maxPages?: number; variantsPerPath?: number; concurrency?: number; variantsOf?: Record<string, number> } = {},
): Promise<ConsolePage[]> {
  const { maxPages = 150, variantsPerPath = 3, concurrency = 4, variantsOf = {} } = opts;
  const seen = new Set<string>(start.map(normalised));
  const variants = new Map<string, number>();
  const pages: ConsolePage[] = [];
  let level = [...start];
  while (level.length && pages.length < maxPages) {
    const got = await inPool(level.slice(0, maxPages - pages.length), concurrency, (url) => consoleGet(baseUrl, token, url));
    pages.push(...got);
    level = [];
    for (const page of got)
      for (const link of page.location ? [page.location] : consoleLinks(page)) {
        const key = normalised(link);
        // Pages of one kind (a case, a review) count as variants of one path.
        const path = link.split('?')[0]!.replace(/[0-9a-f]{24}/g, '{id}');
        if (
          seen.has(key) ||
          !link.startsWith('/console') ||
          NOT_A_PAGE.test(link) ||
          (variants.get(path) ?? 0) >= (variantsOf[path] ?? variantsPerPath)
        )
          continue;
        seen.add(key);
        variants.set(path, (variants.get(path) ?? 0) + 1);
        level.push(link);
      }
  }
  return pages;
}

/** `fn` over the items, at most `n` at a time; the results in the items' order. */
export async function inPool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/** The hidden inputs of a page's forms (the CSRF token, a form id), by name. */
export function hiddenInputs(page: ConsolePage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] ??= m[2]!;
  return out;
}

/** A console form posted as the browser posts it (same origin, urlencoded). */
export async function consolePost(baseUrl: string, token: string, url: string, fields: Record<string, string>): Promise<ConsolePage> {
  const res = await fetch(`${baseUrl}${url}`, {
    method: 'POST',
    headers: { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { url, status: res.status, location: res.headers.get('location'), body: await res.text() };
}
