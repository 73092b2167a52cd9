/** Queue names, job names and payloads. Payloads carry ids, never personal data. */
export const QUEUE_NAMES = { triage: 'triage', outbound: 'outbound', deadlines: 'deadlines', platform: 'platform', sms: 'sms' } as const;

export interface JobPayloads {
  'triage-complaint': { complaintId: string };
  /** Consumed only by the bot process, which holds the WeChat session. */
  'deliver-message': { messageId: string };
  /** Fires before a step's deadline (remind the assignee), at it (escalate to the supervisors) and later (to the heads). */
  'check-deadline': { leadId: string; step: 'accept' | 'contact' | 'close'; phase: 'remind' | 'escalate' | 'second_escalation' };
  /** An Official Account / WeCom message stored by the callback: run the intake conversation on it. */
  'handle-platform-message': { inboundId: string };
  /** The conversation's answers that were not given as a passive reply, through the customer-service API. */
  'send-platform-replies': { inboundId: string };
  /** A staff reply or case notice to an Official Account / WeCom complainant. */
  'deliver-platform-message': { messageId: string };
  /** A staff reply or case notice as a text message, through the SMS gateway. */
  'send-sms': { messageId: string };
  /** A staff notice's copy to the recipient's WeCom, as an app message. */
  'send-staff-notice': { notificationId: string };
}

export type PlatformJobName = 'handle-platform-message' | 'send-platform-replies' | 'deliver-platform-message' | 'send-staff-notice';

export type JobName = keyof JobPayloads;

/** Fixed job ids make enqueueing idempotent: the same complaint is never queued twice at once. */
export function triageJobId(complaintId: string): string {
  return `triage-${complaintId}`;
}

export function deliverJobId(messageId: string): string {
  return `deliver-${messageId}`;
}

export function deadlineJobId(p: JobPayloads['check-deadline']): string {
  return `deadline-${p.leadId}-${p.step}-${p.phase}`;
}
