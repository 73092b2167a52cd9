import { z } from 'zod';
import type { oas31 } from 'zod-openapi';
import { mountedRouters, type HttpDeps } from '../../src/http/app';
import type { ApiOperation } from '../../src/http/contracts/operation';
import { CONTRACTS, documentPath, OPENAPI } from '../../src/http/openapi';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

function routers() {
  const none = {} as HttpDeps; // the routers only keep their deps; nothing is called here
  return mountedRouters({
    ...none,
    health: { checks: {} },
    officialAccount: { channel: 'wechat_oa', config: null } as HttpDeps['officialAccount'],
    wecom: { channel: 'wecom', config: null } as HttpDeps['wecom'],
  });
}

/** Every route the app serves, as "METHOD /path/{param}". */
function servedRoutes(): string[] {
  const routes = routers().flatMap(({ prefix, router }) =>
    ((router as unknown as { stack?: Layer[] }).stack ?? [])
      .filter((l) => l.route)
      .flatMap((l) =>
        Object.keys(l.route!.methods).map((m) =>
          `${m.toUpperCase()} ${`${prefix}${l.route!.path}`.replace(/\/$/, '') || '/'}`.replace(/:(\w+)/g, '{$1}'),
        ),
      ),
  );
  return [...routes, 'GET /api/docs'].sort();
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document with its path and method. */
const documented = Object.entries(OPENAPI.paths ?? {}).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
);

/** Every operation of the contracts with its path in the document. */
const contracted: { path: string; op: ApiOperation }[] = CONTRACTS.flatMap((c) =>
  c.operations.map((op) => ({ path: documentPath(c, op), op })),
);

function operationAt(path: string, method: string): oas31.OperationObject {
  const op = (OPENAPI.paths?.[path] as Record<string, oas31.OperationObject | undefined> | undefined)?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  return op;
}

/** A schema of the document with its component references written out. */
function resolved(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(resolved);
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) return resolved(OPENAPI.components?.schemas?.[ref.replace('#/components/schemas/', '')]);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolved(v)]));
}

/** What zod itself makes of a request schema, as the caller sends it (before transforms and defaults). */
function inputJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' });
  return rest;
}

describe('the OpenAPI document', () => {
  it('when compared with the routes the app serves, then it documents each of them and nothing else', () => {
    expect(documented.map((d) => `${d.method.toUpperCase()} ${d.path}`).sort()).toEqual(servedRoutes());
  });

  it('when a route validates a JSON body, then the document’s request body is the JSON Schema of that same zod schema', () => {
    const withBody = contracted.filter(({ op }) => op.request?.json);
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    for (const { path, op } of withBody) {
      const body = operationAt(path, op.method).requestBody as oas31.RequestBodyObject | undefined;
      expect({ path, required: body?.required, schema: resolved(body?.content['application/json']?.schema) }).toEqual({
        path,
        required: !op.request?.bodyOptional,
        schema: inputJsonSchema(op.request!.json!),
      });
    }
  });

  it('when a route validates its path, query or headers, then each parameter of the document is that schema’s property', () => {
    for (const { path, op } of contracted) {
      const expected = (['path', 'query', 'header'] as const).flatMap((where) => {
        const schema = { path: op.request?.params, query: op.request?.query, header: op.request?.headers }[where];
        if (!schema) return [];
        const required = new Set((inputJsonSchema(schema).required as string[] | undefined) ?? []);
        return Object.entries(schema.shape).map(([name, field]) => ({
          in: where,
          name,
          required: required.has(name),
          schema: inputJsonSchema(field as z.ZodType),
        }));
      });
      const parameters = ((operationAt(path, op.method).parameters ?? []) as oas31.ParameterObject[]).map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required ?? false,
        schema: resolved(p.schema),
      }));
      expect({ path, method: op.method, parameters }).toEqual({ path, method: op.method, parameters: expected });
    }
  });

  it('when an operation is documented, then it lists a success answer and every failure answers with the error body', () => {
    for (const { path, method, op } of documented) {
      const statuses = Object.keys(op.responses ?? {});
      expect({ path, method, success: statuses.some((s) => /^2\d\d$/.test(s)) }).toEqual({ path, method, success: true });
      for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        const answer = op.responses![status] as oas31.ResponseObject;
        const isReadiness = path === '/readyz';
        expect({ path, method, status, schema: answer.content?.['application/json']?.schema }).toEqual({
          path,
          method,
          status,
          schema: { $ref: isReadiness ? '#/components/schemas/Readiness' : '#/components/schemas/Error' },
        });
      }
    }
  });

  it('when an operation has parameters or a body, then it documents the 400 its validation answers', () => {
    for (const { path, method, op } of documented) {
      if (!op.parameters?.length && !op.requestBody) continue;
      expect({ path, method, has400: '400' in (op.responses ?? {}) }).toEqual({ path, method, has400: true });
    }
  });

  it('when a router is mounted behind the staff token, then each of its operations asks for the bearer token and documents 401', () => {
    const staffPrefixes = routers()
      .filter((r) => r.staff)
      .map((r) => r.prefix);
    const staffOps = documented.filter((d) => staffPrefixes.some((p) => d.path === p || d.path.startsWith(`${p}/`)));
    expect(staffOps.length).toBeGreaterThanOrEqual(15);
    for (const { path, method, op } of staffOps) {
      expect({ path, method, security: op.security, has401: '401' in (op.responses ?? {}) }).toEqual({
        path,
        method,
        security: [{ bearer: [] }],
        has401: true,
      });
    }
  });
});
