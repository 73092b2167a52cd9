import { isUtf8 } from 'node:buffer';
import express, { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { PlatformChannelConfig } from '../../config';
import { AppError } from '../../domain/app-error';
import { invalidUtf8 } from '../json-body';
import type { InboundMessage, NewInboundMessage, PlatformChannel } from '../../domain/inbound';
import { aesKeyFrom, decryptMessage, encryptMessage, PlatformCryptoError, signature, signatureMatches } from './platform-crypto';
import { buildXml, MAX_CALLBACK_BYTES, parseCallbackXml, PlatformXmlError } from './platform-xml';
import { toInboundMessage } from './platform-message';
import { platformQuery } from '../contracts/platform-contract';

export interface PlatformRouteDeps {
  channel: PlatformChannel;
  config: PlatformChannelConfig | null;
  receive(msg: NewInboundMessage): Promise<{ inbound: InboundMessage; created: boolean }>;
  passiveReplies(inbound: InboundMessage, budgetMs: number): Promise<string[] | null>;
  /** Told once a passive reply has been written out, so later messages to the contact may follow it. */
  passiveReplyGiven?(inbound: InboundMessage): Promise<void>;
  replyWaitMs: number;
  maxSkewSeconds: number;
  /** False for a signature seen before with another body (a replayed or forged callback). */
  firstDelivery(channel: PlatformChannel, signature: string, body: string): Promise<boolean>;
  /** Seconds since the epoch; tests replay the platforms' published samples at their own time. */
  now?: () => number;
}

const refused = (message: string) => new AppError('forbidden', message, { status: 403 });

/**
 * The Official Account (`/wechat/oa`) and WeCom (`/wechat/wecom`) callbacks: GET verifies the URL,
 * POST delivers a message. Signatures and the receiver id are checked before anything is stored;
 * the platform gets its answer inside its 5-second window (a passive reply, or "success").
 */
export function platformRoutes(deps: PlatformRouteDeps): Router {
  const router = Router();
  const cfg = deps.config;
  const key = cfg?.aesKey ? aesKeyFrom(cfg.aesKey) : null;
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));

  const checkedQuery = (req: Request) => {
    const q = platformQuery.safeParse(req.query);
    if (!q.success) throw new AppError('invalid_query', 'signature, timestamp and nonce query parameters are required', { status: 400 });
    if (Math.abs(now() - Number(q.data.timestamp)) > deps.maxSkewSeconds) throw refused('the timestamp is outside the allowed window');
    return q.data;
  };

  router.use((_req, _res, next) => (cfg ? next() : next(new AppError('not_found', 'this channel is not configured', { status: 404 }))));

  router.get('/', (req, res) => {
    const c = cfg!;
    const q = checkedQuery(req);
    if (!q.echostr) throw new AppError('invalid_query', 'echostr is required', { status: 400 });
    if (deps.channel === 'wechat_oa') {
      if (!signatureMatches(signature(c.token, q.timestamp, q.nonce), q.signature)) throw refused('the signature does not match');
      return void res.type('text/plain').send(q.echostr);
    }
    if (!signatureMatches(signature(c.token, q.timestamp, q.nonce, q.echostr), q.msg_signature))
      throw refused('the signature does not match');
    res.type('text/plain').send(openEnvelope(key!, q.echostr, c.receiverId!));
  });

  // Bytes that are not UTF-8 are refused, not read with U+FFFD in their place (as the hotline's JSON is).
  const textBody = express.text({
    type: () => true,
    limit: MAX_CALLBACK_BYTES,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) throw invalidUtf8();
    },
  });
  router.post('/', textBody, async (req: Request, res: Response) => {
    const started = Date.now();
    const c = cfg!;
    const q = checkedQuery(req);
    const body = typeof req.body === 'string' ? req.body : '';
    const encrypted = deps.channel === 'wecom' || q.encrypt_type === 'aes';
    let fields: Record<string, string>;
    if (encrypted) {
      if (!key) throw new AppError('not_configured', 'encrypted messages need the EncodingAESKey', { status: 400 });
      const outer = parseXml(body);
      const enc = outer.Encrypt;
      if (!enc) throw new AppError('invalid_xml', 'the Encrypt field is missing', { status: 400 });
      if (!signatureMatches(signature(c.token, q.timestamp, q.nonce, enc), q.msg_signature)) throw refused('the signature does not match');
      fields = parseXml(openEnvelope(key, enc, c.receiverId!));
    } else {
      // With an EncodingAESKey set (safe mode) plain messages are not accepted.
      if (key) throw refused('this account expects encrypted messages');
      if (!signatureMatches(signature(c.token, q.timestamp, q.nonce), q.signature)) throw refused('the signature does not match');
      fields = parseXml(body);
    }
    if (!(await deps.firstDelivery(deps.channel, (encrypted ? q.msg_signature : q.signature) ?? '', body))) {
      throw new AppError('replayed_request', 'this signature was used before with another message', { status: 409 });
    }
    const msg = toInboundMessage(deps.channel, fields);
    const { inbound } = await deps.receive(msg);
    const replies = await deps.passiveReplies(inbound, deps.replyWaitMs - (Date.now() - started));
    if (!replies) return void res.type('text/plain').send(deps.channel === 'wechat_oa' ? 'success' : '');
    res.on('finish', () => void deps.passiveReplyGiven?.(inbound).catch(() => undefined));
    const reply = buildXml({
      ToUserName: msg.contactId,
      FromUserName: fields.ToUserName ?? '',
      CreateTime: now(),
      MsgType: 'text',
      Content: replies.join('\n\n'),
    });
    if (!encrypted) return void res.type('application/xml').send(reply);
    const enc = encryptMessage(key!, reply, c.receiverId!);
    const ts = String(now());
    const nonce = randomBytes(8).readUInt32BE(0).toString();
    res
      .type('application/xml')
      .send(buildXml({ Encrypt: enc, MsgSignature: signature(c.token, ts, nonce, enc), TimeStamp: ts, Nonce: nonce }));
  });
  return router;
}

function parseXml(body: string): Record<string, string> {
  try {
    return parseCallbackXml(body);
  } catch (err) {
    if (err instanceof PlatformXmlError) throw new AppError('invalid_xml', err.message, { status: 400 });
    throw err;
  }
}

function openEnvelope(key: Buffer, enc: string, receiverId: string): string {
  try {
    return decryptMessage(key, enc, receiverId);
  } catch (err) {
    if (!(err instanceof PlatformCryptoError)) throw err;
    if (err.code === 'wrong_receiver') throw refused(err.message);
    throw new AppError('invalid_ciphertext', err.message, { status: 400 });
  }
}
