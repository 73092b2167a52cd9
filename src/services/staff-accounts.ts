import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError, isDuplicate } from '../domain/app-error';
import type { StaffRole, StaffUser } from '../domain/staff';
import type { StaffRepository } from '../db/repositories/staff-repository';
import type { LoginThrottle } from '../redis/login-rate-limit';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return `wat_${randomBytes(32).toString('base64url')}`;
}

/** A token signs its holder in for one working day unless configured otherwise (STAFF_TOKEN_TTL_HOURS). */
export const DEFAULT_TOKEN_TTL_HOURS = 12;

export interface StaffAccountDeps {
  staff: StaffRepository;
  tokenTtlHours?: number;
  /** Failed sign-ins per username and client; without it sign-in is not rate limited (tests, the CLI). */
  loginThrottle?: LoginThrottle;
}

const expiry = (deps: StaffAccountDeps) => new Date(Date.now() + (deps.tokenTtlHours ?? DEFAULT_TOKEN_TTL_HOURS) * 3_600_000);

export async function createStaffUser(
  deps: StaffAccountDeps,
  input: { username: string; password: string; role: StaffRole; area: string | null },
): Promise<{ user: StaffUser; token: string }> {
  const passwordHash = await hash(input.password);
  let user: StaffUser;
  try {
    user = await deps.staff.create({ username: input.username, passwordHash, role: input.role, area: input.area });
  } catch (err) {
    if (isDuplicate(err)) throw new AppError('username_taken', `username ${input.username} already exists`, { status: 409 });
    throw err;
  }
  const token = newToken();
  await deps.staff.addToken(user.id, hashToken(token), 'created with the account', expiry(deps));
  return { user, token };
}

export async function authenticateToken(deps: { staff: StaffRepository }, token: string): Promise<StaffUser | null> {
  if (!/^wat_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return deps.staff.findByTokenHash(hashToken(token));
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | null = null;

/**
 * Username and password in, a new API token out (argon2id); the same answer for every kind of failure.
 * After too many failures from one client the username is locked for a while, right password or not.
 */
export async function login(
  deps: StaffAccountDeps,
  username: string,
  password: string,
  client = 'unknown',
): Promise<{ user: StaffUser; token: string }> {
  const blocked = (await deps.loginThrottle?.attempt(username, client)) ?? 0;
  if (blocked > 0) {
    throw new AppError('too_many_attempts', `登录失败次数过多，请 ${Math.ceil(blocked / 60)} 分钟后再试 (too many failed sign-ins)`, {
      status: 429,
      details: { retryAfterSeconds: blocked },
    });
  }
  const found = await deps.staff.findByUsername(username);
  decoyHash ??= hash('decoy-password-for-timing');
  const ok = await verify(found?.passwordHash ?? (await decoyHash), password).catch(() => false);
  if (!found || !found.active || !ok) {
    throw new AppError('invalid_credentials', '用户名或密码错误 (wrong username or password)', { status: 401 });
  }
  await deps.loginThrottle?.succeeded(username, client);
  const token = newToken();
  await deps.staff.addToken(found.id, hashToken(token), 'login', expiry(deps));
  const { passwordHash: _hash, ...user } = found;
  return { user, token };
}

export async function logout(deps: { staff: StaffRepository }, token: string): Promise<void> {
  await deps.staff.revokeToken(hashToken(token));
}
