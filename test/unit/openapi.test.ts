import { mountedRouters, type HttpDeps } from '../../src/http/app';
import { OPENAPI } from '../../src/http/openapi';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the app serves, as "METHOD /path/{param}". */
function servedRoutes(): string[] {
  const none = {} as HttpDeps; // the routers only keep their deps; nothing is called here
  const routes = mountedRouters({
    ...none,
    health: { checks: {} },
    officialAccount: { channel: 'wechat_oa', config: null } as HttpDeps['officialAccount'],
    wecom: { channel: 'wecom', config: null } as HttpDeps['wecom'],
  }).flatMap(({ prefix, router }) =>
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

describe('the OpenAPI document', () => {
  it('when compared with the routes the app serves, then it documents each of them and nothing else', () => {
    const documented = Object.entries(OPENAPI.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(servedRoutes());
  });
});
