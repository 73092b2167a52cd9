/** Queue names, job names and payloads. Payloads carry ids, never personal data. */
export const QUEUE_NAMES = { triage: 'triage', outbound: 'outbound' } as const;

export interface JobPayloads {
  'triage-complaint': { complaintId: string };
  /** Consumed only by the bot process, which holds the WeChat session. */
  'deliver-message': { messageId: string };
}

export type JobName = keyof JobPayloads;

/** Fixed job ids make enqueueing idempotent: the same complaint is never queued twice at once. */
export function triageJobId(complaintId: string): string {
  return `triage-${complaintId}`;
}

export function deliverJobId(messageId: string): string {
  return `deliver-${messageId}`;
}
