import fc from 'fast-check';
import { createCipheriv, randomBytes } from 'node:crypto';
import { aesKeyFrom, signature } from '../../../src/http/wechat-platform/platform-crypto';
import { buildXml } from '../../../src/http/wechat-platform/platform-xml';
import { startFakeWechatApi } from '../../support/fake-wechat-api';
import { platformUser, type PlatformAccount } from '../../support/platform-client-sim';
import { WECOM } from '../../support/platform-vectors';
import { startTestApp, testConfig, uniqueName } from '../../support/test-app';
import { CaseReport } from '../support/figures';
import type { FaultCase } from '../support/suite';

const OA_PLAIN: PlatformAccount = { path: '/wechat/oa', token: 'oaPlainToken2026', aesKey: null, receiverId: 'wxfa0e1c2d3b4a5968' };
const WECOM_ACCOUNT: PlatformAccount = { path: '/wechat/wecom', token: WECOM.token, aesKey: WECOM.key, receiverId: WECOM.corpId };
const PASSWD = /root:x?:0:0|\/bin\/(ba)?sh|nologin/;
const LITERAL = '老板说 ]]> <script>alert(1)</script> &amp; &lt;!ENTITY 工钱下个月给 ]]]]><![CDATA[>';

/** The bytes the platform would encrypt (any bytes: invalid UTF-8 too), sealed as WXBizMsgCrypt does. */
function seal(aesKey: string, inner: Buffer, receiverId: string): string {
  const key = aesKeyFrom(aesKey);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(inner.length, 0);
  const plain = Buffer.concat([randomBytes(16), len, inner, Buffer.from(receiverId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The document's UTF-8 with the bytes put in place of "@@". */
function withBytes(doc: string, bytes: number[]): Buffer {
  const [a, b] = doc.split('@@') as [string, string];
  return Buffer.concat([Buffer.from(a), Buffer.from(bytes), Buffer.from(b)]);
}

/** A complete text message's fields, so that a lenient parser would store it. */
const fields = (from: string, content: string, msgId = String(7_100_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9)))) =>
  `<ToUserName><![CDATA[gh_fake0000001]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${content}</Content><MsgId>${msgId}</MsgId>`;

/** Hostile documents by kind; each is a function of the sender id so refused ones can be looked for in the store. */
function hostileDocs(): [string, (from: string) => string | Buffer][] {
  const laughs = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  return [
    [
      'external entity (XXE)',
      (f) => `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml>${fields(f, '&xxe;')}</xml>`,
    ],
    ['external entity (XXE)', (f) => `<!DOCTYPE xml SYSTEM "file:///etc/passwd"><xml>${fields(f, 'x')}</xml>`],
    ['billion laughs', (f) => `<!DOCTYPE xml [<!ENTITY l0 "哈哈">${laughs}]><xml>${fields(f, '&l10;')}</xml>`],
    ['parameter entities', (f) => `<!DOCTYPE xml [<!ENTITY % p SYSTEM "file:///etc/passwd">%p;]><xml>${fields(f, 'x')}</xml>`],
    ['parameter entities', (f) => `<!DOCTYPE xml [<!ENTITY % d "<!ENTITY e 'file:///etc/passwd'>">%d;]><xml>${fields(f, '&e;')}</xml>`],
    ['DTD without entities', (f) => `<!DOCTYPE xml><xml>${fields(f, 'x')}</xml>`],
    ['DTD without entities', (f) => `<!DOCTYPE xml [<!ELEMENT xml ANY><!ATTLIST xml a CDATA "b">]><xml>${fields(f, 'x')}</xml>`],
    ['comments', (f) => `<!-- a comment --><xml>${fields(f, 'x')}</xml>`],
    ['comments', (f) => `<xml>${fields(f, '欠薪<!-- hidden -->三个月')}</xml>`],
    ['processing instructions', (f) => `<?xml-stylesheet type="text/xsl" href="file:///etc/passwd"?><xml>${fields(f, 'x')}</xml>`],
    ['processing instructions', (f) => `<xml>${fields(f, '欠薪<?php system("cat /etc/passwd"); ?>三个月')}</xml>`],
    ['deeply nested elements', (f) => `<xml>${fields(f, `${'<a>'.repeat(8000)}${'</a>'.repeat(8000)}`)}</xml>`],
    ['deeply nested elements', (f) => `<xml>${'<b>'.repeat(8000)}${'</b>'.repeat(8000)}${fields(f, 'x')}</xml>`],
    ['70 KB body', (f) => `<xml>${fields(f, '欠'.repeat((70 * 1024) / 3 + 100))}</xml>`],
    ['NUL bytes', (f) => `<xml>${fields(f, '欠薪\u0000三个月')}</xml>`],
    ['NUL bytes', (f) => `<xml>\u0000${fields(f, 'x')}</xml>`],
    ['invalid UTF-8', (f) => withBytes(`<xml>${fields(f, '欠薪@@三个月')}</xml>`, [0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80])],
    ['invalid UTF-8', (f) => withBytes(`<xml>${fields(f, '<![CDATA[@@]]>')}</xml>`, [0xc0, 0xaf])],
    ['repeated MsgId', (f) => `<xml>${fields(f, 'x', '7200000000000000001')}<MsgId>7200000000000000002</MsgId></xml>`],
    ['repeated MsgId', (f) => `<xml><MsgId>1</MsgId>${fields(f, 'x', '7200000000000000003')}</xml>`],
  ];
}

/** Case 10: hostile XML on the Official Account (plain) and WeCom (encrypted) callbacks, correctly signed. */
export const hostileXml: FaultCase = {
  issueCase: 10,
  id: 'hostile-xml',
  title: 'hostile XML on the WeChat callbacks: XXE, billion laughs, DTDs, PIs, nesting, NUL, bad UTF-8',
  quick: true,
  measures: ['sent', 'rejected'],
  async run() {
    const r = new CaseReport();
    const fake = await startFakeWechatApi();
    const app = await startTestApp({
      config: testConfig({
        WECHAT_OA_TOKEN: OA_PLAIN.token,
        WECHAT_OA_APPID: OA_PLAIN.receiverId,
        WECHAT_OA_APPSECRET: 'fake-app-secret-0010',
        WECHAT_API_BASE_URL: fake.baseUrl,
        WECOM_TOKEN: WECOM.token,
        WECOM_AES_KEY: WECOM.key,
        WECOM_CORP_ID: WECOM.corpId,
        WECOM_SECRET: 'fake-corp-secret-0010',
        WECOM_AGENT_ID: '1000002',
        WECOM_API_BASE_URL: fake.baseUrl,
      }),
    });
    const byStatus: Record<number, number> = {};
    const accepted: string[] = [];
    const refusedFrom: string[] = [];
    let tried = 0;
    const now = () => String(Math.floor(Date.now() / 1000));
    const post = async (path: string, q: URLSearchParams, body: string | Buffer) => {
      const res = await fetch(`${app.url}${path}?${q.toString()}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      await res.body?.cancel();
      return res.status;
    };
    // Plain mode: signature over token, timestamp and nonce; the body goes to the XML parser as it is.
    const plain = (doc: string | Buffer) => {
      const ts = now();
      const nonce = String(randomBytes(4).readUInt32BE(0));
      return post(
        OA_PLAIN.path,
        new URLSearchParams({ signature: signature(OA_PLAIN.token, ts, nonce), timestamp: ts, nonce, openid: 'o_hostile' }),
        doc,
      );
    };
    // Safe mode: the hostile document sealed in the envelope (signed, right receiver), or around a valid one.
    const sealed = (inner: string | Buffer, outer?: (enc: string) => string) => {
      const ts = now();
      const nonce = String(randomBytes(4).readUInt32BE(0));
      const enc = seal(WECOM_ACCOUNT.aesKey!, Buffer.isBuffer(inner) ? inner : Buffer.from(inner), WECOM_ACCOUNT.receiverId);
      const body = outer ? outer(enc) : buildXml({ ToUserName: WECOM_ACCOUNT.receiverId, Encrypt: enc, AgentID: '1000002' });
      return post(
        WECOM_ACCOUNT.path,
        new URLSearchParams({ msg_signature: signature(WECOM_ACCOUNT.token, ts, nonce, enc), timestamp: ts, nonce }),
        body,
      );
    };
    const count = (kind: string, status: number, from: string) => {
      tried++;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      refusedFrom.push(from);
      if ([400, 403, 413].includes(status)) r.add('rejected', 1);
      else accepted.push(`${kind}: ${status}`);
    };
    const healthy = async () => (await fetch(`${app.url}/healthz`)).status === 200;
    try {
      const valid = (from: string) => `<xml>${fields(from, '<![CDATA[欠薪]]>')}</xml>`;
      for (const [kind, doc] of hostileDocs()) {
        const a = uniqueName('ohx');
        count(`${kind} (plain)`, await plain(doc(a)), a);
        const b = uniqueName('whx');
        count(`${kind} (in the envelope)`, await sealed(doc(b)), b);
      }
      // The outer document is parsed before the signature (over Encrypt) can be checked: hostile there too.
      for (const [kind, wrap] of [
        [
          'external entity (XXE) around the envelope',
          (e: string) =>
            `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>&x;</ToUserName><Encrypt>${e}</Encrypt></xml>`,
        ],
        [
          'billion laughs around the envelope',
          (e: string) =>
            `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><ToUserName>&b;</ToUserName><Encrypt>${e}</Encrypt></xml>`,
        ],
        ['comment around the envelope', (e: string) => `<xml><!-- c --><Encrypt>${e}</Encrypt></xml>`],
        ['repeated Encrypt', (e: string) => `<xml><Encrypt>${e}</Encrypt><Encrypt>${e}</Encrypt></xml>`],
        ['NUL around the envelope', (e: string) => `<xml>\u0000<Encrypt>${e}</Encrypt></xml>`],
        [
          'deep nesting around the envelope',
          (e: string) => `<xml>${'<b>'.repeat(8000)}${'</b>'.repeat(8000)}<Encrypt>${e}</Encrypt></xml>`,
        ],
      ] as const) {
        const from = uniqueName('whx');
        count(kind, await sealed(valid(from), wrap), from);
      }
      // fast-check: random strings wrapped in <xml>, in both modes.
      let randomSent = 0;
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), async (s, enveloped) => {
          randomSent++;
          const doc = `<xml>${s}</xml>`;
          count(`random <xml>${JSON.stringify(s).slice(0, 40)}`, enveloped ? await sealed(doc) : await plain(doc), 'o_hostile');
        }),
        { numRuns: 60 },
      );
      r.expect(await healthy(), 'the API is not healthy after the hostile documents');

      // The platform's own way of carrying "]]>" in CDATA: accepted and stored exactly.
      let literalOk = 0;
      for (const account of [OA_PLAIN, WECOM_ACCOUNT]) {
        const from = uniqueName('lit');
        const res = await platformUser(app.url, account, from).say(LITERAL);
        tried++;
        byStatus[res.res.status] = (byStatus[res.res.status] ?? 0) + 1;
        const stored = await app.ctx.db.collection('inbound_messages').find({ contactId: from }).toArray();
        const ok = res.res.status === 200 && stored.length === 1 && stored[0]!.text === LITERAL;
        if (ok) literalOk++;
        r.expect(
          ok,
          `${account.path}: "]]>" split the platform's way answered ${res.res.status}, stored ${JSON.stringify(stored.map((d) => d.text as unknown))}`,
        );
      }
      r.add('sent', tried);
      r.add('hostile_xml_accepted', accepted.length);
      r.expect(accepted.length === 0, `hostile XML not refused: ${accepted.slice(0, 10).join('; ')}`);
      r.expect(!Object.keys(byStatus).some((s) => Number(s) >= 500), `5xx answers: ${JSON.stringify(byStatus)}`);
      const inbound = app.ctx.db.collection('inbound_messages');
      const storedRefused = await inbound.countDocuments({ contactId: { $in: [...new Set(refusedFrom)] } });
      r.expect(storedRefused === 0, `${storedRefused} refused messages were stored`);
      let passwdHits = 0;
      for (const c of await app.ctx.db.listCollections()) {
        for (const d of await app.ctx.db.collection(c.name).find({}).toArray()) if (PASSWD.test(JSON.stringify(d))) passwdHits++;
      }
      r.expect(passwdHits === 0, `${passwdHits} stored documents contain /etc/passwd content`);
      r.expect(await healthy(), 'the API is not healthy at the end');
      r.found(
        'signed hostile XML on /wechat/oa (plain) and /wechat/wecom (inside and around the encrypted envelope): XXE, billion laughs, parameter entities, DTDs, comments, PIs, 8000-deep nesting, 70 KB, NUL, invalid UTF-8, repeated MsgId/Encrypt, fast-check random <xml> strings',
        `${tried - 2} requests (${hostileDocs().length} kinds × 2 modes, 6 outer-envelope, ${randomSent} random)`,
        `answers ${Object.entries(byStatus)
          .map(([s, n]) => `${s}×${n}`)
          .join(
            ', ',
          )}; hostile XML accepted as markup: ${accepted.length}; stored from refused: ${storedRefused}; /etc/passwd content stored: ${passwdHits}; /healthz 200`,
      );
      r.found(
        'text with "]]>" split the platform way (]]]]><![CDATA[>), plain and encrypted',
        '2 messages',
        `200 and stored byte for byte: ${literalOk} of 2`,
      );
    } finally {
      await app.stop();
      await fake.close();
    }
    return r.result();
  },
};
