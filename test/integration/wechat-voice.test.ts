import { createAppContext } from '../../src/composition/context';
import { createLogger } from '../../src/infra/logger';
import { startWorkerRole } from '../../src/roles/worker-role';
import { captureLog } from '../support/capture-log';
import { startFakeSpeech, type FakeSpeech } from '../support/fake-speech';
import { startTestApp, testConfig, waitFor, type TestApp } from '../support/test-app';
import { startWechatHarness } from '../support/wechat-harness';

jest.setTimeout(60_000);

// Not real SILK: the bot passes the bytes on as they came, and the fake endpoint only counts them.
const VOICE = Buffer.from('#!SILK_V3 a fictional sixty-second voice message'.repeat(40)).toString('base64');
const VOICE_BYTES = Buffer.from(VOICE, 'base64').length;
const TYPE_PLEASE = /暂时无法识别语音，请用文字说明情况/;

/** The app with its logs kept, to see what a voice message leaves in them. */
async function startLoggedApp(env: Record<string, string>): Promise<TestApp & { logs: string[] }> {
  const { lines, sink } = captureLog();
  const ctx = await createAppContext(testConfig(env), createLogger('info', {}, sink));
  const worker = await startWorkerRole(ctx);
  return {
    ctx,
    url: '',
    logs: lines,
    async stop() {
      await worker.stop();
      for (const q of [ctx.triageQueue.queue, ctx.outboundQueue.queue, ctx.deadlineQueue.queue, ctx.platformQueue.queue])
        await q.obliterate({ force: true }).catch(() => undefined);
      await ctx.db.dropDatabase().catch(() => undefined);
      await ctx.close();
    },
  };
}

describe('voice messages on the Wechaty bot, transcribed by an OpenAI-compatible speech endpoint', () => {
  let speech: FakeSpeech;
  let app: Awaited<ReturnType<typeof startLoggedApp>>;
  let harness: Awaited<ReturnType<typeof startWechatHarness>>;
  beforeAll(async () => {
    speech = await startFakeSpeech();
    app = await startLoggedApp({ SPEECH_BASE_URL: speech.baseURL, SPEECH_MODEL: 'fake-whisper', SPEECH_TIMEOUT_MS: '1000' });
    harness = await startWechatHarness(app);
  });
  afterAll(async () => {
    await harness?.stop();
    await app?.stop();
    await speech?.close();
  });
  beforeEach(() => {
    speech.mode = 'good';
  });

  const evidenceOf = async (contactId: string) => {
    const complaint = await waitFor(async () => {
      const cid = await app.ctx.repos.complainants.findId('wechat', contactId);
      const lead = cid ? (await app.ctx.repos.leads.listByComplainant(cid))[0] : undefined;
      return lead ? app.ctx.repos.complaints.get(lead.originComplaintId) : null;
    });
    return { complaint, evidence: await app.ctx.repos.evidence.describe(complaint.evidenceIds) };
  };

  it('when a worker says the whole complaint, then the bot says what it heard, triages it like text, and keeps the audio with its transcript as evidence', async () => {
    speech.transcript = '我在陬市镇的恒兴纸箱厂做了两个月，厂里欠我工资七千六百块，就我一个人，电话13900007788';
    const w = harness.worker('田师傅');
    const [heard, summary] = await w.sendVoice('语音.sil', VOICE, 2);
    expect(heard).toContain(`您的语音内容：${speech.transcript}`);
    expect(summary).toContain('请核对');
    expect(summary).toContain('7600元');
    expect(summary).toContain('13900007788');
    expect(speech.requests.at(-1)).toEqual({
      model: 'fake-whisper',
      language: 'zh',
      fileName: '语音.sil',
      fileType: 'audio/silk',
      bytes: VOICE_BYTES,
    });

    expect(await w.say('确认')).toEqual([expect.stringContaining('已为您登记')]);
    const { complaint, evidence } = await evidenceOf(w.id);
    expect(complaint.text).toBe(speech.transcript);
    expect(evidence).toEqual([
      expect.objectContaining({ name: '语音.sil', mime: 'audio/silk', size: VOICE_BYTES, transcript: speech.transcript }),
    ]);
    // The transcript's numbers are treated as any message's: never written to the logs.
    expect(app.logs.join('')).not.toContain('13900007788');
  });

  it('when the worker answers the bot’s question by voice, then the answer joins the conversation', async () => {
    const w = harness.worker('龚师傅');
    expect(await w.say('鑫源劳务公司欠我工资一直不给')).toEqual([expect.stringContaining('在哪里做的事')]);
    speech.transcript = '在盘塘镇的安置小区工地，欠了八千块，电话13900007799';
    const [heard, summary] = await w.sendVoice('回答.sil', VOICE, 2);
    expect(heard).toContain('您的语音内容：在盘塘镇的安置小区工地');
    expect(summary).toContain('请核对');
    expect(summary).toContain('鑫源劳务公司');
    expect(summary).toContain('8000元');
  });

  it('when the worker asks a question by voice, then the FAQ answers it', async () => {
    speech.transcript = '请问劳动仲裁怎么申请，要不要钱？';
    const w = harness.worker('覃阿姨');
    const [heard, answer] = await w.sendVoice('提问.sil', VOICE, 2);
    expect(heard).toContain('您的语音内容：请问劳动仲裁怎么申请');
    expect(answer).toContain('仲裁不收费');
    expect(answer).toContain('依据：《中华人民共和国劳动争议调解仲裁法》');
  });

  it.each([
    ['takes longer than SPEECH_TIMEOUT_MS', 'hang' as const],
    ['fails', '500' as const],
    ['hears nothing', 'empty' as const],
  ])('when the endpoint %s, then the bot asks for text as before and keeps nothing', async (_what, mode) => {
    speech.mode = mode;
    const w = harness.worker('欧师傅');
    const started = Date.now();
    expect(await w.sendVoice('语音.sil', VOICE)).toEqual([expect.stringMatching(TYPE_PLEASE)]);
    expect(Date.now() - started).toBeLessThan(8_000);
    // Nothing was heard, so nothing became evidence or a conversation: a photo now is the first thing of theirs.
    expect(
      await w.sendFile('欠条.png', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    ).toEqual([expect.stringContaining('请再用文字说明情况')]);
    if (mode !== 'empty') await waitFor(async () => app.logs.some((l) => l.includes('voice message not transcribed')));
  });
});

describe('voice messages without a speech endpoint', () => {
  it('when SPEECH_BASE_URL is not set, then the bot asks for text and calls nothing', async () => {
    const app = await startTestApp();
    const harness = await startWechatHarness(app);
    try {
      expect(app.ctx.config.speech).toBeNull();
      const w = harness.worker('符大姐');
      expect(await w.sendVoice('语音.sil', VOICE)).toEqual([expect.stringMatching(TYPE_PLEASE)]);
    } finally {
      await harness.stop();
      await app.stop();
    }
  });
});
