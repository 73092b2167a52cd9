import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../src/infra/logger';
import type { IncomingFile, IncomingMessage, IncomingVoice } from '../src/services/intake/intake-conversation';
import { FileBox } from 'file-box';
import { createOutboundWorker } from '../queues/outbound-worker';
import { createWorkerConnection, type RedisTarget } from '../src/redis/connection';
import { createEmbeddedMockPuppet } from './embedded-mock';
import { createWechatBot, type ReplyInOrder } from './wechat-bot';

export interface MockSessionDeps {
  redisUrl: string | RedisTarget;
  queuePrefix: string;
  log: Logger;
  handleMessage: (m: IncomingMessage) => Promise<string[]>;
  handleFile: (f: IncomingFile) => Promise<string[]>;
  handleVoice: (v: IncomingVoice) => Promise<string[]>;
  replyInOrder?: ReplyInOrder;
  deliverMessage: (
    send: (channelUserId: string, text: string) => Promise<void>,
  ) => (messageId: string, opts: { finalAttempt: boolean }) => Promise<'done' | 'wait'>;
}

/**
 * The real bot on wechaty-puppet-mock with its outbound worker: workers are mock contacts that send
 * text, and everything the bot says to them is collected. Used by the simulator and the bot's tests.
 */
export async function startMockWechatSession(deps: MockSessionDeps) {
  const mock = createEmbeddedMockPuppet();
  const bot = createWechatBot({
    name: `mock-${process.pid}-${Date.now()}`,
    puppet: mock.puppet,
    log: deps.log,
    handleMessage: deps.handleMessage,
    handleFile: deps.handleFile,
    handleVoice: deps.handleVoice,
    replyInOrder: deps.replyInOrder,
  });
  await bot.start();
  mock.login();
  const conn = createWorkerConnection(deps.redisUrl);
  const outbound = createOutboundWorker(conn, deps.queuePrefix, { deliver: deps.deliverMessage(bot.send), log: deps.log });
  void outbound.run();
  await outbound.waitUntilReady();

  const said: { to: string; text: string; at: number }[] = [];
  const contacts = new Map<string, ReturnType<typeof mock.mocker.createContact>>();
  const contact = (id: string, name: string) => {
    let c = contacts.get(id);
    if (!c) {
      c = mock.mocker.createContact({ id, name });
      c.on('message', (m) => {
        if (m.payload.talkerId === mock.botUser.id) said.push({ to: id, text: m.payload.text ?? '', at: Date.now() });
      });
      contacts.set(id, c);
    }
    return c;
  };

  return {
    said,
    /** A worker's message to the bot. */
    send(from: string, name: string, text: string): void {
      contact(from, name).say(text).to(mock.botUser);
    },
    /** A worker's message in a group chat with the bot, mentioning it or not; resolves with the room's id. */
    sendInRoom(from: string, name: string, text: string, mentionBot: boolean): string {
      const room = mock.mocker.createRoom({ topic: '桃源老乡群', memberIdList: [from, mock.botUser.id] });
      room.on('message', (m) => {
        if (m.payload.talkerId === mock.botUser.id) said.push({ to: room.id, text: m.payload.text ?? '', at: Date.now() });
      });
      contact(from, name)
        .say(text, mentionBot ? [mock.botUser] : [])
        .to(room);
      return room.id;
    },
    /** A worker's photo or document (base64 content), e.g. a picture of an IOU. */
    sendFile(from: string, name: string, fileName: string, base64: string): void {
      contact(from, name).say(FileBox.fromBase64(base64, fileName)).to(mock.botUser);
    },
    /** A worker's voice message (base64 audio; a .sil name, as WeChat sends them). */
    sendVoice(from: string, name: string, fileName: string, base64: string): void {
      contact(from, name).say(FileBox.fromBase64(base64, fileName)).to(mock.botUser);
    },
    /** Resolves once the bot has said nothing for `quietMs` after at least `minNew` new messages (or `maxMs` passes). */
    async quiet(since: number, opts: { quietMs?: number; maxMs?: number; minNew?: number } = {}): Promise<void> {
      const { quietMs = 800, maxMs = 15_000, minNew = 1 } = opts;
      const start = Date.now();
      while (Date.now() - start < maxMs) {
        const fresh = said.slice(since);
        const last = fresh.at(-1)?.at ?? start;
        if (fresh.length >= minNew && Date.now() - last >= quietMs) return;
        await delay(50);
      }
    },
    async stop(): Promise<void> {
      await outbound.close();
      conn.disconnect();
      await bot.stop();
    },
  };
}

export type MockWechatSession = Awaited<ReturnType<typeof startMockWechatSession>>;
