import { AppError, isAppError } from '../../domain/app-error';
import { maskNumbersInText } from '../../domain/masking';
import type { OutboundKind, OutboundMessage } from '../../domain/outbound';
import type { ComplaintChannel } from '../../domain/triage-result';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import { chatContact, MESSAGE_LEASE_MS, outboundItem, smsContact, type ContactLine } from './contact-order';
import { appendEvent } from './dispatch';

export interface DeliveryDeps {
  leads: LeadRepository;
  outbound: OutboundRepository;
  /** Sends over WeChat (the bot, or the platform API for Official Account / WeCom contacts); throws when it could not. */
  send(channelUserId: string, text: string, channel: ComplaintChannel): Promise<void>;
  /** Each contact's messages in order; without it a message goes as soon as its job runs. */
  line?: ContactLine;
}

/** A text message as the SMS gateway is asked to send it. */
export interface SmsText {
  /** The message's id: the same on every retry, so the gateway may recognise one it has sent. */
  id: string;
  phone: string;
  kind: OutboundKind;
  text: string;
  caseNumber: string | null;
}

export interface SmsDeliveryDeps extends Omit<DeliveryDeps, 'send'> {
  /** Throws an AppError: status < 500 when the gateway refused the message (no retry), else it may be retried. */
  sendSms(m: SmsText): Promise<void>;
  /** When a call-back task made of a text message that could not be sent is due. */
  callbackDue: (at: Date) => Date;
}

/** Sent (or nothing left to send), or an earlier message to the same contact must go first. */
export type SendOutcome = 'done' | 'wait';

interface Way {
  /** As the timeline says it: 微信, 短信. */
  label: string;
  contact(m: OutboundMessage): string;
  send(m: OutboundMessage): Promise<void>;
  /** A message that cannot be sent: marked so (true), or made into something else by the caller. */
  giveUp(m: OutboundMessage, reason: string): Promise<boolean>;
  failedNote(reason: string): string;
}

/** Run by the bot process (or the platform worker) for one queued message; safe to run twice. */
export function deliverMessage(deps: DeliveryDeps, messageId: string, opts: { finalAttempt: boolean }): Promise<SendOutcome> {
  return deliverThrough(
    deps,
    {
      label: '微信',
      contact: (m) => chatContact(m.channel, m.channelUserId),
      send: (m) => deps.send(m.channelUserId, m.text, m.channel),
      giveUp: (m, reason) => deps.outbound.setState(m.id, 'queued', 'failed', { error: reason }),
      failedNote: (reason) => `微信消息未能送达：${reason.slice(0, 100)}`,
    },
    messageId,
    opts,
  );
}

/**
 * Sends one queued message as a text message; one that cannot be sent for good becomes a call-back
 * task (the same message, so the operator reads what it said).
 */
export function deliverSms(deps: SmsDeliveryDeps, messageId: string, opts: { finalAttempt: boolean }): Promise<SendOutcome> {
  return deliverThrough(
    deps,
    {
      label: '短信',
      contact: (m) => smsContact(m.phone ?? m.channelUserId),
      send: async (m) => {
        if (!m.phone) throw new AppError('no_phone', 'the message has no phone number', { status: 422 });
        const lead = await deps.leads.get(m.leadId);
        await deps.sendSms({ id: m.id, phone: m.phone, kind: m.kind, text: m.text, caseNumber: lead?.caseNumber ?? null });
      },
      giveUp: (m, reason) => deps.outbound.turnIntoCallback(m.id, { error: reason, dueBy: deps.callbackDue(new Date()) }),
      failedNote: (reason) => `短信未能送达：${reason.slice(0, 100)}；已转为电话回访任务`,
    },
    messageId,
    opts,
  );
}

async function deliverThrough(
  deps: Omit<DeliveryDeps, 'send'>,
  way: Way,
  messageId: string,
  opts: { finalAttempt: boolean },
): Promise<SendOutcome> {
  const m = await deps.outbound.get(messageId);
  if (!m) throw new AppError('message_not_found', `message ${messageId} does not exist`, { status: 404 });
  const contact = way.contact(m);
  const leave = () => deps.line?.leave(contact, outboundItem(m.id));
  if (m.state !== 'queued') {
    await leave();
    return 'done';
  }
  if (deps.line && !(await deps.line.isTurn(contact, outboundItem(m.id), MESSAGE_LEASE_MS))) return 'wait';
  try {
    await way.send(m);
  } catch (err) {
    // A refusal (a 4xx of the gateway) is final at once; anything else is retried until the last attempt.
    if (opts.finalAttempt || (isAppError(err) && err.status < 500)) {
      const reason = maskNumbersInText((err as Error).message).slice(0, 300);
      try {
        if (await way.giveUp(m, reason)) {
          const note = way.failedNote(reason);
          await appendEvent(deps, m.leadId, { at: new Date(), type: 'delivery_failed', actor: 'system', note, changes: [] });
        }
      } finally {
        await leave();
      }
    }
    throw err;
  }
  if (await deps.outbound.setState(m.id, 'queued', 'delivered', { deliveredAt: new Date() })) {
    await appendEvent(deps, m.leadId, {
      at: new Date(),
      type: 'message_delivered',
      actor: 'system',
      note: `已通过${way.label}送达（${m.kind === 'staff_reply' ? '工作人员回复' : '进展通知'}）`,
      changes: [],
    });
  }
  await leave();
  return 'done';
}
