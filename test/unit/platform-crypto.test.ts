import { aesKeyFrom, decryptMessage, encryptMessage, PlatformCryptoError, signature } from '../../src/http/wechat-platform/platform-crypto';
import { buildXml, parseCallbackXml, PlatformXmlError } from '../../src/http/wechat-platform/platform-xml';

// Known-answer vectors from the platforms' published sample code (WXBizMsgCrypt samples of the
// Official Account platform and of WeCom; the same values appear in every language's sample).
const OA = {
  key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  plain: '我是中文abcd123',
  cipher: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};
const OA_SAMPLE_2 = {
  token: 'spamtest',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
};
export const WECOM = {
  token: 'QDG6eK',
  key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
  verify: {
    msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  },
  message: {
    msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    encrypt:
      'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  },
};

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    return err instanceof PlatformCryptoError ? err.code : `unexpected ${(err as Error).name}`;
  }
};

describe('the platform message crypto', () => {
  it('when encrypting the Official Account sample with its fixed random, then the ciphertext is the published one', () => {
    expect(encryptMessage(aesKeyFrom(OA.key), OA.plain, OA.appId, Buffer.from(OA.random))).toBe(OA.cipher);
    expect(decryptMessage(aesKeyFrom(OA.key), OA.cipher, OA.appId)).toBe(OA.plain);
  });

  it('when given the Official Account sample message, then its msg_signature matches and it decrypts to the sample XML', () => {
    const s = OA_SAMPLE_2;
    expect(signature('spamtest', s.timestamp, s.nonce, s.encrypt)).toBe(s.msgSignature);
    const xml = parseCallbackXml(decryptMessage(aesKeyFrom(OA.key), s.encrypt, s.appId));
    expect(xml).toMatchObject({ MsgType: 'text', Content: 'abcdteT', FromUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs' });
    expect(xml.MsgId).toBe('6054768590064713728'); // past 2^53: kept as a string
  });

  it('when given the WeCom URL-verification and message samples, then signatures match and both decrypt for the sample CorpID', () => {
    const key = aesKeyFrom(WECOM.key);
    const v = WECOM.verify;
    expect(signature(WECOM.token, v.timestamp, v.nonce, v.echostr)).toBe(v.msgSignature);
    expect(decryptMessage(key, v.echostr, WECOM.corpId)).toMatch(/^\d+$/);
    const m = WECOM.message;
    expect(signature(WECOM.token, m.timestamp, m.nonce, m.encrypt)).toBe(m.msgSignature);
    expect(parseCallbackXml(decryptMessage(key, m.encrypt, WECOM.corpId))).toMatchObject({
      FromUserName: 'mycreate',
      Content: 'hello',
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('when the receiver id is another AppID, then decryption is refused', () => {
    expect(codeOf(() => decryptMessage(aesKeyFrom(WECOM.key), WECOM.message.encrypt, 'wx0000000000000000'))).toBe('wrong_receiver');
    expect(codeOf(() => decryptMessage(aesKeyFrom(WECOM.key), WECOM.message.encrypt, 'wx5823bf96d3bd56c'))).toBe('wrong_receiver');
  });

  it('when any single byte of a ciphertext is flipped, then it is refused or (first block only) decrypts to something else', () => {
    const key = aesKeyFrom(WECOM.key);
    const original = decryptMessage(key, WECOM.message.encrypt, WECOM.corpId);
    const bytes = Buffer.from(WECOM.message.encrypt, 'base64');
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const t = Buffer.from(bytes);
      t[i] = t[i]! ^ 0x5a;
      const outcome = codeOf(() => decryptMessage(key, t.toString('base64'), WECOM.corpId));
      expect(['bad_ciphertext', 'wrong_receiver', 'accepted']).toContain(outcome);
      if (outcome === 'accepted') {
        accepted.push(i);
        expect(decryptMessage(key, t.toString('base64'), WECOM.corpId)).not.toBe(original);
      }
    }
    // CBC cannot detect a flip in the first block (it lands in the message text); the msg_signature covers that (route tests).
    expect(accepted.every((i) => i < 16)).toBe(true);
    expect(codeOf(() => decryptMessage(key, 'not base64 !', WECOM.corpId))).toBe('bad_ciphertext');
    expect(codeOf(() => decryptMessage(key, Buffer.alloc(31).toString('base64'), WECOM.corpId))).toBe('bad_ciphertext');
    expect(codeOf(() => aesKeyFrom('short'))).toBe('bad_key');
  });
});

describe('the platform XML', () => {
  it('when a DTD, an entity declaration or a comment is present, then the document is refused', () => {
    for (const body of [
      '<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xml><Content>&lol2;</Content></xml>',
      '<xml><!-- c --><Content>x</Content></xml>',
      '<xml><Content>x</Content>',
      '<xml><Content>a</Content><Content>b</Content></xml>',
      '<a/><b/>',
      'no xml at all',
      `<xml><Content>${'x'.repeat(70 * 1024)}</Content></xml>`,
      '<xml><Content>a\u0000b</Content></xml>',
    ]) {
      expect(() => parseCallbackXml(body)).toThrow(PlatformXmlError);
    }
  });

  it('when text holds "]]>", markup or digits, then it comes back literally and as strings', () => {
    const xml = buildXml({ Content: '<script>alert(1)</script> ]]> &amp; 工钱', MsgId: '9007199254740993', CreateTime: 1700000000 });
    expect(parseCallbackXml(xml)).toEqual({
      Content: '<script>alert(1)</script> ]]> &amp; 工钱',
      MsgId: '9007199254740993',
      CreateTime: '1700000000',
    });
  });
});
