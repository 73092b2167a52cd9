/**
 * The layer rules of STYLE.md, checked in `npm test` (npm run lint:layers):
 * edge → queue → service → store; the vocabulary and the triage engine depend on nothing outside.
 */
const FRAMEWORKS = '(^|/)node_modules/(express|wechaty|wechaty-puppet|wechaty-puppet-mock|bullmq|mongoose|mongodb|ioredis|pino|pino-http)/';
const PROJECT = '^(src|bots|queues|tools|bench|test)/';

const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    rule('no-cycles', 'Import cycles make start-up order and tests fragile.', {}, { circular: true }),
    rule(
      'domain-imports-nothing-outward',
      'src/domain is the vocabulary: nothing from the other layers.',
      { path: '^src/domain/' },
      { path: PROJECT, pathNot: '^src/domain/' },
    ),
    rule('domain-does-no-io', 'src/domain does no I/O: no framework, driver or client.', { path: '^src/domain/' }, { path: FRAMEWORKS }),
    rule(
      'triage-imports-nothing-outward',
      'src/triage turns text into a TriageResult: the vocabulary and its own rules only.',
      { path: '^src/triage/' },
      { path: PROJECT, pathNot: '^src/(triage|domain)/' },
    ),
    rule(
      'triage-uses-no-framework',
      'The LLM client (openai) is part of triage; the frameworks are not.',
      { path: '^src/triage/' },
      { path: FRAMEWORKS },
    ),
    rule(
      'services-use-no-framework',
      'Use cases get what they need as explicit deps; express, wechaty, bullmq, mongoose and ioredis stay at the edges and in the store.',
      { path: '^src/services/' },
      { path: FRAMEWORKS },
    ),
    rule(
      'services-do-not-open-the-store',
      'Services talk to repositories; connections, models and driver errors stay inside src/db.',
      { path: '^src/services/' },
      { path: '^src/db/(connection|models/|store|store-errors|ids|group-)' },
    ),
    rule(
      'only-the-store-imports-mongoose',
      'The store is the one seam to the database.',
      { path: '^(src|bots|queues)/', pathNot: '^src/db/' },
      { path: '(^|/)node_modules/(mongoose|mongodb)/' },
    ),
    rule(
      'edges-do-not-reach-into-the-store',
      'Routes, bot handlers and job processors call services; repositories are wired in src/composition.',
      { path: '^(src/http|bots|queues)/' },
      { path: '^src/db/' },
    ),
    rule(
      'only-the-metrics-seam-imports-prom-client',
      'Counting goes through src/infra/metrics.ts, wired in src/composition and src/roles; no other code knows prom-client.',
      { path: '^(src|bots|queues|tools)/', pathNot: '^src/infra/metrics\\.ts$' },
      { path: '(^|/)node_modules/prom-client/' },
    ),
    rule(
      'the-product-does-not-import-bench-or-tests',
      'The benchmark and the tests are not part of the product.',
      { path: '^(src|bots|queues|tools)/' },
      { path: '^(bench|test)/' },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
