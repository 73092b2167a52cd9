import fc from 'fast-check';
import { signHotlineBody } from '../../../src/http/hotline-signature';
import { postTranscript, signedHeaders, startTestApp, testConfig, TEST_HOTLINE_SECRET, uniqueName } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import { bearer, staffToken } from '../support/staff-fixture';
import { hotlinePayload, pii } from '../support/synthetic';
import type { FaultCase } from '../support/suite';

const ROTATED_SECRET = 'rotated-hotline-secret-0123456789abcdef';

/** Case 11: the hotline HMAC — missing, wrong, stale, replayed, tampered, rotated → refused; forged accepted 0. */
export const hotlineHmac: FaultCase = {
  issueCase: 11,
  id: 'hotline-hmac',
  title: 'hotline HMAC: forged, stale, replayed, tampered, rotated; staff entries posing as the feed',
  quick: true,
  measures: ['rejected', 'forged_accepted', 'lost'],
  async run() {
    const r = new CaseReport();
    const app = await startTestApp({ worker: false });
    // The same feed after the secret was rotated (a new process with the new secret).
    const rotated = await startTestApp({ worker: false, config: testConfig({ HOTLINE_SECRET: ROTATED_SECRET }) });
    const byKind: Record<string, { tried: number; accepted: number }> = {};
    const post = (url: string, body: string | Buffer, headers: Record<string, string>) =>
      fetch(`${url}/api/hotline/transcripts`, { method: 'POST', headers, body });
    const forged = async (kind: string, res: Response) => {
      const k = (byKind[kind] ??= { tried: 0, accepted: 0 });
      k.tried++;
      if (res.ok) k.accepted++;
      else r.add('rejected', 1);
      await res.body?.cancel();
    };
    const now = () => Math.floor(Date.now() / 1000);
    const fresh = (i: number) => {
      pii.note(i);
      return JSON.stringify(hotlinePayload(i, uniqueName('call')));
    };
    try {
      let i = 11_000;
      for (const [kind, headers] of [
        ['no signature', { 'content-type': 'application/json', 'x-timestamp': String(now()) }],
        ['no timestamp', { 'content-type': 'application/json', 'x-signature': `sha256=${'a'.repeat(64)}` }],
        ['no headers at all', { 'content-type': 'application/json' }],
      ] as const) {
        await forged(kind, await post(app.url, fresh(i++), headers));
      }
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (secret) => {
          const body = fresh(i++);
          await forged(
            'wrong secret',
            await post(app.url, body, signedHeaders(body, { secret: secret === TEST_HOTLINE_SECRET ? `${secret}x` : secret })),
          );
        }),
        { numRuns: 40 },
      );
      for (const skew of [-86_400, -301, 301, 3_600]) {
        const body = fresh(i++);
        await forged('stale or future timestamp', await post(app.url, body, signedHeaders(body, { timestamp: now() + skew })));
      }
      for (const sig of [
        'sha1=abc',
        'sha256=',
        `sha256=${'z'.repeat(64)}`,
        `SHA256=${'0'.repeat(64)}`,
        `sha256=${'0'.repeat(63)}`,
        'garbage',
      ]) {
        const body = fresh(i++);
        await forged(
          'malformed signature',
          await post(app.url, body, { 'content-type': 'application/json', 'x-timestamp': String(now()), 'x-signature': sig }),
        );
      }
      // Tampering: a valid signature with a body changed anywhere, or with another timestamp.
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, flip) => {
          const body = Buffer.from(fresh(i++));
          const headers = signedHeaders(body.toString());
          const changed = Buffer.from(body);
          const at = pos % changed.length;
          changed[at] = changed[at]! ^ flip;
          await forged('tampered body', await post(app.url, changed, headers));
        }),
        { numRuns: 60 },
      );
      {
        const body = fresh(i++);
        const headers = signedHeaders(body, { timestamp: now() - 5 });
        await forged('tampered timestamp', await post(app.url, body, { ...headers, 'x-timestamp': String(now()) }));
      }
      // Replay: a request that was accepted, sent again byte for byte.
      for (let k = 0; k < 5; k++) {
        const body = fresh(i++);
        const headers = signedHeaders(body);
        const first = await post(app.url, body, headers);
        r.expect(first.status === 202, `a valid signed request answered ${first.status}`);
        for (let n = 0; n < 3; n++) await forged('replayed after acceptance', await post(app.url, body, headers));
      }
      // Rotation: the new process refuses the old secret and takes the new one.
      for (let k = 0; k < 10; k++) {
        const body = fresh(i++);
        await forged('old secret after rotation', await post(rotated.url, body, signedHeaders(body)));
      }
      const good = fresh(i++);
      const ts = String(now());
      const control = await post(rotated.url, good, {
        'content-type': 'application/json',
        'x-timestamp': ts,
        'x-signature': signHotlineBody(ROTATED_SECRET, ts, good),
      });
      r.expect(control.status === 202, `the new secret was refused (${control.status})`);

      const stored =
        (await app.ctx.db.collection('complaints').countDocuments({})) + (await rotated.ctx.db.collection('complaints').countDocuments({}));
      const forgedAccepted = Object.values(byKind).reduce((a, k) => a + k.accepted, 0);
      r.add('forged_accepted', forgedAccepted);
      r.expect(
        forgedAccepted === 0,
        `forged requests accepted: ${JSON.stringify(Object.fromEntries(Object.entries(byKind).filter(([, k]) => k.accepted)))}`,
      );
      r.expect(stored === 5 + 1, `${stored} complaints stored; only the 5 valid requests and the rotated-secret control should be`);
      const tried = Object.values(byKind).reduce((a, k) => a + k.tried, 0);
      r.found(
        'hotline requests without, with wrong, stale, malformed, tampered (fast-check), replayed or pre-rotation signatures',
        `${tried} requests (${Object.entries(byKind)
          .map(([k, v]) => `${k} ${v.tried}`)
          .join(', ')})`,
        `accepted ${forgedAccepted}; stored only the ${stored} genuine ones`,
      );

      // Staff cannot speak for the feed: a hotline work order entered with the call id the feed sends
      // later must not make the real transcript a "duplicate" (dropped while acknowledged).
      const op = await staffToken(app, 'operator', null);
      let dropped = 0;
      const answers: number[] = [];
      for (let k = 0; k < 3; k++) {
        const call = hotlinePayload(i, uniqueName('call'));
        pii.note(i++);
        const entry = await fetch(`${app.url}/api/complaints`, {
          method: 'POST',
          headers: bearer(op.token, true),
          body: JSON.stringify({
            channel: 'hotline',
            externalId: call.callId,
            receivedAt: new Date().toISOString(),
            text: '工单：来电人反映欠薪，详见录音。',
          }),
        });
        await entry.body?.cancel();
        const feed = await postTranscript(app.url, call);
        const answer = (await feed.json()) as { complaintId?: string; duplicate?: boolean };
        answers.push(feed.status);
        const kept = await app.ctx.db
          .collection('complaints')
          .countDocuments({ channel: 'hotline', dedupKey: { $eq: call.callId }, 'sender.phone': { $eq: call.callerPhone } });
        if (!(feed.status === 202 && answer.duplicate === false && kept === 1)) dropped++;
      }
      r.add('sent', 3);
      r.add('acknowledged', answers.filter((s) => s === 200 || s === 202).length);
      r.add('stored', 3 - dropped);
      r.add('lost', dropped);
      r.expect(dropped === 0, `${dropped} of 3 real transcripts were taken for duplicates of a staff entry with their call id (FAULT)`);
      r.found(
        'a staff entry on channel hotline with the call id the feed sends next, then the real transcript',
        '3 calls',
        `feed answers ${answers.join('/')}; real transcripts kept ${3 - dropped} of 3`,
      );
    } finally {
      await rotated.stop();
      await app.stop();
    }
    return r.result();
  },
};
