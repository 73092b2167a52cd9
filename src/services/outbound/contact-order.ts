import { setTimeout as delay } from 'node:timers/promises';

/**
 * Messages to one contact reach them in the order they were meant (docs/workflow.md#the-order-of-messages).
 * Each message takes its place in the contact's line when its order is decided — the replies to a
 * worker's message when that message comes in, a notice or staff reply when it is written — and is
 * sent only once nothing before it is still pending. It leaves the line when it was sent or given up
 * for good. A place whose holder stopped showing signs of life (a process that died) is given up for
 * lost after its lease, so no message waits forever behind it.
 */
export interface ContactLine {
  /** Takes the item's place at the end of the contact's line (again: keeps its place, renews its lease). */
  enter(contact: string, item: string, leaseMs: number): Promise<void>;
  /** True when nothing before the item is pending; renews the item's lease. An item not in the line is never held. */
  isTurn(contact: string, item: string, leaseMs: number): Promise<boolean>;
  leave(contact: string, item: string): Promise<void>;
}

/** The replies the bot says while it handles a message: it holds their place only while it runs. */
export const REPLY_LEASE_MS = 60_000;
/** An Official Account / WeCom message: its handling and the replies job, with their retries. */
export const INBOUND_LEASE_MS = 15 * 60_000;
/** A queued message, renewed on each attempt: outlasts the longest pause between retries (17 minutes on the bot). */
export const MESSAGE_LEASE_MS = 60 * 60_000;
/** How long the bot's replies wait for earlier messages before they are said anyway (a worker is waiting). */
export const REPLY_MAX_WAIT_MS = 15_000;

/** Whom a line belongs to: the WeChat contact on its channel, or a phone number for text messages. */
export const chatContact = (channel: string, channelUserId: string) => `${channel}:${channelUserId}`;
export const smsContact = (phone: string) => `sms:${phone}`;
export const inboundItem = (messageId: string) => `in:${messageId}`;
export const outboundItem = (messageId: string) => `out:${messageId}`;

/**
 * Answers a worker's message and says the replies in the contact's order. The place is taken before
 * the message is answered, so that what answering causes (registering → the case-number notice) comes
 * after the replies. Ordering is best effort here: if the line cannot be read, the replies go at once.
 */
export async function replyInOrder(
  line: ContactLine,
  contact: string,
  item: string,
  answer: () => Promise<string[]>,
  say: (text: string) => Promise<void>,
  maxWaitMs = REPLY_MAX_WAIT_MS,
): Promise<void> {
  const entered = await line.enter(contact, item, REPLY_LEASE_MS).then(
    () => true,
    () => false,
  );
  try {
    const replies = await answer();
    if (entered && replies.length > 0) await waitTurn(line, contact, item, maxWaitMs);
    for (const r of replies) await say(r);
  } finally {
    if (entered) await line.leave(contact, item).catch(() => undefined);
  }
}

async function waitTurn(line: ContactLine, contact: string, item: string, maxWaitMs: number): Promise<void> {
  const until = Date.now() + maxWaitMs;
  for (let pause = 50; Date.now() < until; pause = Math.min(pause * 2, 500)) {
    if (await line.isTurn(contact, item, REPLY_LEASE_MS).catch(() => true)) return;
    await delay(pause);
  }
}
