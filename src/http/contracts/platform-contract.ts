import { z } from 'zod';
import { failure, tooLarge, unavailable } from './common';
import type { RouterContract } from './operation';

const param = z.string().min(1).max(512);
const sha1 = z
  .string()
  .regex(/^[0-9a-fA-F]{40}$/)
  .optional();

/** The query of both callbacks, as the platforms send it (extra parameters are ignored). */
export const platformQuery = z.object({
  signature: sha1.meta({ description: 'SHA-1 of the sorted token, timestamp and nonce (plain-text mode)' }),
  msg_signature: sha1.meta({ description: 'SHA-1 of the sorted token, timestamp, nonce and ciphertext (safe mode, WeCom)' }),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: param,
  echostr: z.string().min(1).max(1024).optional(),
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  openid: param.optional(),
});

const notConfigured = failure('this channel is not configured');

/**
 * A platform callback (Official Account or WeCom): GET verifies the URL, POST delivers a message. The
 * bodies are the platforms' XML, described in words; errors are JSON like everywhere else.
 */
export function platformContract(prefix: string, name: string): RouterContract {
  return {
    prefix,
    operations: [
      {
        method: 'get',
        path: '',
        summary: `URL verification of the ${name} callback: answers the (decrypted) echostr`,
        security: 'none',
        request: { query: platformQuery.required({ echostr: true }) },
        responses: {
          200: { description: 'the echostr', text: { 'text/plain': 'the echostr, decrypted in safe mode' } },
          400: failure('a query parameter is missing or malformed, or the echostr cannot be decrypted'),
          403: failure('bad signature, wrong receiver id or stale timestamp'),
          404: notConfigured,
        },
      },
      {
        method: 'post',
        path: '',
        summary: `A message from the ${name} platform (XML, plain or AES-encrypted): stored, queued, answered passively within 5 s or with "success"`,
        security: 'none',
        request: {
          query: platformQuery.omit({ echostr: true }),
          text: { 'text/xml': 'the platform’s message XML; in safe mode an <Encrypt> envelope' },
        },
        responses: {
          200: {
            description: 'a passive reply, or nothing to say',
            text: {
              'application/xml': 'a passive text reply (encrypted in safe mode)',
              'text/plain': '"success" (Official Account) or empty (WeCom): no passive reply',
            },
          },
          400: failure('malformed XML, ciphertext or message, or missing query parameters'),
          403: failure('bad signature, wrong receiver id, stale timestamp, or a plain message where encryption is required'),
          404: notConfigured,
          409: failure('the signature was used before with another message (a replay)'),
          413: tooLarge,
          503: unavailable,
        },
      },
    ],
  };
}

export const officialAccountContract = platformContract('/wechat/oa', 'Official Account (公众号)');
export const wecomContract = platformContract('/wechat/wecom', 'WeCom app (企业微信)');
