import { isDeepStrictEqual } from 'node:util';
import { startTestApp, testConfig } from '../../support/test-app';
import { consoleGet, crawlConsole } from '../support/console-crawl';
import { CaseReport } from '../support/figures';
import { callOperation, loadApiDocument, readRequests, type DocOperation, type ReadFillers } from '../support/openapi-walk';
import { idKindOf } from '../support/pii-recipes';
import { EMPLOYER_A, EMPLOYER_B, markersIn, seedAreas } from '../support/scope-world';
import { AREA_A, AREA_B, staffActors } from '../support/staff-fixture';
import type { FaultCase } from '../support/suite';

/** Reads that hold no area's data, and why: listed in the table, not probed. */
const NOT_AREA_DATA: Record<string, string> = {
  'GET /healthz': 'liveness',
  'GET /readyz': 'readiness',
  'GET /api/docs': 'the API description',
  'GET /wechat/oa': 'the platform’s URL check (signature only)',
  'GET /wechat/wecom': 'the platform’s URL check (signature only)',
};
/** The figures of a dashboard page: its charts' data and the text of its funnel, warnings and report. */
function dashboardFigures(html: string): string {
  const charts = [...html.matchAll(/data-chart="([^"]*)"/g)].map((m) => m[1]);
  const sections = ['funnel', 'warnings', 'report'].map(
    (id) =>
      new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`)
        .exec(html)?.[0]
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ') ?? '',
  );
  return JSON.stringify([charts, sections]);
}

/** Operations that are POSTs but only read. */
const READ_POSTS = ['POST /api/leads/{id}/reveal-phone'];

/** The markers that are not merely the request's own id or search echoed back (a 404 naming the id asked for). */
const echoed = (url: string, marks: string[]) => marks.filter((m) => !decodeURIComponent(url).includes(m));

/**
 * Case 17: every read of the OpenAPI document, and the console, as area A's inspector and supervisor,
 * asked for area B's data: B's ids in paths, B's township in `area`, B's employer, case number and
 * caller in searches, lists and statistics with and without `area`. Any B id, case number, employer or
 * figure that comes back counts, and so does a statistic that differs from the admin's for area A.
 */
export const scopeReads: FaultCase = {
  issueCase: 17,
  id: 'scope-reads',
  title: 'another area’s data on every read route and console page, as an area inspector and supervisor',
  quick: true,
  measures: ['cross_area_reads', 'unscoped_routes'],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp({ config: testConfig({ LOG_LEVEL: 'silent' }) });
    try {
      const [admin, county, ...areaA] = await staffActors(app, [
        { who: 'admin', role: 'admin', area: null },
        { who: 'county supervisor', role: 'supervisor', area: null },
        { who: 'inspector of A', role: 'inspector', area: AREA_A },
        { who: 'supervisor of A', role: 'supervisor', area: AREA_A },
      ]);
      const b = await seedAreas(app, admin!);
      const doc = await loadApiDocument(app.url);
      const year = String(new Date().getFullYear());
      const idsOf = { lead: b.leads.map((l) => l.id), complaint: b.complaintIds, callback: b.callbackIds, complainant: b.complainantIds };
      const fill = (area: string): ReadFillers => ({
        path: (op: DocOperation, name: string) => {
          if (name === 'otherId') return idsOf.lead.slice(0, 1);
          const kind = name === 'id' ? idKindOf(op.path) : undefined;
          return kind ? idsOf[kind] : undefined;
        },
        query: {
          from: [`${year}-01-01`],
          to: [`${year}-12-31`],
          year: [year],
          area: [area],
          q: [EMPLOYER_B, b.leads[0]!.caseNumber, b.callerPhone],
          state: ['all'],
          pageSize: ['100'],
          format: ['csv', 'xlsx'],
        },
      });

      let leaked = 0;
      const rows: string[] = [];
      const unscoped: string[] = [];
      const reads = doc.operations.filter((o) => (o.method === 'get' || READ_POSTS.includes(o.key)) && !(o.key in NOT_AREA_DATA));
      for (const op of reads) {
        const { requests, missing } = readRequests(op, fill(AREA_B));
        if (missing.length) {
          unscoped.push(`${op.key} (no value for ${missing.join(', ')})`);
          continue;
        }
        const byAreaFigure = op.params.some((p) => p.in === 'query' && p.name === 'area');
        let n = 0;
        let control = 0;
        const found: string[] = [];
        // The county supervisor asks the same: what B's data looks like when it may be read (the probe's control).
        for (const a of [...areaA, county!]) {
          for (const req of requests) {
            const answer = await callOperation(app.url, op, a.token, req);
            const marks = echoed(answer.url, markersIn(answer.text, b));
            let differs = false;
            // A statistic is summed, so B's figures would hide inside it: it must be area A's, exactly.
            if (byAreaFigure && answer.status === 200 && !answer.text.startsWith('\ufeff')) {
              const own = await callOperation(app.url, op, admin!.token, { ...req, query: { ...req.query, area: AREA_A } });
              differs = !isDeepStrictEqual(JSON.parse(answer.text), JSON.parse(own.text));
            }
            if (a === county) {
              if (marks.length || differs) control++;
              continue;
            }
            n++;
            if (marks.length || differs) {
              leaked++;
              found.push(
                `${a.who} ${answer.url} → ${[...marks.slice(0, 4), ...(differs ? ["figures other than area A's"] : [])].join(', ')}`,
              );
            }
          }
        }
        rows.push(
          `${op.key}: ${n} requests, B's data in ${found.length} (county supervisor: ${control})${found.length ? ` (FAULT: ${found.slice(0, 4).join('; ')})` : ''}`,
        );
      }

      // The console: everything each reaches from the navigation, and B's case, reviews, searches, lookups
      // and dashboard by URL. The supervisor's dashboard must list A's early warning (else B's could not show).
      let pages = 0;
      const pageLeaks: string[] = [];
      const byUrl = [
        ...b.leads.map((l) => `/console/cases/${l.id}`),
        ...b.reviewIds.map((id) => `/console/reviews/${id}`),
        `/console?q=${encodeURIComponent(EMPLOYER_B)}`,
        `/console?q=${encodeURIComponent(b.leads[0]!.caseNumber)}`,
        `/console/lookup?q=${b.callerPhone}`,
        `/console/lookup?q=${encodeURIComponent(b.leads[0]!.caseNumber)}`,
        `/console/reviews?state=all`,
        `/console/dashboard?area=${encodeURIComponent(AREA_B)}`,
        `/console/dashboard?year=${year}`,
      ];
      for (const a of areaA) {
        for (const page of await crawlConsole(app.url, a.token, ['/console', ...byUrl], {
          maxPages: 120,
          variantsOf: { '/console/dashboard': 0 },
        })) {
          pages++;
          const marks = echoed(page.url, markersIn(page.body, b));
          if (marks.length) pageLeaks.push(`${a.who} ${page.url} → ${marks.slice(0, 4).join(', ')}`);
        }
      }
      const countyDashboard = await consoleGet(app.url, county!.token, `/console/dashboard?area=${encodeURIComponent(AREA_B)}`);
      r.expect(
        countyDashboard.body.includes(EMPLOYER_B),
        `the county supervisor's dashboard for ${AREA_B} does not list ${EMPLOYER_B}: the probe cannot see it`,
      );
      // The dashboard's figures (charts, funnel, warnings, report) must be area A's, exactly.
      const ownFigures = dashboardFigures(
        (await consoleGet(app.url, admin!.token, `/console/dashboard?area=${encodeURIComponent(AREA_A)}`)).body,
      );
      const otherFigures: string[] = [];
      for (const url of ['/console/dashboard', `/console/dashboard?area=${encodeURIComponent(AREA_B)}`]) {
        const page = await consoleGet(app.url, areaA[1]!.token, url);
        if (page.status === 200 && dashboardFigures(page.body) !== ownFigures) otherFigures.push(`supervisor of A ${url}`);
      }
      const countyFiguresDiffer = dashboardFigures(countyDashboard.body) !== ownFigures;
      r.expect(
        countyFiguresDiffer,
        `the county supervisor's dashboard for ${AREA_B} shows area A's figures: the comparison cannot see a difference`,
      );
      pageLeaks.push(...otherFigures.map((p) => `${p} → figures other than area A's`));
      const dashboard = await consoleGet(app.url, areaA[1]!.token, '/console/dashboard');
      const ownWarning = /id="warnings"[\s\S]*<\/section>/.exec(dashboard.body)?.[0].includes(EMPLOYER_A) ?? false;
      r.expect(ownWarning, `the supervisor of A's dashboard lists no early warning for ${EMPLOYER_A}: the probe cannot see one of B's`);
      leaked += pageLeaks.length;
      rows.push(
        `console (${pages} pages): B's data on ${pageLeaks.length}${pageLeaks.length ? ` (FAULT: ${pageLeaks.slice(0, 6).join('; ')})` : ''}`,
      );

      r.add('cross_area_reads', leaked);
      r.add('unscoped_routes', unscoped.length);
      r.expect(leaked === 0, `${leaked} answers or pages gave area A's staff area B's data`);
      r.expect(unscoped.length === 0, `read operations the probe has no parameters for: ${unscoped.join('; ')}`);
      r.found(
        `every read of GET /api/docs (${reads.length}) as area A's inspector and supervisor (and, as the control, the county supervisor), with B's ids in paths, area=${AREA_B}, B's employer, case number and caller as q; statistics compared with the admin's for area A`,
        `${reads.length - unscoped.length} operations probed, ${unscoped.length} not (${unscoped.join('; ') || 'none'})`,
        rows.filter((x) => !x.startsWith('console')).join('; '),
      );
      r.found(
        `the console of both: navigation, B's case and review pages, searches and caller lookups for B, the dashboard (early warnings) with and without area=${AREA_B}`,
        `${pages} pages`,
        `${rows.at(-1)!}; dashboard figures other than area A's: ${otherFigures.length} (the county supervisor's for ${AREA_B} differ: ${countyFiguresDiffer}); A's own early warning shown: ${ownWarning}; B's employer ${EMPLOYER_B} listed: ${pageLeaks.some((p) => p.includes(EMPLOYER_B))} (on the county supervisor's dashboard for ${AREA_B}: ${countyDashboard.body.includes(EMPLOYER_B)})`,
      );
      r.found(
        'reads that hold no area’s data (not probed)',
        `${Object.keys(NOT_AREA_DATA).filter((k) => doc.operations.some((o) => o.key === k)).length} operations`,
        Object.entries(NOT_AREA_DATA)
          .map(([k, why]) => `${k}: ${why}`)
          .join('; '),
      );
    } finally {
      await app.stop();
    }
    return r.result();
  },
};
