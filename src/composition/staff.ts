import type { AuthenticateToken } from '../http/middleware/require-staff';
import type { AuthRouteDeps } from '../http/routes/auth-routes';
import type { ConsoleDeps } from '../http/console/console-router';
import { createLoginThrottle } from '../redis/login-rate-limit';
import { authenticateToken, login, logout } from '../services/staff-accounts';
import { auditLog } from '../services/audit-log';
import {
  assignableInspectors,
  createStaffByAdmin,
  listStaff,
  resetStaffPassword,
  setStaffActive,
  setStaffWecomUser,
} from '../services/staff-admin';
import type { AuditEvent } from '../domain/audit';
import type { AppContext } from './context';

export function authRoutesPort(ctx: AppContext): AuthRouteDeps {
  const { config, repos } = ctx;
  const loginThrottle = createLoginThrottle(ctx.redis, config.QUEUE_PREFIX, config.LOGIN_MAX_FAILURES, config.LOGIN_WINDOW_S);
  const deps = { staff: repos.staff, tokenTtlHours: config.STAFF_TOKEN_TTL_HOURS, loginThrottle };
  return {
    login: (username, password, client) => login(deps, username, password, client),
    logout: (token) => logout(deps, token),
  };
}

export function authenticatePort(ctx: AppContext): AuthenticateToken {
  return (token) => authenticateToken(ctx.repos, token);
}

/** Staff management (admins) and who may be assigned a case (supervisors). */
export function staffAdminPort(
  ctx: AppContext,
): Pick<
  ConsoleDeps,
  'listStaff' | 'createStaff' | 'setStaffActive' | 'resetStaffPassword' | 'setStaffWecomUser' | 'assignableInspectors' | 'auditLog'
> {
  const { repos } = ctx;
  const deps = { staff: repos.staff, audit: (e: AuditEvent) => repos.audit.record(e) };
  return {
    listStaff: (actor) => listStaff(repos, actor),
    createStaff: (actor, input) => createStaffByAdmin(deps, actor, input),
    setStaffActive: (actor, id, active) => setStaffActive(deps, actor, id, active),
    resetStaffPassword: (actor, id, password) => resetStaffPassword(deps, actor, id, password),
    setStaffWecomUser: (actor, id, wecomUserId) => setStaffWecomUser(deps, actor, id, wecomUserId),
    assignableInspectors: () => assignableInspectors(repos),
    auditLog: (actor) =>
      auditLog(
        {
          latest: (n) => repos.audit.latest(n),
          staffNames: async () => Object.fromEntries((await repos.staff.list()).map((s) => [s.id, s.username])),
        },
        actor,
      ),
  };
}
