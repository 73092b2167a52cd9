import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { AppError } from '../domain/app-error';
import type { StaffRole, StaffUser } from '../domain/staff';
import type { StaffRepository } from '../db/repositories/staff-repository';
import { isDuplicateKeyError } from '../db/connection';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return `wat_${randomBytes(32).toString('base64url')}`;
}

export async function createStaffUser(
  deps: { staff: StaffRepository },
  input: { username: string; password: string; role: StaffRole; area: string | null },
): Promise<{ user: StaffUser; token: string }> {
  const passwordHash = await hash(input.password);
  let user: StaffUser;
  try {
    user = await deps.staff.create({ username: input.username, passwordHash, role: input.role, area: input.area });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new AppError('username_taken', `username ${input.username} already exists`, { status: 409 });
    throw err;
  }
  const token = newToken();
  await deps.staff.addToken(user.id, hashToken(token), 'created with the account');
  return { user, token };
}

export async function authenticateToken(deps: { staff: StaffRepository }, token: string): Promise<StaffUser | null> {
  if (!/^wat_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return deps.staff.findByTokenHash(hashToken(token));
}
