/**
 * The layer rules of STYLE.md, checked in `npm test` (npm run lint:layers):
 * edge → queue → service → store; the vocabulary and the triage engine depend on nothing outside.
 */
const FRAMEWORKS = '(^|/)node_modules/(express|wechaty|wechaty-puppet|wechaty-puppet-mock|bullmq|mongoose|mongodb|ioredis|pino|pino-http)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make start-up order and tests fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-outward',
      severity: 'error',
      comment: 'src/domain is the vocabulary: nothing from the other layers.',
      from: { path: '^src/domain/' },
      to: { path: '^(src|bots|queues|tools|bench|test)/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-does-no-io',
      severity: 'error',
      comment: 'src/domain does no I/O: no framework, driver or client.',
      from: { path: '^src/domain/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'triage-imports-nothing-outward',
      severity: 'error',
      comment: 'src/triage turns text into a TriageResult: the vocabulary and its own rules only.',
      from: { path: '^src/triage/' },
      to: { path: '^(src|bots|queues|tools|bench|test)/', pathNot: '^src/(triage|domain)/' },
    },
    {
      name: 'triage-uses-no-framework',
      severity: 'error',
      comment: 'The LLM client (openai) is part of triage; the rest of the frameworks are not.',
      from: { path: '^src/triage/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'services-use-no-framework',
      severity: 'error',
      comment:
        'Use cases get what they need as explicit deps; express, wechaty, bullmq, mongoose and ioredis stay at the edges and in the store.',
      from: { path: '^src/services/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'services-do-not-open-the-store',
      severity: 'error',
      comment: 'Services talk to repositories; connections, models and driver errors stay inside src/db.',
      from: { path: '^src/services/' },
      to: { path: '^src/db/(connection|models/|store|store-errors|ids|group-)' },
    },
    {
      name: 'only-the-store-imports-mongoose',
      severity: 'error',
      from: { path: '^(src|bots|queues)/', pathNot: '^src/db/' },
      to: { path: '(^|/)node_modules/(mongoose|mongodb)/' },
    },
    {
      name: 'edges-do-not-reach-into-the-store',
      severity: 'error',
      comment: 'Routes, bot handlers and job processors call services; repositories are wired in src/composition.',
      from: { path: '^(src/http|bots|queues)/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'the-product-does-not-import-bench-or-tests',
      severity: 'error',
      from: { path: '^(src|bots|queues|tools)/' },
      to: { path: '^(bench|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
