import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { createAppContext, type AppContext } from '../composition/context';
import { acceptPort } from '../composition/intake';
import { ConfigError, loadConfig, loadDotEnv } from '../config';
import { COMPLAINT_CHANNELS } from '../domain/complaint';
import type { ComplaintChannel } from '../domain/triage-result';
import { createLogger } from '../infra/logger';
import { PROJECT_ROOT } from '../infra/project-root';
import { startWorkerRole } from '../roles/worker-role';
import { ensureLocalServices, localServicesOptions } from '../../tools/local-services/local-services';
import { automaticFigures, figuresIfAllMerged, suggestionFigures, type Placed } from './dedup-scores';

/**
 * `npm run eval:dedup [-- set.jsonl]`: a labelled set of complaints through the live path, in the order
 * they came in: intake on each complaint's channel, the triage worker, case matching, with the app's
 * own services on a database and queue prefix of their own (dropped at the end). Prints the wrong
 * merges, the misses and the possible duplicates suggested, then pairwise precision and recall of the
 * automatic merges and of the suggestions; the last line is one JSON object with the figures.
 */
const line = z.object({
  id: z.string().min(1),
  case: z.string().min(1),
  channel: z.enum(COMPLAINT_CHANNELS as [ComplaintChannel, ...ComplaintChannel[]]),
  receivedAt: z.iso.datetime({ offset: true }),
  name: z.string().nullish(),
  phone: z.string().nullish(),
  text: z.string().min(1),
});
type Item = z.infer<typeof line>;

/** Channels whose sender is a chat contact rather than a caller. */
const CHAT = new Set(['wechat', 'wechat_oa', 'wecom']);
const brief = (text: string) =>
  text
    .replace(/(坐席|来电人)：/g, '')
    .replace(/\s+/g, ' ')
    .slice(0, 48);

async function main(): Promise<number> {
  const file = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'test', 'fixtures', 'dedup', 'live-set.jsonl'));
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = line.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
      return parsed.data;
    })
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));

  loadDotEnv();
  const base = loadConfig();
  const services = await ensureLocalServices(localServicesOptions(base));
  const run = `eval_dedup_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    MONGODB_URI: base.MONGODB_URI.replace(/^(mongodb(?:\+srv)?:\/\/[^/]+\/)[^?]*/, `$1${run}`),
    QUEUE_PREFIX: run,
    LOG_LEVEL: 'error',
    SWEEP_INTERVAL_MS: '3600000',
  });
  const ctx = await createAppContext(config, createLogger('error'));
  const worker = await startWorkerRole(ctx);
  try {
    const placed = await playThrough(ctx, items);
    report(items, placed.items, placed.suggested, placed.caseNumbers);
    return 0;
  } finally {
    await worker.stop();
    await dropEverything(ctx);
    await ctx.close();
    await services.stop();
  }
}

/** What became of each complaint that opened or joined no case (its disposition), for the report. */
const outcome = new Map<string, string>();

async function playThrough(ctx: AppContext, items: Item[]) {
  const accept = acceptPort(ctx);
  const placed: Placed[] = [];
  for (const it of items) {
    const { complaintId } = await accept.acceptComplaint({
      channel: it.channel,
      dedupKey: `eval:${it.id}`,
      sender: {
        channelUserId: CHAT.has(it.channel) ? `eval:${it.channel}:${it.name ?? it.id}` : null,
        name: it.name ?? null,
        phone: it.phone ?? null,
      },
      operator: null,
      text: it.text,
      turns: [],
      receivedAt: new Date(it.receivedAt),
    });
    // One at a time, in the order they came in, as matching would meet them.
    const deadline = Date.now() + 30_000;
    let c = await ctx.repos.complaints.get(complaintId);
    for (let wait = 5; c?.state === 'received' && Date.now() < deadline; wait = Math.min(wait * 2, 100)) {
      await delay(wait);
      c = await ctx.repos.complaints.get(complaintId);
    }
    if (!c || c.state === 'received') throw new Error(`complaint ${it.id} was not triaged within 30 s`);
    placed.push({ id: it.id, gold: it.case, leadId: c.leadId });
    if (!c.leadId) outcome.set(it.id, c.disposition?.code ?? c.state);
  }
  const suggested = new Set<string>();
  const caseNumbers = new Map<string, string>();
  for (const leadId of new Set(placed.map((p) => p.leadId).filter((x): x is string => x !== null))) {
    const lead = await ctx.repos.leads.get(leadId);
    if (!lead) continue;
    caseNumbers.set(lead.id, lead.caseNumber);
    for (const d of lead.possibleDuplicates) suggested.add(lead.id < d.leadId ? `${lead.id}|${d.leadId}` : `${d.leadId}|${lead.id}`);
  }
  return { items: placed, suggested, caseNumbers };
}

function report(items: Item[], placed: Placed[], suggested: Set<string>, caseNumbers: Map<string, string>) {
  const text = new Map(items.map((i) => [i.id, brief(i.text)]));
  const show = (p: Placed) => `${p.id} [${p.gold}] ${text.get(p.id)}`;
  const caseOf = (p: Placed) => (p.leadId ? (caseNumbers.get(p.leadId) ?? p.leadId) : `（未立案：${outcome.get(p.id) ?? '?'}）`);
  const auto = automaticFigures(placed);
  const sugg = suggestionFigures(placed, suggested);
  const pairs = [...suggested].map((k) => k.split('|') as [string, string]);
  const ifMerged = figuresIfAllMerged(placed, pairs);

  console.log(`== wrong merges: ${auto.wrong.length} pairs`);
  for (const [a, b] of auto.wrong) console.log(`  ${caseOf(a)}: ${show(a)}\n  ${' '.repeat(caseOf(a).length)}  ${show(b)}`);
  console.log(`== misses: ${auto.missed.length} pairs`);
  for (const [a, b] of auto.missed) console.log(`  ${caseOf(a)}: ${show(a)}\n  ${caseOf(b)}: ${show(b)}`);
  console.log(`== possible duplicates suggested: ${pairs.length} case pairs`);
  for (const [x, y] of pairs) {
    const inX = placed.filter((p) => p.leadId === x);
    const inY = placed.filter((p) => p.leadId === y);
    const right = inX.some((a) => inY.some((b) => a.gold === b.gold));
    console.log(
      `  ${caseNumbers.get(x)} ↔ ${caseNumbers.get(y)} ${right ? 'right' : 'wrong'}: ${inX.map((p) => p.id).join(',')} ↔ ${inY.map((p) => p.id).join(',')}`,
    );
  }
  const result = {
    file: path.basename(process.argv[2] ?? 'live-set.jsonl'),
    complaints: placed.length,
    goldCases: new Set(placed.map((p) => p.gold)).size,
    cases: new Set(placed.map((p) => p.leadId ?? `none:${p.id}`)).size,
    goldPairs: auto.goldPairs,
    automatic: { precision: auto.precision, recall: auto.recall, wrongMergePairs: auto.wrong.length, missedPairs: auto.missed.length },
    suggestions: { casePairs: pairs.length, complaintPairs: sugg.suggestedPairs, precision: sugg.precision, recall: sugg.recall },
    ifEverySuggestionMerged: ifMerged,
  };
  console.log(
    `automatic merges: precision ${auto.precision}, recall ${auto.recall}; suggestions: precision ${sugg.precision}, recall of what merging missed ${sugg.recall}`,
  );
  console.log(JSON.stringify(result));
}

/** This run's database and every key under its queue prefix. */
async function dropEverything(ctx: AppContext) {
  for (const q of [ctx.triageQueue.queue, ctx.outboundQueue.queue, ctx.deadlineQueue.queue, ctx.platformQueue.queue])
    await q.obliterate({ force: true }).catch(() => undefined);
  const redis = ctx.producerConnection;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${ctx.config.QUEUE_PREFIX}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await ctx.db.dropDatabase();
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `eval:dedup: ${(err as Error).message}`);
    process.exit(1);
  },
);
