import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The message crypto of the WeChat Official Account and WeCom callbacks ("WXBizMsgCrypt"), as the
 * platforms document it: SHA-1 signatures over the sorted parameters; AES-256-CBC with the key
 * base64(EncodingAESKey + "="), IV = its first 16 bytes, PKCS#7 padding to 32-byte blocks; plaintext =
 * 16 random bytes | 4-byte big-endian length | message | receiver id (AppID or CorpID).
 * Written over node:crypto rather than taken from npm: the published packages accept malformed padding
 * and lengths, and a tampered ciphertext must be refused, not half-decoded.
 */
export class PlatformCryptoError extends Error {
  constructor(
    readonly code: 'bad_key' | 'bad_signature' | 'bad_ciphertext' | 'wrong_receiver',
    message: string,
  ) {
    super(message);
  }
}

const BLOCK = 32;

export function signature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Constant-time compare of two hex signatures. */
export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function aesKeyFrom(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey))
    throw new PlatformCryptoError('bad_key', 'EncodingAESKey must be 43 characters of base64');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new PlatformCryptoError('bad_key', 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

export function encryptMessage(key: Buffer, message: string, receiverId: string, random: Buffer = randomBytes(16)): string {
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const plain = Buffer.concat([random, len, msg, Buffer.from(receiverId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** Decrypts and checks padding, length and the receiver id; anything off is refused. */
export function decryptMessage(key: Buffer, encrypted: string, expectedReceiverId: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted)) throw new PlatformCryptoError('bad_ciphertext', 'the ciphertext is not base64');
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0)
    throw new PlatformCryptoError('bad_ciphertext', 'the ciphertext length is not a whole number of blocks');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = plain[plain.length - 1]!;
  if (pad < 1 || pad > BLOCK || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) {
    throw new PlatformCryptoError('bad_ciphertext', 'the padding is not valid PKCS#7');
  }
  const body = plain.subarray(0, plain.length - pad);
  if (body.length < 20) throw new PlatformCryptoError('bad_ciphertext', 'the plaintext is too short');
  const len = body.readUInt32BE(16);
  if (20 + len > body.length) throw new PlatformCryptoError('bad_ciphertext', 'the message length is out of range');
  const receiver = body.subarray(20 + len);
  const expected = Buffer.from(expectedReceiverId, 'utf8');
  if (receiver.length !== expected.length || !timingSafeEqual(receiver, expected)) {
    throw new PlatformCryptoError('wrong_receiver', 'the message is addressed to another AppID/CorpID');
  }
  const message = body.subarray(20, 20 + len);
  const text = message.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(message)) throw new PlatformCryptoError('bad_ciphertext', 'the message is not valid UTF-8');
  return text;
}
