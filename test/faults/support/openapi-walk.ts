import ExcelJS from 'exceljs';

/**
 * The operations of the OpenAPI document the app serves (GET /api/docs), read from the document itself,
 * so that the cases that call "every operation" also call the ones added after they were written.
 */

type Json = Record<string, unknown>;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface DocParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
}

export interface DocOperation {
  method: Method;
  /** As the document writes it, with {param}. */
  path: string;
  /** "GET /api/leads/{id}" */
  key: string;
  security: 'staff' | 'hotline' | 'none';
  params: DocParam[];
  /** The JSON body's schema, refs resolved at the top; null when the operation takes no JSON. */
  body: Json | null;
  bodyRequired: boolean;
}

export interface ApiDocument {
  raw: Json;
  operations: DocOperation[];
  /** A schema with its $ref followed (one level at a time, as deep as asked). */
  resolve(schema: Json): Json;
}

const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export async function loadApiDocument(baseUrl: string): Promise<ApiDocument> {
  const res = await fetch(`${baseUrl}/api/docs`);
  if (!res.ok) throw new Error(`GET /api/docs answered ${res.status}`);
  const raw = (await res.json()) as Json;
  const resolve = (schema: Json): Json => {
    let s = schema;
    for (let hops = 0; typeof s.$ref === 'string' && hops < 10; hops++) {
      const parts = s.$ref
        .replace(/^#\//, '')
        .split('/')
        .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
      s = parts.reduce<unknown>((node, p) => (node as Json | undefined)?.[p], raw) as Json;
    }
    return s ?? {};
  };
  const operations: DocOperation[] = [];
  for (const [path, item] of Object.entries((raw.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const security = JSON.stringify(op.security ?? []);
      const params = ((op.parameters ?? []) as Json[]).map((p) => resolve(p)) as unknown as DocParam[];
      const requestBody = op.requestBody ? resolve(op.requestBody as Json) : null;
      const json = (requestBody?.content as Record<string, { schema?: Json }> | undefined)?.['application/json']?.schema;
      operations.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        security: security.includes('bearer') ? 'staff' : security.includes('hotline') ? 'hotline' : 'none',
        params: params.map((p) => ({ ...p, required: Boolean(p.required), schema: resolve(p.schema ?? {}) })),
        body: json ? resolve(json) : null,
        bodyRequired: Boolean(requestBody?.required),
      });
    }
  }
  return { raw, operations, resolve };
}

/** The path with its {params} filled in (encoded); null when a parameter has no value. */
export function fillPath(op: DocOperation, values: Record<string, string | undefined>): string | null {
  let missing = false;
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) missing = true;
    return encodeURIComponent(v ?? '');
  });
  return missing ? null : path;
}

/**
 * A small valid instance of a JSON schema, for an operation no recipe knows: required properties only,
 * the first enum value, today for dates, `named` for a property whose value the caller knows (ids).
 */
export function sampleOf(doc: ApiDocument, schema: Json, named: (prop: string) => unknown, depth = 0): unknown {
  const s = doc.resolve(schema);
  if (depth > 6) return null;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const alts = s[k] as Json[] | undefined;
    const first = alts?.find((a) => doc.resolve(a).type !== 'null');
    if (first) return sampleOf(doc, first, named, depth + 1);
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Json = {};
      const props = (s.properties ?? {}) as Record<string, Json>;
      for (const name of (s.required ?? []) as string[]) {
        const known = named(name);
        out[name] = known !== undefined ? known : sampleOf(doc, props[name] ?? {}, named, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Number(s.minItems ?? 0) }, () => sampleOf(doc, (s.items ?? {}) as Json, named, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, Number(s.minimum ?? 1));
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'date') return new Date().toISOString().slice(0, 10);
      if (s.format === 'date-time') return new Date().toISOString();
      return '测试'.padEnd(Number(s.minLength ?? 1), '试');
    default:
      return {};
  }
}

/** The enum of a parameter's schema, if it has one. */
export function enumOf(doc: ApiDocument, p: DocParam): string[] {
  const s = doc.resolve(p.schema);
  const alts = [s, ...((s.anyOf ?? s.oneOf ?? []) as Json[]).map((a) => doc.resolve(a))];
  return alts.flatMap((a) => (Array.isArray(a.enum) ? (a.enum as string[]) : []));
}

export interface ApiRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface ApiAnswer {
  key: string;
  url: string;
  status: number;
  text: string;
}

/** Calls one documented operation with a staff token (or none). */
export async function callOperation(baseUrl: string, op: DocOperation, token: string | null, req: ApiRequest = {}): Promise<ApiAnswer> {
  const path = fillPath(op, req.params ?? {});
  if (path === null) throw new Error(`${op.key}: a path parameter has no value`);
  const url = path + (req.query && Object.keys(req.query).length ? `?${new URLSearchParams(req.query).toString()}` : '');
  const res = await fetch(`${baseUrl}${url}`, {
    method: op.method.toUpperCase(),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
  });
  const type = res.headers.get('content-type') ?? '';
  return { key: op.key, url, status: res.status, text: type.includes('spreadsheetml') ? await workbookText(res) : await res.text() };
}

/** An XLSX answer's cells as text, one line per row, so that it can be searched like any other answer. */
async function workbookText(res: Response): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const lines: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => lines.push(JSON.stringify(row.values))));
  return lines.join('\n');
}

export interface ReadFillers {
  /** Values for a path parameter of this operation; undefined when the probe has none. */
  path(op: DocOperation, name: string): string[] | undefined;
  /** Values for query parameters by name: a required one takes the first, an optional one is tried with each. */
  query: Record<string, string[]>;
  /** Optional query parameters sent with every request of an operation that declares them (e.g. the largest page). */
  always?: Record<string, string>;
}

/**
 * The requests a read operation gets: every combination of its path parameters' values, its required
 * query parameters with their first value, and each optional one the fillers know added one at a time.
 * `missing` names the parameters nothing could fill (the operation is then not covered).
 */
export function readRequests(op: DocOperation, fill: ReadFillers): { requests: ApiRequest[]; missing: string[] } {
  const missing: string[] = [];
  let paths: Record<string, string>[] = [{}];
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const values = fill.path(op, p.name);
    if (!values?.length) {
      missing.push(`path {${p.name}}`);
      continue;
    }
    paths = paths.flatMap((base) => values.map((v) => ({ ...base, [p.name]: v })));
  }
  const base: Record<string, string> = {};
  for (const p of op.params.filter((x) => x.in === 'query' && !x.required && fill.always?.[x.name] !== undefined))
    base[p.name] = fill.always![p.name]!;
  for (const p of op.params.filter((x) => x.in === 'query' && x.required)) {
    const v = fill.query[p.name]?.[0];
    if (v === undefined) missing.push(`query ${p.name}`);
    else base[p.name] = v;
  }
  const queries: Record<string, string>[] = [base];
  for (const p of op.params.filter((x) => x.in === 'query' && !x.required))
    for (const v of fill.query[p.name] ?? []) queries.push({ ...base, [p.name]: v });
  for (const p of op.params.filter((x) => x.in === 'header' && x.required)) missing.push(`header ${p.name}`);
  if (missing.length) return { requests: [], missing };
  return { requests: paths.flatMap((params) => queries.map((query) => ({ params, query }))), missing };
}

/**
 * Ids for a path's {id} read from the resource's own list (GET on the path before {id}), for resources
 * a probe has no other source of ids for: the `id` of each object in the answer's first array.
 */
export async function idsFromList(baseUrl: string, doc: ApiDocument, op: DocOperation, token: string): Promise<string[]> {
  const list = doc.operations.find((o) => o.method === 'get' && o.path === op.path.split('/{')[0]);
  if (!list || list.params.some((p) => p.required)) return [];
  const answer = await callOperation(baseUrl, list, token);
  if (answer.status !== 200) return [];
  const body = JSON.parse(answer.text) as unknown;
  const items = Array.isArray(body) ? body : Object.values(body as Record<string, unknown>).find(Array.isArray);
  return ((items ?? []) as { id?: unknown }[]).flatMap((x) => (typeof x?.id === 'string' ? [x.id] : []));
}
