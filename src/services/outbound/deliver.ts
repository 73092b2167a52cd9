import { AppError } from '../../domain/app-error';
import type { ComplaintChannel } from '../../domain/triage-result';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import { appendEvent } from './dispatch';

export interface DeliveryDeps {
  leads: LeadRepository;
  outbound: OutboundRepository;
  /** Sends over WeChat (the bot, or the platform API for Official Account / WeCom contacts); throws when it could not. */
  send(channelUserId: string, text: string, channel: ComplaintChannel): Promise<void>;
}

/** Run by the bot process for one queued message; safe to run twice (a delivered message is skipped). */
export async function deliverMessage(deps: DeliveryDeps, messageId: string, opts: { finalAttempt: boolean }): Promise<void> {
  const m = await deps.outbound.get(messageId);
  if (!m) throw new AppError('message_not_found', `message ${messageId} does not exist`, { status: 404 });
  if (m.state !== 'queued') return;
  try {
    await deps.send(m.channelUserId, m.text, m.channel);
  } catch (err) {
    if (opts.finalAttempt) {
      await deps.outbound.setState(m.id, 'queued', 'failed', { error: (err as Error).message.slice(0, 300) });
      await appendEvent(deps, m.leadId, {
        at: new Date(),
        type: 'delivery_failed',
        actor: 'system',
        note: `微信消息未能送达：${(err as Error).message.slice(0, 100)}`,
        changes: [],
      });
    }
    throw err;
  }
  if (await deps.outbound.setState(m.id, 'queued', 'delivered', { deliveredAt: new Date() })) {
    await appendEvent(deps, m.leadId, {
      at: new Date(),
      type: 'message_delivered',
      actor: 'system',
      note: `已通过微信送达（${m.kind === 'staff_reply' ? '工作人员回复' : '进展通知'}）`,
      changes: [],
    });
  }
}
