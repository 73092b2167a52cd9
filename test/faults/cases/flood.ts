import { setTimeout as delay } from 'node:timers/promises';
import { startTestApp, waitFor } from '../../support/test-app';
import { startWechatHarness } from '../../support/wechat-harness';
import { CaseReport } from '../support/figures';
import { person, pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';

const FLOOD = 300;
const OTHERS = 5;

/** Case 13: one WeChat contact floods the bot; the others are served in full at the same time. */
export const flood: FaultCase = {
  issueCase: 13,
  id: 'flood',
  title: 'a flooding sender is capped while the others are served',
  quick: true,
  measures: [],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp();
    const harness = await startWechatHarness(app);
    const limit = app.ctx.config.INTAKE_RATE_LIMIT;
    try {
      const flooder = harness.worker('刷屏者');
      const flooding = (async () => {
        for (let k = 0; k < FLOOD; k++) {
          harness.session.send(
            flooder.id,
            '刷屏者',
            k % 2 ? '确认' : `我在漳江街道的鼎泰建筑公司做事，欠我工资${1000 + k}元，电话13877779${String(k % 1000).padStart(3, '0')}`,
          );
          if (k % 20 === 0) await delay(1);
        }
      })();
      const started = Date.now();
      const served = await Promise.all(
        Array.from({ length: OTHERS }, async (_, k) => {
          const p = person(1300 + k);
          pii.note(1300 + k);
          const w = harness.worker(p.name);
          const t0 = Date.now();
          const [summary] = await w.say(
            `我在盘塘镇的金穗米厂${k}号车间做了两个月，金穗米厂欠我工资${5600 + k}元，就我一个，电话${p.phone}`,
          );
          const [registered] = await w.say('确认');
          const notice = await w.waitFor(/案件编号 WA\d{8}-\d{4}/).catch(() => null);
          return { ok: Boolean(summary?.includes('请核对') && registered?.includes('已为您登记') && notice), ms: Date.now() - t0 };
        }),
      );
      await flooding;
      await harness.session.quiet(0, { quietMs: 1500, maxMs: 15_000 });
      // Case-number notices come later from the outbound queue; the budget is about answers to messages.
      const toFlooder = flooder.received.filter((t) => !/案件编号 WA/.test(t)).length;
      const flooderComplaints = await app.ctx.db.collection('complaints').countDocuments({ 'sender.channelUserId': { $eq: flooder.id } });
      const fully = served.filter((s) => s.ok).length;
      r.add('flood_messages', FLOOD);
      r.add('flood_replies', toFlooder);
      r.expect(fully === OTHERS, `${OTHERS - fully} of ${OTHERS} other workers were not fully served`);
      r.expect(toFlooder <= limit + 1, `the flooder got ${toFlooder} replies (budget ${limit} and one warning)`);
      // Within its budget a contact may still register (a message and 确认 each): at most half the budget.
      r.expect(flooderComplaints <= Math.floor(limit / 2), `the flood opened ${flooderComplaints} complaints`);
      await waitFor(async () => (await fetch(`${app.url}/healthz`)).ok, 5000, 'the app');
      r.found(
        'one WeChat contact floods the bot while five others each report a complaint and confirm it',
        `${FLOOD} flood messages; 5 conversations`,
        `the flooder got ${toFlooder} answers (budget ${limit}/min + 1 warning; the rest ignored) and registered ${flooderComplaints} complaints inside the budget; ${fully}/5 others fully served (summary, registration, case number), slowest in ${Math.max(...served.map((s) => s.ms))} ms; total ${Date.now() - started} ms`,
      );
    } finally {
      await harness.stop();
      await app.stop();
    }
    return r.result();
  },
};
