import { Writable } from 'node:stream';
import IORedis from 'ioredis';
import { startMockWechatSession } from '../../../bots/mock-session';
import { createAppContext } from '../../../src/composition/context';
import { createLogger } from '../../../src/infra/logger';
import { startApiRole } from '../../../src/roles/api-role';
import { startWorkerRole } from '../../../src/roles/worker-role';
import { postTranscript, testConfig, uniqueName, waitFor } from '../../support/test-app';
import { startFakeOpenAi } from '../../support/fake-openai';
import { CaseReport } from '../support/figures';
import { capturedOutput } from '../support/processes';
import { bearer, staffToken } from '../support/staff-fixture';
import { complaintText, hotlinePayload, person, pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';
import { mockSessionPort } from '../../../src/composition/intake';

const BULLMQ_QUEUES = /:(triage|outbound|deadlines):/;

/** Every BullMQ key's content under the given Redis (all prefixes of the run), as text. */
async function queueData(url: string): Promise<{ key: string; text: string }[]> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  const out: { key: string; text: string }[] = [];
  try {
    for await (const keys of redis.scanStream({ count: 500 }) as AsyncIterable<string[]>) {
      for (const key of keys) {
        const type = await redis.type(key);
        const text =
          type === 'hash'
            ? JSON.stringify(await redis.hgetall(key))
            : type === 'string'
              ? ((await redis.get(key)) ?? '')
              : type === 'list'
                ? JSON.stringify(await redis.lrange(key, 0, -1))
                : type === 'zset'
                  ? JSON.stringify(await redis.zrange(key, '0', '-1'))
                  : type === 'set'
                    ? JSON.stringify(await redis.smembers(key))
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+'))
                      : '';
        out.push({ key, text });
      }
    }
  } finally {
    redis.disconnect();
  }
  return out;
}

/** Case 15: synthetic personal data through every path → no copy, in any written form, in logs, queue job data or LLM text. */
export const piiLeaks: FaultCase = {
  issueCase: 15,
  id: 'pii',
  title: 'personal data: none in logs, queue job data or text sent to the LLM',
  quick: true,
  measures: ['pii_leaks'],
  async run(env) {
    const r = new CaseReport();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const fake = await startFakeOpenAi();
    fake.answer = {
      category: 'wage_arrears',
      employer: '某劳务队',
      project: null,
      location: '漳江街道',
      amount_yuan: 5000,
      worker_count: 1,
      phone: '[电话1]',
      sector: 'construction',
      urgency: 'normal',
    };
    const config = testConfig({
      LOG_LEVEL: 'trace',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_API_KEY: 'fake-key',
      OPENAI_TIMEOUT_MS: '2000',
      OPENAI_MAX_RETRIES: '0',
    });
    const log = createLogger('trace', {}, sink);
    const ctx = await createAppContext(config, log);
    const api = await startApiRole(ctx);
    const worker = await startWorkerRole(ctx);
    const session = await startMockWechatSession({
      redisUrl: config.REDIS_URL,
      queuePrefix: config.QUEUE_PREFIX,
      log: log.child({ module: 'wechat-bot' }),
      ...mockSessionPort(ctx),
    });
    const paths: string[] = [];
    try {
      const op = await staffToken({ ctx, url: api.url, stop: async () => undefined }, 'admin', null);
      const ids: string[] = [];
      // Hotline: turns with the caller's number as a field, and a plain-text transcript.
      for (const i of [1501, 1502]) {
        pii.note(i);
        const body =
          i === 1501
            ? hotlinePayload(i, uniqueName('call'))
            : { callId: uniqueName('call'), receivedAt: new Date().toISOString(), transcript: `来电人：${complaintText(i)}` };
        const res = await postTranscript(api.url, body);
        ids.push(((await res.json()) as { complaintId: string }).complaintId);
      }
      paths.push('hotline (turns + callerPhone, plain text)');
      // Staff-entered complaint with the complainant's name and phone.
      pii.note(1503);
      const p3 = person(1503);
      const staffRes = await fetch(`${api.url}/api/complaints`, {
        method: 'POST',
        headers: bearer(op.token, true),
        body: JSON.stringify({
          channel: 'onsite',
          externalId: uniqueName('ext'),
          receivedAt: new Date().toISOString(),
          complainant: { name: p3.name, phone: p3.phone },
          text: complaintText(1503),
        }),
      });
      ids.push(((await staffRes.json()) as { complaintId: string }).complaintId);
      paths.push('staff complaint (name, phone)');
      // Refused requests that carry personal data: a bad field, an id that is a phone number, a search for one.
      pii.note(1504);
      const p4 = person(1504);
      await postTranscript(api.url, {
        callId: uniqueName('call'),
        receivedAt: 'yesterday',
        callerPhone: p4.phone,
        transcript: complaintText(1504),
      });
      await fetch(`${api.url}/api/leads/${p4.phone}`, { headers: bearer(op.token) });
      await fetch(`${api.url}/api/leads?q=${p4.phone}`, { headers: bearer(op.token) });
      await fetch(`${api.url}/api/leads?q=${encodeURIComponent(p4.name)}&${p4.idNumber}=1`, { headers: bearer(op.token) });
      await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: p4.phone, password: p4.idNumber }),
      });
      paths.push('refused requests (bad field, phone as id, phone and name in search, phone as username)');
      // WeChat: a whole conversation with the bot, then a staff reply through the outbound queue.
      pii.note(1505);
      const p5 = person(1505);
      const wxid = `wxid_${uniqueName('pii')}`;
      const said = () => session.said.filter((m) => m.to === wxid).length;
      session.send(wxid, p5.name, complaintText(1505));
      await waitFor(async () => said() >= 1, 10_000, 'the summary');
      session.send(wxid, p5.name, '确认');
      await waitFor(async () => said() >= 3, 15_000, 'registration and the case number');
      session.send(wxid, p5.name, `查询 我的身份证${p5.idNumber}`);
      await waitFor(async () => said() >= 4, 10_000, 'the progress answer');
      paths.push('WeChat conversation (complaint, 确认, 查询 with an ID number)');
      for (const id of ids) await waitFor(async () => (await ctx.repos.complaints.get(id))?.leadId ?? null, 15_000, 'triage');
      const wxLeadId = await waitFor(
        async () => {
          const cid = await ctx.repos.complainants.findId('wechat', wxid);
          return cid ? ((await ctx.repos.leads.listByComplainant(cid))[0]?.id ?? null) : null;
        },
        15_000,
        'the WeChat case',
      );
      const reply = await fetch(`${api.url}/api/leads/${wxLeadId}/replies`, {
        method: 'POST',
        headers: bearer(op.token, true),
        body: JSON.stringify({ text: `${p5.name}您好，请把身份证${p5.idNumber}复印件带来，电话${p5.phone}。` }),
      });
      r.expect(reply.status === 201, `the staff reply answered ${reply.status}`);
      await waitFor(async () => said() >= 5, 15_000, 'the staff reply to arrive');
      paths.push('staff reply with name, ID and phone (outbound queue)');
      for (const id of ids)
        await fetch(`${api.url}/api/leads/${(await ctx.repos.complaints.get(id))!.leadId}/reveal-phone`, {
          method: 'POST',
          headers: bearer(op.token),
        });

      const hitsIn = (source: string, texts: string[]) => {
        const hits = texts.flatMap((t) => pii.find(t));
        r.add('pii_leaks', hits.length);
        r.expect(
          hits.length === 0,
          `${source}: ${hits.length} copies (any written form), e.g. ${[...new Set(hits)].slice(0, 5).join(', ')}`,
        );
        return hits.length;
      };
      const inLogs = hitsIn('logs of this case (trace level)', lines);
      const spawned = capturedOutput.filter((l) => !l.source.startsWith('redis'));
      const inSpawned = hitsIn(
        `logs of the ${new Set(spawned.map((l) => l.source)).size} processes the run spawned`,
        spawned.map((l) => l.line),
      );
      const keys = (await queueData(config.REDIS_URL)).concat(env.redis.url === config.REDIS_URL ? [] : await queueData(env.redis.url));
      const jobKeys = keys.filter((k) => BULLMQ_QUEUES.test(k.key));
      const inJobs = hitsIn(
        `BullMQ job data (${jobKeys.length} keys of every queue of the run)`,
        jobKeys.map((k) => k.text),
      );
      const otherKeys = keys
        .filter((k) => !BULLMQ_QUEUES.test(k.key) && pii.find(k.text).length > 0)
        .map((k) => k.key.replace(/^[^:]+:/, '…:').replace(/:[^:]+$/, ':…'));
      const llmTexts = fake.requests.map((q) => JSON.stringify(q.messages));
      const inLlm = hitsIn(`text sent to the LLM (${llmTexts.length} requests)`, llmTexts);
      r.found(
        'a fictional phone number, 18-digit ID number and name through every path: ' + paths.join('; '),
        `${lines.length} log lines here + ${spawned.length} from spawned processes, ${jobKeys.length} queue keys, ${llmTexts.length} LLM requests`,
        `copies in any written form: logs ${inLogs}, spawned logs ${inSpawned}, queue job data ${inJobs}, LLM text ${inLlm}${otherKeys.length ? `; by design outside the queues (TTL'd): ${[...new Set(otherKeys)].join(', ')}` : ''}`,
      );
    } finally {
      await session.stop();
      await worker.stop();
      await api.stop();
      for (const q of [ctx.triageQueue.queue, ctx.outboundQueue.queue, ctx.deadlineQueue.queue])
        await q.obliterate({ force: true }).catch(() => undefined);
      await ctx.db.dropDatabase().catch(() => undefined);
      await ctx.close();
      await fake.close();
    }
    return r.result();
  },
};
