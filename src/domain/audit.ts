export const AUDIT_ACTIONS = [
  'phone_lookup',
  'phones_revealed',
  'evidence_viewed',
  'staff_created',
  'staff_disabled',
  'staff_enabled',
  'staff_password_reset',
  'staff_wecom_set',
  'cases_exported',
  'complainant_erased',
  'payment_dispute_overridden',
  'faq_created',
  'faq_updated',
  'faq_disabled',
  'faq_enabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Something a staff member did that is recorded apart from any case: a lookup by phone number, for example. */
export interface AuditEvent {
  at: Date;
  /** The staff member's id. */
  actor: string;
  action: AuditAction;
  /** What it was about, never in full: a phone number is kept masked (and hashed in `detail`). */
  subject: string;
  detail: Record<string, string | number | boolean | null>;
}
