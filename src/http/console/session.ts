import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { AppError } from '../../domain/app-error';
import type { StaffUser } from '../../domain/staff';

/**
 * The console's session is a staff token from the login service (stored only as a SHA-256 hash), in an
 * HttpOnly, SameSite=Strict cookie scoped to /console. Logout revokes it; disabling a user or resetting
 * their password revokes all of theirs.
 */
export const SESSION_COOKIE = 'wa_console';
const SESSION_HOURS = 12;

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/console', maxAge: SESSION_HOURS * 3_600_000 };
}

/** Puts the signed-in staff user (if any) and the session's CSRF token in res.locals. */
export function loadSession(authenticate: (token: string) => Promise<StaffUser | null>): RequestHandler {
  return async (req, res, next) => {
    const token = (req.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    const staff = token ? await authenticate(token) : null;
    if (staff && token) {
      res.locals.staff = staff;
      res.locals.sessionToken = token;
      res.locals.csrf = csrfTokenFor(token);
    }
    next();
  };
}

/**
 * Synchronizer token derived from the session: HMAC-SHA256 keyed with the session token itself, which
 * only the server and the HttpOnly cookie know. It needs no server-side store or extra secret, works
 * across API processes, and changes with every sign-in.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('wa-console-csrf').digest('base64url');
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses a state-changing request that a browser says came from another site. */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  // Fetch metadata when the browser sends it (every current one does), else the Origin header.
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite =
    site !== undefined ? site !== 'same-origin' && site !== 'none' : origin !== undefined && originHost(origin) !== req.get('host');
  next(crossSite ? new AppError('csrf', 'cross-site request refused', { status: 403 }) : undefined);
};

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Every console page after login needs a session; a POST also needs the session's CSRF token. */
export const requireSession: RequestHandler = (req, res, next) => {
  if (!res.locals.staff) {
    if (req.method === 'GET') return res.redirect(303, `/console/login?next=${encodeURIComponent(req.originalUrl)}`);
    return next(new AppError('unauthenticated', 'please sign in', { status: 401 }));
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent !== 'string' || !sameString(sent, res.locals.csrf as string))
      return next(new AppError('csrf', 'the form is out of date; reload the page', { status: 403 }));
  }
  next();
};

export function staffOf(res: Response): StaffUser {
  return res.locals.staff as StaffUser;
}

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Only these roles see a page (the dashboard, the admins' pages). */
export function requireRole(...roles: StaffUser['role'][]): RequestHandler {
  return (_req, res, next) =>
    next(roles.includes(staffOf(res).role) ? undefined : new AppError('forbidden', 'not allowed for this role', { status: 403 }));
}
