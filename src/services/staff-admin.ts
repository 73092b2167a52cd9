import { hash } from '@node-rs/argon2';
import { AppError } from '../domain/app-error';
import type { AuditEvent } from '../domain/audit';
import type { StaffRole, StaffUser } from '../domain/staff';
import type { StaffRepository } from '../db/repositories/staff-repository';
import { createStaffUser, hashToken } from './staff-accounts';

type AdminDeps = { staff: StaffRepository; audit?: (e: AuditEvent) => Promise<void> };

/** Every change to an account is recorded with who made it (the audit store keeps it apart from any case). */
const recordChange = (
  deps: AdminDeps,
  actor: StaffUser,
  action: AuditEvent['action'],
  user: StaffUser,
  detail: AuditEvent['detail'] = {},
) => deps.audit?.({ at: new Date(), actor: actor.id, action, subject: `staff:${user.username}`, detail: { userId: user.id, ...detail } });

/** Staff management is for admins only. */
function adminOnly(actor: StaffUser): void {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'only admins manage staff users', { status: 403 });
}

export async function listStaff(deps: { staff: StaffRepository }, actor: StaffUser): Promise<StaffUser[]> {
  adminOnly(actor);
  return deps.staff.list();
}

/** An admin creates a user (the same path as `npm run staff -- create`); the API token is not shown. */
export async function createStaffByAdmin(
  deps: AdminDeps,
  actor: StaffUser,
  input: { username: string; password: string; role: StaffRole; area: string | null },
): Promise<StaffUser> {
  adminOnly(actor);
  const { user, token } = await createStaffUser(deps, input);
  await deps.staff.revokeToken(hashToken(token));
  await recordChange(deps, actor, 'staff_created', user, { role: user.role, area: user.area });
  return user;
}

/** Who a supervisor can give a case to. */
export async function assignableInspectors(deps: { staff: StaffRepository }): Promise<StaffUser[]> {
  return (await deps.staff.list()).filter((s) => s.active && s.role === 'inspector');
}

/** Disabling signs the user out everywhere; an admin cannot disable themself. */
export async function setStaffActive(deps: AdminDeps, actor: StaffUser, id: string, active: boolean): Promise<StaffUser> {
  adminOnly(actor);
  if (id === actor.id && !active) throw new AppError('invalid_request', 'an admin cannot disable their own account', { status: 400 });
  const user = await deps.staff.update(id, { active });
  if (!user) throw new AppError('staff_not_found', `staff user ${id} does not exist`, { status: 404 });
  if (!active) await deps.staff.revokeAllTokens(id);
  await recordChange(deps, actor, active ? 'staff_enabled' : 'staff_disabled', user);
  return user;
}

/** The WeCom UserID a member's notices are also sent to as app messages; null removes it. */
export async function setStaffWecomUser(deps: AdminDeps, actor: StaffUser, id: string, wecomUserId: string | null): Promise<StaffUser> {
  adminOnly(actor);
  const user = await deps.staff.update(id, { wecomUserId });
  if (!user) throw new AppError('staff_not_found', `staff user ${id} does not exist`, { status: 404 });
  await recordChange(deps, actor, 'staff_wecom_set', user, { wecomUserId });
  return user;
}

/** A new password; every session and token of the user stops working. */
export async function resetStaffPassword(deps: AdminDeps, actor: StaffUser, id: string, password: string): Promise<StaffUser> {
  adminOnly(actor);
  const user = await deps.staff.update(id, { passwordHash: await hash(password) });
  if (!user) throw new AppError('staff_not_found', `staff user ${id} does not exist`, { status: 404 });
  await deps.staff.revokeAllTokens(id);
  await recordChange(deps, actor, 'staff_password_reset', user);
  return user;
}
