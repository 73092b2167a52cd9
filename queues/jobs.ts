/** Queue names, job names and payloads. Payloads carry ids, never personal data. */
export const QUEUE_NAMES = { triage: 'triage', outbound: 'outbound', deadlines: 'deadlines' } as const;

export interface JobPayloads {
  'triage-complaint': { complaintId: string };
  /** Consumed only by the bot process, which holds the WeChat session. */
  'deliver-message': { messageId: string };
  /** Fires before a step's deadline (remind the assignee) and at it (escalate to the supervisor). */
  'check-deadline': { leadId: string; step: 'accept' | 'contact' | 'close'; phase: 'remind' | 'escalate' };
}

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
