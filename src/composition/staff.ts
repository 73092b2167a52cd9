import type { AuthenticateToken } from '../http/middleware/require-staff';
import type { AuthRouteDeps } from '../http/routes/auth-routes';
import type { ConsoleDeps } from '../http/console/console-router';
import { createLoginThrottle } from '../redis/login-rate-limit';
import { authenticateToken, login, logout } from '../services/staff-accounts';
import { assignableInspectors, createStaffByAdmin, listStaff, resetStaffPassword, setStaffActive } from '../services/staff-admin';
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
): Pick<ConsoleDeps, 'listStaff' | 'createStaff' | 'setStaffActive' | 'resetStaffPassword' | 'assignableInspectors'> {
  const { repos } = ctx;
  return {
    listStaff: (actor) => listStaff(repos, actor),
    createStaff: (actor, input) => createStaffByAdmin(repos, actor, input),
    setStaffActive: (actor, id, active) => setStaffActive(repos, actor, id, active),
    resetStaffPassword: (actor, id, password) => resetStaffPassword(repos, actor, id, password),
    assignableInspectors: () => assignableInspectors(repos),
  };
}
