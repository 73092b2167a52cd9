import { postTranscript, signedHeaders, startTestApp, uniqueName, waitFor } from '../../support/test-app';
import { startWechatHarness } from '../../support/wechat-harness';
import { CaseReport } from '../support/figures';
import { bearer, staffToken } from '../support/staff-fixture';
import { hotlinePayload, pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';

const N = 50;

/** Case 7: 50 concurrent deliveries of one message → exactly one complaint (and one case). */
export const concurrentDelivery: FaultCase = {
  issueCase: 7,
  id: 'concurrent-delivery',
  title: '50 concurrent deliveries of the same message',
  quick: true,
  measures: ['sent', 'acknowledged', 'stored', 'duplicated'],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp();
    const harness = await startWechatHarness(app);
    try {
      const countOf = (channel: string, dedupKey: string) =>
        app.ctx.db.collection('complaints').countDocuments({ channel: { $eq: channel }, dedupKey: { $eq: dedupKey } });
      const tally = async (what: string, channel: string, key: string, statuses: number[]) => {
        const stored = await countOf(channel, key);
        const ok = statuses.filter((s) => s >= 200 && s < 300).length;
        const errors = statuses.filter((s) => s >= 500).length;
        r.add('sent', statuses.length);
        r.add('acknowledged', ok);
        r.add('stored', Math.min(stored, 1));
        r.add('duplicated', Math.max(0, stored - 1));
        r.expect(stored === 1, `${what}: ${stored} complaints stored, not 1`);
        r.expect(errors === 0, `${what}: ${errors} answers were 5xx`);
        const counts = Object.entries(statuses.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {})).map(
          ([s, n]) => `${n}×${s}`,
        );
        r.found(what, `${statuses.length} at once`, `${stored} complaint stored; answers ${counts.join(', ')}`);
      };

      // The hotline feed retrying one call: byte-identical requests, and the same call signed afresh each time.
      pii.note(7001);
      const same = JSON.stringify(hotlinePayload(7001, uniqueName('call')));
      const headers = signedHeaders(same);
      const identical = await Promise.all(
        Array.from({ length: N }, () =>
          fetch(`${app.url}/api/hotline/transcripts`, { method: 'POST', headers, body: same }).then((x) => x.status),
        ),
      );
      await tally(
        'the same signed hotline request delivered 50 times at once',
        'hotline',
        (JSON.parse(same) as { callId: string }).callId,
        identical,
      );

      pii.note(7002);
      const call = hotlinePayload(7002, uniqueName('call'));
      const now = Math.floor(Date.now() / 1000);
      const resigned = await Promise.all(
        Array.from({ length: N }, (_, k) => postTranscript(app.url, call, { timestamp: now - k }).then((x) => x.status)),
      );
      await tally('one hotline call delivered 50 times at once, each signed afresh', 'hotline', call.callId, resigned);

      const op = await staffToken(app, 'operator', null);
      const externalId = uniqueName('GJPT');
      const body = JSON.stringify({
        channel: 'national_platform',
        externalId,
        receivedAt: new Date().toISOString(),
        complainant: { name: '庹桂香', phone: '13877777003' },
        text: '本人在漳江街道某工地务工，某某建设公司拖欠本人工资12000元，请求处理。',
      });
      pii.note(7003);
      const staffPosts = await Promise.all(
        Array.from({ length: N }, () =>
          fetch(`${app.url}/api/complaints`, { method: 'POST', headers: bearer(op.token, true), body }).then((x) => x.status),
        ),
      );
      await tally('one national-platform lead forwarded 50 times at once by staff', 'national_platform', externalId, staffPosts);

      // A worker who taps 确认 many times: one complaint. (The contact's message budget also caps the burst.)
      const w = harness.worker('芮明霞');
      await w.say('我在盘塘镇的金穗米厂做了两个月，金穗米厂欠我工资5600，就我一个，电话13877777004');
      pii.note(7004);
      for (let k = 0; k < 10; k++) harness.session.send(w.id, '芮明霞', '确认');
      await w.waitFor(/已为您登记/);
      await harness.session.quiet(harness.session.said.length - 1, { quietMs: 1500, maxMs: 10_000 });
      const cid = await waitFor(
        () => app.ctx.repos.complainants.findId('wechat', w.id).then((x) => x ?? null),
        10_000,
        'the complainant',
      ).catch(() => null);
      // Every message the bot answers is kept; a 确认 after the registration is a message of its own
      // (kept for review, in no case), not a second registration of the complaint.
      const fromWorker = await app.ctx.db
        .collection('complaints')
        .find({ 'sender.channelUserId': { $eq: w.id } }, { projection: { dedupKey: 1, leadId: 1 } })
        .toArray();
      const registered = fromWorker.filter((c) => !String(c.dedupKey).includes('-msg-'));
      const single = fromWorker.filter((c) => String(c.dedupKey).includes('-msg-'));
      const singleInCases = single.filter((c) => c.leadId).length;
      r.add('sent', 10);
      r.add('stored', Math.min(registered.length, 1));
      r.add('duplicated', Math.max(0, registered.length - 1) + singleInCases);
      r.expect(registered.length === 1 && cid !== null, `WeChat 确认 ×10: ${registered.length} complaints registered`);
      r.expect(singleInCases === 0, `WeChat 确认 ×10: ${singleInCases} later 确认 messages joined a case`);
      r.found(
        'a WeChat worker sends 确认 ten times in a burst',
        '10 messages',
        `${registered.length} complaint registered; ${single.length} later 确认 kept as messages for review, ${singleInCases} of them in a case`,
      );
    } finally {
      await harness.stop();
      await app.stop();
    }
    return r.result();
  },
};
