import { EVIDENCE_MAX_BYTES, MAX_MESSAGE_CHARS } from '../../../src/services/intake/intake-conversation';
import { MAX_FILES, MAX_TURNS } from '../../../src/services/intake/intake-state';
import { startTestApp, testConfig, waitFor } from '../../support/test-app';
import { startWechatHarness } from '../../support/wechat-harness';
import { CaseReport } from '../support/figures';
import { pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** Megabytes of evidence one contact may send a day, for this case (INTAKE_EVIDENCE_MB_PER_DAY). */
const BUDGET_MB = 3;
const EXTRA_MESSAGES = 20;
const EXTRA_FILES = 3;

/** A PNG padded to `bytes`. */
const png = (bytes: number) => Buffer.concat([PNG, Buffer.alloc(Math.max(0, bytes - PNG.length))]).toString('base64');
/** A reply a worker can act on: Chinese words, no template left unfilled. */
const unclear = (replies: string[]) =>
  replies.length === 0 || replies.some((t) => !/[\u4e00-\u9fff]{4}/.test(t) || /\{[A-Za-z_]+\}|\$\{|undefined|NaN|null|\[object/.test(t));

/**
 * Case 20: one WeChat contact (through the real bot on the mock puppet) sending more messages than a
 * conversation keeps, longer messages than it takes, more files than a complaint takes and more bytes
 * than a day's budget. What is kept must stay bounded (the conversation in Redis, the registered
 * complaint, the evidence in the store), and every refusal must be a reply the worker understands.
 */
export const oversizedConversation: FaultCase = {
  issueCase: 20,
  id: 'oversized-conversation',
  title: 'one chat contact past every size limit: kept state and evidence bounded, clear replies',
  quick: false,
  measures: [],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp({
      config: testConfig({ LOG_LEVEL: 'silent', INTAKE_RATE_LIMIT: '1000', INTAKE_EVIDENCE_MB_PER_DAY: String(BUDGET_MB) }),
    });
    const harness = await startWechatHarness(app);
    const stateKey = (id: string) => `${app.ctx.config.QUEUE_PREFIX}:intake:${id}`;
    const evidenceOf = async (id: string) => {
      const docs = await app.ctx.db
        .collection('evidence')
        .find({ channelUserId: { $eq: id } }, { projection: { size: 1 } })
        .toArray();
      return { files: docs.length, bytes: docs.reduce((a, d) => a + Number(d.size ?? 0), 0) };
    };
    const unclearReplies: string[] = [];
    const check = (what: string, replies: string[]) => {
      if (unclear(replies)) unclearReplies.push(`${what}: ${JSON.stringify(replies).slice(0, 160)}`);
      return replies;
    };
    try {
      // Messages: a complaint without its essentials, then MAX_TURNS + 20 long answers, then one over the size limit.
      pii.note(2001);
      const talker = harness.worker('邝德明');
      await talker.say('老板欠我工资不给');
      const long = (k: number) => `补充第${k}条情况：${'那个工地上的事情说来话长，'.repeat(Math.floor((MAX_MESSAGE_CHARS - 20) / 13))}`;
      let afterLimit: string[] = [];
      let peakBytes = 0;
      let peakTurns = 0;
      for (let k = 0; k < MAX_TURNS + EXTRA_MESSAGES; k++) {
        const replies = await talker.say(long(k));
        const raw = (await app.ctx.redis.get(stateKey(talker.id))) ?? '{"turns":[]}';
        peakBytes = Math.max(peakBytes, Buffer.byteLength(raw));
        peakTurns = Math.max(peakTurns, (JSON.parse(raw) as { turns: unknown[] }).turns.length);
        if (k >= MAX_TURNS) afterLimit = check(`message ${k + 1} past the conversation's length`, replies);
      }
      const tooLong = check(`a message of ${MAX_MESSAGE_CHARS + 1} characters`, await talker.say('欠'.repeat(MAX_MESSAGE_CHARS + 1)));
      check('确认 after the limit', await talker.say('确认'));
      const registered = await waitFor(
        async () =>
          (
            await app.ctx.db
              .collection('complaints')
              .find({ 'sender.channelUserId': { $eq: talker.id } })
              .toArray()
          ).at(-1),
        15_000,
        'the registered complaint',
      );
      const complaintChars = String(registered.text ?? '').length;
      const complaintTurns = (registered.turns as unknown[] | undefined)?.length ?? 0;
      r.expect(peakTurns <= MAX_TURNS + 1, `the conversation kept ${peakTurns} turns (limit ${MAX_TURNS})`);
      r.expect(
        afterLimit.some((t) => t.includes('确认')),
        `past the limit the bot did not sum up for confirmation: ${afterLimit.join(' | ').slice(0, 200)}`,
      );
      r.expect(complaintTurns <= MAX_TURNS + 1, `the registered complaint has ${complaintTurns} turns`);

      // Files: a complaint, then MAX_FILES + 3 photos, one over the size limit, and 确认.
      pii.note(2002);
      const sender = harness.worker('靳小满');
      await sender.say('我在漳江街道的鼎泰建筑公司做了两个月，鼎泰建筑公司欠我工资5600元，就我一个人，电话13877772002');
      const fileReplies: string[][] = [];
      for (let k = 0; k < MAX_FILES + EXTRA_FILES; k++) fileReplies.push(await sender.sendFile(`欠条${k}.png`, png(2_000)));
      for (const [k, replies] of fileReplies.slice(MAX_FILES).entries()) check(`photo ${MAX_FILES + k + 1} of one complaint`, replies);
      check(`a photo of ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB and a byte`, await sender.sendFile('大图.png', png(EVIDENCE_MAX_BYTES + 1)));
      await sender.say('确认');
      const withFiles = await waitFor(
        async () =>
          app.ctx.db.collection('complaints').findOne({ 'sender.channelUserId': { $eq: sender.id }, evidenceIds: { $exists: true } }),
        15_000,
        'the complaint with its files',
      );
      const attached = (withFiles.evidenceIds as unknown[] | undefined)?.length ?? 0;
      const senderEvidence = await evidenceOf(sender.id);
      r.expect(attached <= MAX_FILES, `one complaint took ${attached} files (limit ${MAX_FILES})`);
      r.expect(senderEvidence.files <= MAX_FILES, `${senderEvidence.files} files were stored for one complaint's sender`);

      // Bytes: 1.2 MB photos past the day's budget, also after starting a new conversation.
      const heavy = harness.worker('庹桂香');
      const heavyReplies: string[][] = [];
      for (let k = 0; k < 3; k++) heavyReplies.push(await heavy.sendFile(`工资单${k}.png`, png(1_200_000)));
      await heavy.say('重新开始');
      heavyReplies.push(await heavy.sendFile('工资单3.png', png(1_200_000)));
      for (const [k, replies] of heavyReplies.entries()) if (k >= 2) check(`1.2 MB photo ${k + 1} past the ${BUDGET_MB} MB day`, replies);
      const heavyEvidence = await evidenceOf(heavy.id);
      r.expect(heavyEvidence.bytes <= BUDGET_MB * 1024 * 1024, `${heavyEvidence.bytes} bytes of evidence kept for one contact in a day`);

      r.max('max_conversation_turns_kept', peakTurns);
      r.max('max_conversation_state_bytes', peakBytes);
      r.max('max_evidence_files_per_complaint', attached);
      r.max('max_evidence_bytes_per_contact_day', heavyEvidence.bytes);
      r.add('unclear_replies', unclearReplies.length);
      r.expect(unclearReplies.length === 0, `replies a worker cannot act on (FAULT): ${unclearReplies.join('; ')}`);
      r.found(
        `one contact sends ${MAX_TURNS + EXTRA_MESSAGES} answers of ${long(0).length} characters (the conversation keeps ${MAX_TURNS} turns), one of ${MAX_MESSAGE_CHARS + 1}, then 确认`,
        `${MAX_TURNS + EXTRA_MESSAGES + 3} messages`,
        `turns kept at most ${peakTurns}; the conversation in Redis at most ${Math.round(peakBytes / 1024)} KB; registered: ${complaintTurns} turns, ${complaintChars} characters; past the limit the bot replies: “${afterLimit[0]?.slice(0, 40) ?? ''}…”; too long: “${tooLong[0]?.slice(0, 30) ?? ''}…”`,
      );
      r.found(
        `one contact sends ${MAX_FILES + EXTRA_FILES} photos with one complaint (it takes ${MAX_FILES}) and one of ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB + 1 byte; another sends 1.2 MB photos past a ${BUDGET_MB} MB day, also after 重新开始`,
        `${MAX_FILES + EXTRA_FILES + 1} + 4 files`,
        `attached to the complaint ${attached}, stored for the sender ${senderEvidence.files}; the day's bytes kept ${(heavyEvidence.bytes / 1024 / 1024).toFixed(1)} MB in ${heavyEvidence.files} files; replies past a limit: “${fileReplies.at(-1)?.[0]?.slice(0, 60) ?? ''}”; unclear replies ${unclearReplies.length}`,
      );
    } finally {
      await harness.stop();
      await app.stop();
    }
    return r.result();
  },
};
