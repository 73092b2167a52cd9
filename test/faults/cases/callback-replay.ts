import { randomUUID } from 'node:crypto';
import { aesKeyFrom, encryptMessage } from '../../../src/http/wechat-platform/platform-crypto';
import { buildXml } from '../../../src/http/wechat-platform/platform-xml';
import { startFakeWechatApi } from '../../support/fake-wechat-api';
import { platformUser, type PlatformAccount } from '../../support/platform-client-sim';
import { WECOM } from '../../support/platform-vectors';
import { startTestApp, testConfig, uniqueName } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import type { FaultCase } from '../support/suite';

const OA_PLAIN: PlatformAccount = { path: '/wechat/oa', token: 'oaReplayToken2026', aesKey: null, receiverId: 'wxfa0e1c2d3b4a5970' };
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const REPLAYS = 10;

let msgSeq = BigInt(Date.now()) * 1000n + 7n;
const textFields = (from: string, content: string) => ({
  ToUserName: 'gh_fake0000001',
  FromUserName: from,
  CreateTime: Math.floor(Date.now() / 1000),
  MsgType: 'text',
  Content: content,
  MsgId: String(++msgSeq),
});

/**
 * Case 19: a signed platform callback captured in transit and sent again. In plain mode the signature
 * covers only token, timestamp and nonce, so the captured query could carry any message: with another
 * body it must be refused and nothing stored. The very same delivery again (the platform's own retry,
 * or an encrypted WeCom callback byte for byte) is answered and stored once.
 */
export const callbackReplay: FaultCase = {
  issueCase: 19,
  id: 'callback-replay',
  title: 'replayed Official Account and WeCom callbacks: another body refused, the same one stored once',
  quick: true,
  measures: ['forged_accepted', 'rejected'],
  async run() {
    const r = new CaseReport();
    const fake = await startFakeWechatApi();
    const app = await startTestApp({
      config: testConfig({
        LOG_LEVEL: 'silent',
        WECHAT_OA_TOKEN: OA_PLAIN.token,
        WECHAT_OA_APPID: OA_PLAIN.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0019',
        WECHAT_API_BASE_URL: fake.baseUrl,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
        WECOM_SECRET: 'fake-corp-secret-0019',
        WECOM_AGENT_ID: '1000002',
        WECOM_API_BASE_URL: fake.baseUrl,
      }),
    });
    const inbound = app.ctx.db.collection('inbound_messages');
    const stored = (text: string) => inbound.countDocuments({ text: { $eq: text } });
    const post = (path: string, query: string, body: string) =>
      fetch(`${app.url}${path}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body }).then(
        async (res) => (await res.body?.cancel(), res.status),
      );
    /** A genuine delivery, with the query and body as they crossed the wire. */
    const capture = async (account: PlatformAccount, from: string, content: string) => {
      let query = '';
      let body = '';
      const sent = await platformUser(app.url, account, from).post(textFields(from, content), {
        tamper: (q, b) => ((query = q.toString()), (body = b)),
      });
      return { status: sent.res.status, query, body };
    };
    let forged = 0;
    const count = (what: string, statuses: number[], storedN: number) => {
      const accepted = statuses.filter((s) => s >= 200 && s < 300).length;
      r.add('rejected', statuses.length - accepted);
      const n = Math.max(accepted, storedN);
      forged += n;
      r.expect(n === 0, `${what}: ${accepted} of ${statuses.length} answered 2xx, ${storedN} stored (FAULT)`);
      return `${statuses.map(String).join('/')}`;
    };
    try {
      // Official Account, plain mode.
      const oaUser = `o${uniqueName('oa')}`;
      const genuineText = `我在漳江街道的鼎泰建筑公司做事，欠我工资5200元 ${randomUUID().slice(0, 8)}`;
      const oa = await capture(OA_PLAIN, oaUser, genuineText);
      r.expect(oa.status === 200, `the genuine Official Account callback answered ${oa.status}`);
      const forgedText = (k: number) => `伪造消息${k} ${randomUUID().slice(0, 8)}：老板已经结清工资，不用处理了`;
      const texts = Array.from({ length: REPLAYS }, (_, k) => forgedText(k));
      const others = texts.map((t, k) => buildXml(textFields(k % 2 ? oaUser : `o${uniqueName('victim')}`, t)));
      const one = await post(OA_PLAIN.path, oa.query, others[0]!);
      const burst = await Promise.all(others.slice(1).map((b) => post(OA_PLAIN.path, oa.query, b)));
      let forgedStored = 0;
      for (const t of texts) forgedStored += await stored(t);
      const oaForged = count('plain-mode query replayed with another body', [one, ...burst], forgedStored);
      const again = await Promise.all(Array.from({ length: 3 }, () => post(OA_PLAIN.path, oa.query, oa.body)));
      const oaOnce = await stored(genuineText);
      r.expect(oaOnce === 1, `the genuine Official Account message is stored ${oaOnce} times`);
      r.expect(
        again.every((s) => s === 200),
        `the platform's own retry (same query, same body) answered ${again.join('/')}`,
      );

      // WeCom, encrypted: the same delivery byte for byte, and the captured query with another envelope.
      const wcUser = uniqueName('wc');
      const wcText = `我在陬市镇的恒兴纸箱厂做工，欠我工资6100元 ${randomUUID().slice(0, 8)}`;
      const wc = await capture(WECOM_ACCOUNT, wcUser, wcText);
      r.expect(wc.status === 200, `the genuine WeCom callback answered ${wc.status}`);
      const byteForByte = await Promise.all(Array.from({ length: REPLAYS }, () => post(WECOM_ACCOUNT.path, wc.query, wc.body)));
      const wcOnce = await stored(wcText);
      r.expect(wcOnce === 1, `the WeCom message replayed byte for byte is stored ${wcOnce} times`);
      r.expect(
        byteForByte.every((s) => s === 200),
        `the byte-for-byte replays answered ${byteForByte.join('/')}`,
      );
      const wcForgedText = forgedText(99);
      const enc = encryptMessage(aesKeyFrom(WECOM.key), buildXml(textFields(wcUser, wcForgedText)), WECOM.corpId);
      const otherEnvelope = await post(WECOM_ACCOUNT.path, wc.query, buildXml({ ToUserName: WECOM.corpId, Encrypt: enc }));
      const wcForged = count('WeCom query replayed with another envelope', [otherEnvelope], await stored(wcForgedText));

      r.add('forged_accepted', forged);
      r.found(
        'a captured plain-mode Official Account callback: its query replayed with other bodies (another message of the same sender, messages of other senders), one then nine at once; then the very same delivery three times',
        `${REPLAYS} forged + 3 genuine repeats`,
        `forged: answers ${oaForged}, stored 0 of ${REPLAYS}: ${forgedStored === 0}; the genuine message answered ${again.join('/')} again and is stored ${oaOnce} time(s)`,
      );
      r.found(
        'a captured encrypted WeCom callback: byte for byte ten times at once, and its query with another (validly encrypted) envelope',
        `${REPLAYS} + 1`,
        `byte for byte: ${[...new Set(byteForByte)].join('/')}, stored ${wcOnce} time(s); another envelope: ${wcForged}`,
      );
    } finally {
      await app.stop();
      await fake.close();
    }
    return r.result();
  },
};
