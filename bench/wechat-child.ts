import { createAppContext } from '../src/composition/context';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/infra/logger';
import { TAOYUAN_TOWNSHIPS } from '../src/triage/lexicon/taoyuan-gazetteer';
import { startMockWechatSession } from '../bots/mock-session';
import { summarize } from './stats';
import { RESULT_MARK } from './wechat-path';
import { mockSessionPort } from '../src/composition/intake';

/**
 * The bot process of the WeChat measurement (run by the bench as a child, configured like the roles):
 * the real bot on the mock puppet; `BENCH_CONTACTS` workers each send a complaint and 确认, `BENCH_PARALLEL`
 * at a time. Prints one JSON line: messages per second, time to the bot's first answer, time to the case number.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const contacts = Number(process.env.BENCH_CONTACTS ?? 10);
  const parallel = Number(process.env.BENCH_PARALLEL ?? 20);
  const ctx = await createAppContext(config, createLogger('warn'));
  const session = await startMockWechatSession({
    redisUrl: config.redis,
    queuePrefix: ctx.keys.queues,
    log: createLogger('warn'),
    ...mockSessionPort(ctx),
  });
  // Waiters per contact, woken by what the bot says (no polling).
  const waiters = new Map<string, { pattern: RegExp; resolve: (at: number) => void }[]>();
  const push = session.said.push.bind(session.said);
  session.said.push = (...items) => {
    for (const m of items) {
      const list = waiters.get(m.to) ?? [];
      const hit = list.findIndex((w) => w.pattern.test(m.text));
      if (hit >= 0) list.splice(hit, 1)[0]!.resolve(m.at);
    }
    return push(...items);
  };
  const waitFor = (to: string, pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply matching ${pattern} to ${to}`)), timeoutMs);
      const list = waiters.get(to) ?? [];
      list.push({ pattern, resolve: (at) => (clearTimeout(timer), resolve(at)) });
      waiters.set(to, list);
    });

  const firstAnswer: number[] = [];
  const toCaseNumber: number[] = [];
  const caseNumbers: Promise<void>[] = [];
  const missing: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(parallel, contacts) }, async () => {
      for (let i = next++; i < contacts; i = next++) {
        const id = `wxid_bench_${process.pid}_${i}`;
        const town = TAOYUAN_TOWNSHIPS[i % TAOYUAN_TOWNSHIPS.length]!.name;
        const phone = `139${String(20_000_000 + i).padStart(8, '0')}`;
        const text = `我在${town}的兴${'隆昌盛达远'[i % 5]}${'华福顺泰安'[Math.floor(i / 5) % 5]}纸箱厂做了两个月，厂里欠我工资${7000 + i}块，就我一个人，电话${phone}`;
        let sent = Date.now();
        const summary = waitFor(id, /请核对/);
        session.send(id, '田师傅', text);
        firstAnswer.push((await summary) - sent);
        sent = Date.now();
        const registered = waitFor(id, /已为您登记/);
        // Case notices leave the bot at most 10 a second (queues/outbound-worker.ts): allow for the queue.
        const caseNumber = waitFor(id, /案件编号 WA\d{8}-\d{4}/, 60_000 + contacts * 100);
        session.send(id, '田师傅', '确认');
        firstAnswer.push((await registered) - sent);
        caseNumbers.push(
          caseNumber.then(
            (at) => void toCaseNumber.push(at - sent),
            (err: unknown) => {
              missing.push(id);
              throw err;
            },
          ),
        );
      }
    }),
  );
  const elapsedMs = performance.now() - t0;
  const settled = await Promise.allSettled(caseNumbers);
  if (settled.some((r) => r.status === 'rejected')) {
    console.error(`wechat bench: ${missing.length} contacts got no case number; where their complaints are:`);
    console.error(JSON.stringify(await whereAre(ctx, missing.slice(0, 5))));
    throw new Error(`${missing.length} of ${contacts} contacts got no case number`);
  }
  process.stdout.write(
    `${RESULT_MARK}${JSON.stringify({
      contacts,
      messages: contacts * 2,
      messagesPerS: (contacts * 2 * 1000) / elapsedMs,
      firstAnswerMs: summarize(firstAnswer),
      toCaseNumberMs: summarize(toCaseNumber),
    })}\n`,
  );
  await session.stop();
  await ctx.close();
}

/** For a failed run: each contact's complaint, case and notice, and the queues' job counts. */
async function whereAre(ctx: Awaited<ReturnType<typeof createAppContext>>, ids: string[]) {
  const complaints = ctx.db.collection('complaints');
  const outbound = ctx.db.collection('outbound_messages');
  const contacts = [];
  for (const id of ids) {
    const c = await complaints.findOne({ 'sender.channelUserId': id }, { projection: { state: 1, leadId: 1, attempts: 1, lastError: 1 } });
    const m = await outbound.findOne({ channelUserId: id }, { projection: { state: 1, error: 1, createdAt: 1 } });
    contacts.push({ id, complaint: c, notice: m });
  }
  return {
    contacts,
    triage: await ctx.triageQueue.queue.getJobCounts(),
    outbound: await ctx.outboundQueue.queue.getJobCounts(),
  };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`wechat bench: ${(err as Error).message}`);
    process.exit(1);
  },
);
