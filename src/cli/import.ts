import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createAppContext } from '../composition/context';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import type { NewComplaint } from '../domain/complaint';
import { ensureLocalServices, localServicesOptions } from '../../tools/local-services/local-services';
import { createLogger } from '../infra/logger';
import { startWorkerRole } from '../roles/worker-role';
import { readExport } from './read-export';
import { importComplaintsPort } from '../composition/import';

const USAGE =
  'usage: npm run --silent import -- FILE.csv|FILE.xlsx|FILE.jsonl [--channel hotline|phone|national_platform|onsite|media|petition] [--wait-seconds 60]';
const CHANNELS = ['hotline', 'phone', 'national_platform', 'onsite', 'media', 'petition'] as const;

/**
 * `npm run import -- FILE`: hotline work orders or national-platform leads exported as CSV, XLSX or
 * JSONL, imported by the same use case as the console's upload (services/import), with a worker run
 * here for triage: accepted (new case, merged into one, or another disposition), duplicates, rejected.
 */
async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { channel: { type: 'string' }, 'wait-seconds': { type: 'string' } },
  });
  const file = positionals[0];
  const channel = (values.channel ?? 'hotline') as NewComplaint['channel'];
  const waitSeconds = Number(values['wait-seconds'] ?? 60);
  if (!file || !(CHANNELS as readonly string[]).includes(channel) || !Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error(USAGE);
    return 64;
  }
  const rows = await readExport(file);
  loadDotEnv();
  const config = loadConfig();
  const services = await ensureLocalServices(localServicesOptions(config));
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ctx = await createAppContext(config, log);
  const worker = await startWorkerRole(ctx);
  const bar = new SingleBar(
    { format: '导入 import [{bar}] {value}/{total} rows', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  try {
    bar.start(rows.length, 0);
    const summary = await importComplaintsPort(ctx)(
      { rows, channel, importedBy: `import:${file.split('/').pop()}`, waitMs: waitSeconds * 1000 },
      (p) => (p.phase === 'accepting' ? bar.update(p.done) : bar.stop()),
    );
    bar.stop();
    const { rejections, dispositions, ...counts } = summary;
    for (const r of rejections) console.error(`  row ${r.row}: ${r.reason}`);
    console.log(
      JSON.stringify({
        file,
        rows: counts.rows,
        accepted: counts.accepted,
        newCases: counts.newCases,
        mergedIntoCases: counts.mergedIntoCases,
        notWageArrears: counts.notWageArrears,
        stillProcessing: counts.stillProcessing,
        duplicates: counts.duplicates,
        rejected: counts.rejected,
        rejections: rejections.map((r) => ({ row: r.row, reason: r.reason })),
        dispositions,
      }),
    );
    return 0;
  } finally {
    bar.stop();
    await worker.stop();
    await ctx.close();
    await services.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `import: ${(err as Error).message}`);
    process.exit(1);
  },
);
