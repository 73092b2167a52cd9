import { Router } from 'express';
import { jsonBody } from '../json-body';
import type { StaffUser } from '../../domain/staff';
import { parseOr400 } from '../validation';
import { loginBody } from '../contracts/auth-contract';

export interface AuthRouteDeps {
  login(username: string, password: string, client?: string): Promise<{ user: StaffUser; token: string }>;
  logout(token: string): Promise<void>;
}

/** Staff sign in with username and password (argon2id hashes) and get an API token; logout revokes it. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  router.use(jsonBody('4kb'));
  router.post('/login', async (req, res) => {
    const { username, password } = parseOr400(loginBody, req.body);
    const { user, token } = await deps.login(username, password, req.ip ?? 'unknown');
    res.json({ token, user: { id: user.id, username: user.username, role: user.role, area: user.area } });
  });
  router.post('/logout', async (req, res) => {
    const m = /^Bearer ([^\s]+)$/.exec(req.get('authorization') ?? '');
    if (m?.[1]) await deps.logout(m[1]);
    res.status(204).end();
  });
  return router;
}
