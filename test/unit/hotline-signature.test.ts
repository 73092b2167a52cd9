import { signHotlineBody, verifyHotlineSignature } from '../../src/http/hotline-signature';

const secret = 'unit-test-secret-unit-test-secret-00';
const body = Buffer.from('{"callId":"c-1"}');
const now = 1_800_000_000_000;
const ts = String(now / 1000);

describe('hotline request signatures', () => {
  it('when the body is signed with the shared secret, then it verifies', () => {
    expect(() =>
      verifyHotlineSignature({
        secret,
        timestamp: ts,
        signature: signHotlineBody(secret, ts, body),
        rawBody: body,
        maxSkewSeconds: 300,
        nowMs: now,
      }),
    ).not.toThrow();
  });

  it('when one byte of the body changes, then it is refused', () => {
    const sig = signHotlineBody(secret, ts, body);
    expect(() =>
      verifyHotlineSignature({
        secret,
        timestamp: ts,
        signature: sig,
        rawBody: Buffer.from('{"callId":"c-2"}'),
        maxSkewSeconds: 300,
        nowMs: now,
      }),
    ).toThrow(/does not match/);
  });

  it('when the timestamp is 301 s old or ahead, then it is refused even with a valid signature', () => {
    for (const skew of [-301, 301]) {
      const t = String(now / 1000 + skew);
      expect(() =>
        verifyHotlineSignature({
          secret,
          timestamp: t,
          signature: signHotlineBody(secret, t, body),
          rawBody: body,
          maxSkewSeconds: 300,
          nowMs: now,
        }),
      ).toThrow(/window/);
    }
  });

  it('when headers are missing or malformed, then it is refused with a clear reason', () => {
    expect(() =>
      verifyHotlineSignature({ secret, timestamp: undefined, signature: 'x', rawBody: body, maxSkewSeconds: 300, nowMs: now }),
    ).toThrow(/X-Timestamp/);
    expect(() =>
      verifyHotlineSignature({ secret, timestamp: ts, signature: 'md5=abc', rawBody: body, maxSkewSeconds: 300, nowMs: now }),
    ).toThrow(/X-Signature/);
  });
});
