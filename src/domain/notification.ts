import type { Lead } from './lead';
import { cstDay, type DeadlineKind } from './working-days';

/** What staff are told about (站内通知): the kinds of events, by their own names. */
export const NOTIFICATION_KINDS = [
  'case_opened',
  'assigned',
  'worker_reply',
  'deadline_reminder',
  'deadline_escalated',
  'deadline_second_escalation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The copy sent to the recipient's WeCom: none (no WeCom, or no UserID), queued, sent, or failed for good. */
export const WECOM_STATES = ['none', 'queued', 'sent', 'failed'] as const;
export type WecomState = (typeof WECOM_STATES)[number];

/** One staff member's notice of one event. */
export interface StaffNotification {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  leadId: string;
  caseNumber: string;
  /** What happened, in Chinese, with the case number: never a complainant's name, phone or ID number. */
  text: string;
  at: Date;
  readAt: Date | null;
  wecom: WecomState;
}

export const DEADLINE_STEP_NAMES: Record<DeadlineKind, string> = { accept: '受理', contact: '首次联系投诉人', close: '办结' };

/** Something that happened on a case that staff must hear about. */
export type StaffEvent =
  | { kind: 'case_opened'; lead: Lead }
  | { kind: 'assigned'; lead: Lead; at: Date }
  /** A worker wrote again about their case; `replyId` names the message, so the same reply is told once. */
  | { kind: 'worker_reply'; lead: Lead; replyId: string; at: Date }
  | { kind: 'deadline_reminder' | 'deadline_escalated' | 'deadline_second_escalation'; lead: Lead; step: DeadlineKind; due: Date };

/**
 * What makes one event one: a retried job or a repeated call with the same event adds no second
 * notice. A deadline step is reminded and escalated once per case, as on the timeline.
 */
export function eventKey(e: StaffEvent): string {
  switch (e.kind) {
    case 'case_opened':
      return `case_opened:${e.lead.id}`;
    case 'assigned':
      return `assigned:${e.lead.id}:${e.lead.assigneeId ?? '-'}:${e.at.getTime()}`;
    case 'worker_reply':
      return `worker_reply:${e.lead.id}:${e.replyId}`;
    default:
      return `${e.kind}:${e.lead.id}:${e.step}`;
  }
}

/** The last day a deadline allows (deadlines end at 24:00 China time), e.g. 11月28日. */
function dueDay(due: Date): string {
  const [, m, d] = cstDay(new Date(due.getTime() - 1)).split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** The notice's text: the case number and what happened, nothing about the complainant. */
export function eventText(e: StaffEvent): string {
  const cn = e.lead.caseNumber;
  switch (e.kind) {
    case 'case_opened':
      return `${e.lead.priority === 'urgent' ? '【紧急】' : ''}新案件 ${cn}（${e.lead.area ?? '属地未定'}）待受理。`;
    case 'assigned':
      return `案件 ${cn} 已指派给您承办。`;
    case 'worker_reply':
      return `案件 ${cn} 的投诉人有新回复，请及时查看。`;
    case 'deadline_reminder':
      return `案件 ${cn} 的${DEADLINE_STEP_NAMES[e.step]}期限（${dueDay(e.due)}）将至，请尽快处理。`;
    case 'deadline_escalated':
      return `案件 ${cn} ${DEADLINE_STEP_NAMES[e.step]}已超期（期限 ${dueDay(e.due)}），已提请主管督办。`;
    case 'deadline_second_escalation':
      return `案件 ${cn} ${DEADLINE_STEP_NAMES[e.step]}超期（期限 ${dueDay(e.due)}）后仍未办理，已提请局领导督办。`;
  }
}

/** The WeCom app message of a notice. */
export function wecomText(n: Pick<StaffNotification, 'text'>): string {
  return `【欠薪线索处理平台】${n.text}请登录平台查看。`;
}
