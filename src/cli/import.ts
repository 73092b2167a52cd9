import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createAppContext } from '../composition/context';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import type { NewComplaint } from '../domain/complaint';
import { ensureLocalServices, localServicesOptions } from '../../tools/local-services/local-services';
import { createLogger } from '../infra/logger';
import { startWorkerRole } from '../roles/worker-role';
import { rowToComplaint } from '../services/import-rows';
import { readExport } from './read-export';
import { complaintRoutesPort } from '../composition/intake';

const USAGE =
  'usage: npm run --silent import -- FILE.csv|FILE.xlsx|FILE.jsonl [--channel hotline|phone|national_platform|onsite|media|petition] [--wait-seconds 60]';
const CHANNELS = ['hotline', 'phone', 'national_platform', 'onsite', 'media', 'petition'] as const;

/**
 * `npm run import -- FILE`: hotline work orders or national-platform leads exported as CSV, XLSX or
 * JSONL. Every row is accepted like any other intake (idempotent on its id), triaged by a worker run
 * here, and summed up: accepted (new case or merged into one), duplicates, rejected with reasons.
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
  const accepted: string[] = [];
  const rejected: { row: number; reason: string }[] = [];
  let duplicates = 0;
  try {
    bar.start(rows.length, 0);
    for (const [i, raw] of rows.entries()) {
      const r = rowToComplaint(raw, channel, `import:${file.split('/').pop()}`);
      if ('error' in r) rejected.push({ row: i + 2, reason: r.error });
      else {
        try {
          const a = await complaintRoutesPort(ctx).acceptComplaint(r.complaint);
          if (a.created) accepted.push(a.complaintId);
          else duplicates++;
        } catch (err) {
          rejected.push({ row: i + 2, reason: (err as Error).message });
        }
      }
      bar.increment();
    }
    bar.stop();

    // Let triage finish for what was accepted, so the summary can say how many joined existing cases.
    const deadline = Date.now() + waitSeconds * 1000;
    const outcome = { newCases: 0, mergedIntoCases: 0, notWageArrears: 0, stillProcessing: 0 };
    for (const id of accepted) {
      let c = await ctx.repos.complaints.get(id);
      while (c?.state === 'received' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        c = await ctx.repos.complaints.get(id);
      }
      if (!c || c.state === 'received') outcome.stillProcessing++;
      else if (!c.leadId) outcome.notWageArrears++;
      else if ((await ctx.repos.leads.get(c.leadId))?.originComplaintId === id) outcome.newCases++;
      else outcome.mergedIntoCases++;
    }
    for (const r of rejected) console.error(`  row ${r.row}: ${r.reason}`);
    console.log(
      JSON.stringify({
        file,
        rows: rows.length,
        accepted: accepted.length,
        ...outcome,
        duplicates,
        rejected: rejected.length,
        rejections: rejected,
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
