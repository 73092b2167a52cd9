import type { SmsSettings } from '../config';
import { AppError } from '../domain/app-error';
import { maskPhone } from '../domain/masking';
import type { OutboundKind } from '../domain/outbound';
import type { Logger } from './logger';

/** One text message as the service asks for it. */
export interface SmsMessage {
  id: string;
  phone: string;
  kind: OutboundKind;
  text: string;
  caseNumber: string | null;
}

/**
 * The JSON body POSTed to SMS_GATEWAY_URL (docs/workflow.md#text-messages-sms). A bureau puts a small
 * adapter in front of its provider (Aliyun, Tencent Cloud …) that maps it onto the provider's API.
 */
export interface SmsRequest {
  /** Our message id, the same on every retry (also the Idempotency-Key header): send it once. */
  id: string;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  signName: string | null;
  /** SMS_TEMPLATE_CASE_NOTICE or SMS_TEMPLATE_STAFF_REPLY, by the kind of message; null without one. */
  template: string | null;
  params: { caseNumber: string | null; text: string };
  /** The whole text, for providers that send free text. */
  text: string;
  kind: OutboundKind;
}

export interface SmsGateway {
  /** Resolves when the gateway accepted the message; throws AppError 422 when it refused it, 503 when it may be retried. */
  send(m: SmsMessage): Promise<void>;
}

// 408 and 429 say "not now", not "never".
const refusedForGood = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/** The configurable HTTP SMS gateway; null when SMS is not configured. The phone is sent, never logged whole. */
export function createSmsGateway(cfg: SmsSettings | null, log: Logger): SmsGateway | null {
  if (!cfg) return null;
  return {
    async send(m) {
      const template = m.kind === 'case_notice' || m.kind === 'staff_reply' ? (cfg.templates[m.kind] ?? null) : null;
      const body: SmsRequest = {
        id: m.id,
        phone: m.phone,
        signName: cfg.signName,
        template,
        params: { caseNumber: m.caseNumber, text: m.text },
        text: m.text,
        kind: m.kind,
      };
      const context = { messageId: m.id, to: maskPhone(m.phone) };
      let res: Response;
      try {
        res = await fetch(cfg.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': m.id,
            ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(cfg.timeoutMs),
        });
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        log.warn({ ...context, timedOut }, 'SMS gateway not reached');
        const why = timedOut ? `did not answer within ${cfg.timeoutMs} ms` : 'could not be reached';
        throw new AppError('sms_unavailable', `the SMS gateway ${why}`, { status: 503, cause: err });
      }
      // The gateway's own words may repeat the number: only a short code of theirs is kept.
      const answer = (await res.json().catch(() => ({}))) as { id?: unknown; code?: unknown };
      const code = typeof answer.code === 'string' && /^[\w.-]{1,40}$/.test(answer.code) ? answer.code : null;
      if (res.ok) {
        log.info({ ...context, providerId: typeof answer.id === 'string' ? answer.id.slice(0, 64) : null }, 'SMS accepted by the gateway');
        return;
      }
      const refused = refusedForGood(res.status);
      log.warn({ ...context, status: res.status, code }, refused ? 'SMS refused by the gateway' : 'SMS gateway failed');
      const message = `the SMS gateway answered HTTP ${res.status}${code ? ` (${code})` : ''}`;
      throw new AppError(refused ? 'sms_refused' : 'sms_unavailable', message, { status: refused ? 422 : 503 });
    },
  };
}
