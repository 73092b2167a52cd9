import { AppError } from '../domain/app-error';
import type { AuditEvent } from '../domain/audit';
import type { StaffUser } from '../domain/staff';

/** The latest audit events with the names of who did them: admins only. */
export async function auditLog(
  deps: { latest(limit: number): Promise<AuditEvent[]>; staffNames(): Promise<Record<string, string>> },
  actor: StaffUser,
  limit = 100,
): Promise<(AuditEvent & { actorName: string })[]> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'only admins read the audit log', { status: 403 });
  const [events, names] = await Promise.all([deps.latest(limit), deps.staffNames()]);
  return events.map((e) => ({ ...e, actorName: names[e.actor] ?? e.actor }));
}
