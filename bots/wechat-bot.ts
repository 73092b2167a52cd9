import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import qrcodeTerminal from 'qrcode-terminal';
import { stripNul } from '../src/domain/complaint';
import type { Logger } from '../src/infra/logger';
import {
  EVIDENCE_MAX_BYTES,
  type IncomingFile,
  type IncomingMessage,
  type IncomingVoice,
} from '../src/services/intake/intake-conversation';

export interface WechatBotDeps {
  name: string;
  /** A puppet package name (WECHATY_PUPPET), or a puppet instance (tests, the embedded mock). */
  puppet: PuppetInterface | string;
  puppetToken?: string;
  log: Logger;
  /** The intake conversation: a message in, the bot's replies out. */
  handleMessage(m: IncomingMessage): Promise<string[]>;
  /** Photos and documents (evidence). */
  handleFile(f: IncomingFile): Promise<string[]>;
  /** Voice messages: transcribed and answered as text, or the worker is asked to type. */
  handleVoice(v: IncomingVoice): Promise<string[]>;
  /**
   * Answers one message and says its replies in the contact's order: after what was meant to reach
   * them first, before what the message causes (the case-number notice). Without it they are said at once.
   */
  replyInOrder?: ReplyInOrder;
  /** Told of every login-state change (the bot role publishes it for the staff API). */
  onState?: (s: { state: BotState; qrcode: string | null }) => void;
}

export type BotState = 'stopped' | 'starting' | 'scan' | 'logged_in' | 'logged_out' | 'error';

export type ReplyInOrder = (
  contactId: string,
  messageId: string,
  answer: () => Promise<string[]>,
  say: (text: string) => Promise<void>,
) => Promise<void>;

const sayAtOnce: ReplyInOrder = async (_contactId, _messageId, answer, say) => {
  for (const r of await answer()) await say(r);
};

const ROOM_PROMPT = '您好，反映欠薪请私信本账号（不要在群里发个人信息），我们会一对一登记处理。';
const RETRY = '系统繁忙，您的消息暂未保存成功，请稍后再发一次。';

/** The WeChat edge: adapts Wechaty messages to the intake conversation and says its replies. */
export function createWechatBot(deps: WechatBotDeps) {
  let state: BotState = 'stopped';
  let qrcode: string | null = null;
  const bot: Wechaty = WechatyBuilder.build({
    name: deps.name,
    puppet: deps.puppet as never, // a module name from configuration, or an instance
    ...(deps.puppetToken ? { puppetOptions: { token: deps.puppetToken } } : {}),
  });

  bot.on('scan', (code) => {
    state = 'scan';
    qrcode = code;
    deps.onState?.({ state, qrcode });
    deps.log.info('WeChat login QR code ready (also in /readyz as wechat.qrcode)');
    // The operator at the terminal scans it with the bureau's WeChat account.
    if (process.stderr.isTTY) qrcodeTerminal.generate(code, { small: true }, (art) => process.stderr.write(`${art}\n`));
  });
  bot.on('login', () => {
    state = 'logged_in';
    qrcode = null;
    deps.onState?.({ state, qrcode });
    deps.log.info('WeChat bot logged in');
  });
  bot.on('logout', () => {
    state = 'logged_out';
    deps.onState?.({ state, qrcode });
    deps.log.warn('WeChat bot logged out');
  });
  bot.on('error', (err) => {
    state = 'error';
    deps.onState?.({ state, qrcode });
    deps.log.error({ err: (err as Error).message }, 'WeChat bot error');
  });
  bot.on('message', (msg) => void onMessage(msg));
  const inOrder = deps.replyInOrder ?? sayAtOnce;
  const sayTo = (msg: Message) => async (text: string) => void (await msg.say(text));

  async function onMessage(msg: Message): Promise<void> {
    if (msg.self()) return;
    if (msg.room()) {
      // Nobody's wages are discussed in a group: a mention gets a pointer to a private chat.
      if (await msg.mentionSelf().catch(() => false)) await msg.say(ROOM_PROMPT).catch(() => undefined);
      return;
    }
    if (msg.type() === bot.Message.Type.Audio) {
      await onVoice(msg);
      return;
    }
    if (msg.type() === bot.Message.Type.Image || msg.type() === bot.Message.Type.Attachment) {
      await onFile(msg);
      return;
    }
    if (msg.type() !== bot.Message.Type.Text) return;
    const talker = msg.talker();
    const text = stripNul(msg.text()).trim();
    if (!text) return;
    try {
      const answer = () =>
        deps.handleMessage({ id: msg.id, contactId: talker.id, contactName: talker.name() || null, text, at: msg.date() });
      await inOrder(talker.id, msg.id, answer, sayTo(msg));
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'WeChat message not stored');
      await msg.say(RETRY).catch(() => undefined);
    }
  }

  /** Sends a text to a contact by id; throws when the session is down or the contact is unknown. */
  async function send(contactId: string, text: string): Promise<void> {
    if (!bot.isLoggedIn) throw new Error('the WeChat session is not logged in');
    const contact = await bot.Contact.find({ id: contactId });
    if (!contact) throw new Error('contact not found in this WeChat session');
    await contact.say(text);
  }

  async function onFile(msg: Message): Promise<void> {
    try {
      const box = await msg.toFileBox();
      // Refuse what is known to be too large before loading it.
      const data = box.size > EVIDENCE_MAX_BYTES ? Buffer.alloc(EVIDENCE_MAX_BYTES + 1) : await box.toBuffer();
      const contactId = msg.talker().id;
      const answer = () =>
        deps.handleFile({ contactId, name: box.name || 'file', mime: box.mediaType || 'application/octet-stream', data });
      await inOrder(contactId, msg.id, answer, sayTo(msg));
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'WeChat file not stored');
      await msg.say(RETRY).catch(() => undefined);
    }
  }

  async function onVoice(msg: Message): Promise<void> {
    try {
      const box = await msg.toFileBox();
      const talker = msg.talker();
      const voice: IncomingVoice = {
        id: msg.id,
        contactId: talker.id,
        contactName: talker.name() || null,
        name: box.name || 'voice',
        mime: audioMime(box.name, box.mediaType),
        // Too large to keep: refused without loading it.
        data: box.size > EVIDENCE_MAX_BYTES ? Buffer.alloc(EVIDENCE_MAX_BYTES + 1) : await box.toBuffer(),
        at: msg.date(),
      };
      await inOrder(talker.id, msg.id, () => deps.handleVoice(voice), sayTo(msg));
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'WeChat voice message not stored');
      await msg.say(RETRY).catch(() => undefined);
    }
  }

  return {
    bot,
    send,
    /** The login state; the QR code itself is only for admins (see the bot role). */
    status: () => ({ state, qrcode }),
    async start() {
      state = 'starting';
      await bot.start();
    },
    async stop() {
      await bot.stop();
      state = 'stopped';
    },
  };
}

const AUDIO_TYPES: Record<string, string> = {
  silk: 'audio/silk',
  sil: 'audio/silk',
  slk: 'audio/silk',
  mp3: 'audio/mpeg',
  amr: 'audio/amr',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
};

/** The audio's type as the puppet says it, else from its file name (puppets often say octet-stream). */
function audioMime(name: string, mediaType: string | undefined): string {
  if (mediaType?.startsWith('audio/')) return mediaType;
  return AUDIO_TYPES[/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
