import { aesKeyFrom, decryptMessage, encryptMessage, PlatformCryptoError, signature } from '../../src/http/wechat-platform/platform-crypto';
import { buildXml, parseCallbackXml, PlatformXmlError } from '../../src/http/wechat-platform/platform-xml';

import { OA, OA_SAMPLE_2, WECOM } from '../support/platform-vectors';

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
      '<?xml-stylesheet href="file:///etc/passwd"?><xml><Content>x</Content></xml>',
      '<xml><Content>欠<?php echo 1; ?>薪</Content></xml>',
      `<xml>${'<a>'.repeat(9000)}${'</a>'.repeat(9000)}<Content>x</Content></xml>`,
    ]) {
      expect(() => parseCallbackXml(body)).toThrow(PlatformXmlError);
    }
  });

  it('when a leading XML declaration or "<?" inside CDATA is present, then the document is read', () => {
    expect(parseCallbackXml('<?xml version="1.0" encoding="UTF-8"?><xml><Content><![CDATA[a <?b?> c]]></Content></xml>')).toEqual({
      Content: 'a <?b?> c',
    });
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
