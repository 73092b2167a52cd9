import type { ComplaintChannel } from './triage-result';

export const OUTBOUND_KINDS = ['staff_reply', 'case_notice', 'payment_question'] as const;
/** Why a message goes out: a staff member wrote it, the case moved, or the worker is asked whether the wages arrived. */
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

/**
 * queued → delivered | failed for WeChat; queued → delivered, or → callback_open when it fails for
 * good, for a text message (SMS); callback_open → callback_done for complainants we cannot write to
 * (a hotline caller without a mobile number, or any caller when no SMS gateway is configured).
 */
export type OutboundState = 'queued' | 'delivered' | 'failed' | 'callback_open' | 'callback_done';

export interface OutboundMessage {
  id: string;
  leadId: string;
  complainantId: string;
  channel: ComplaintChannel;
  channelUserId: string;
  phone: string | null;
  kind: OutboundKind;
  text: string;
  state: OutboundState;
  createdBy: string;
  createdAt: Date;
  deliveredAt: Date | null;
  error: string | null;
}

/** Channels the bot process can write to; everything else becomes a call-back task. */
export const BOT_CHANNELS: readonly ComplaintChannel[] = ['wechat'];

const STATUS_WORDS: Record<string, string> = {
  assigned: '已受理并指派监察员',
  investigating: '正在调查核实',
  mediating: '正在调解',
  resolved: '已处理完毕',
  transferred: '已移交相关部门处理',
  rejected: '经审核不予受理',
  closed: '已办结',
};

const ASK_PROGRESS = '，可随时回复“查询”了解进展。';
const ASK_BACK = '如有疑问请回复本消息。';

/** The automatic notices complainants get (zh-CN). */
export function caseNotice(event: 'accepted' | 'status', caseNumber: string, status?: string): string {
  if (event === 'accepted') return `您反映的欠薪问题已登记，案件编号 ${caseNumber}。我们会尽快核实处理${ASK_PROGRESS}`;
  return `您的案件 ${caseNumber} ${STATUS_WORDS[status ?? ''] ?? `状态更新为 ${status}`}。${ASK_BACK}`;
}

/** A message as a text message (SMS): nobody reads the replies to one, so the notices do not invite them. */
export function smsText(text: string): string {
  return text.replace(ASK_PROGRESS, '。').replace(ASK_BACK, '').trim();
}
