import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { NewInboundMessage, PlatformChannel } from '../../domain/inbound';

const MAX_TEXT = 10_000;

const fieldsSchema = z.object({
  FromUserName: z.string().min(1).max(128),
  CreateTime: z.string().regex(/^\d{1,12}$/),
  MsgType: z.string().regex(/^[a-z_]{1,32}$/),
  MsgId: z
    .string()
    .regex(/^\d{1,24}$/)
    .optional(),
  Content: z.string().max(MAX_TEXT).optional(),
  Recognition: z.string().max(MAX_TEXT).optional(),
  MediaId: z.string().max(256).optional(),
  Event: z.string().max(64).optional(),
});

/** The platform's fields as a stored inbound message; a message's key is its MsgId, an event's its sender and time. */
export function toInboundMessage(channel: PlatformChannel, fields: Record<string, string>): NewInboundMessage {
  const f = fieldsSchema.safeParse(fields);
  if (!f.success) {
    const path = f.error.issues[0]?.path.join('.') ?? 'message';
    throw new AppError('invalid_message', `the message field ${path} is missing or invalid`, { status: 400 });
  }
  const m = f.data;
  const text = m.MsgType === 'text' ? (m.Content ?? '') : m.MsgType === 'voice' ? (m.Recognition ?? '') : '';
  return {
    channel,
    key: m.MsgId ?? `${m.FromUserName}:${m.CreateTime}`,
    contactId: m.FromUserName,
    msgType: m.MsgType,
    text,
    mediaId: m.MsgType === 'image' ? (m.MediaId ?? null) : null,
    event: m.MsgType === 'event' ? (m.Event ?? null) : null,
    at: new Date(Number(m.CreateTime) * 1000),
  };
}
