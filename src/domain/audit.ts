/** Something a staff member did that is recorded apart from any case: a lookup by phone number, for example. */
export interface AuditEvent {
  at: Date;
  /** The staff member's id. */
  actor: string;
  action: 'phone_lookup';
  /** What it was about, never in full: a phone number is kept masked (and hashed in `detail`). */
  subject: string;
  detail: Record<string, string | number | boolean | null>;
}
