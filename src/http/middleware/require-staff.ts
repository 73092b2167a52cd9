import type { RequestHandler, Response } from 'express';
import { AppError } from '../../domain/app-error';
import type { StaffUser } from '../../domain/staff';

export type AuthenticateToken = (token: string) => Promise<StaffUser | null>;

/** Accepts `Authorization: Bearer <token>` and puts the staff user in res.locals.staff. */
export function requireStaff(authenticate: AuthenticateToken): RequestHandler {
  return async (req, res, next) => {
    const m = /^Bearer ([^\s]+)$/.exec(req.get('authorization') ?? '');
    if (!m?.[1]) return next(new AppError('unauthenticated', 'Authorization: Bearer <token> is required', { status: 401 }));
    const staff = await authenticate(m[1]);
    if (!staff) return next(new AppError('unauthenticated', 'the token is not valid', { status: 401 }));
    res.locals.staff = staff;
    next();
  };
}

export function currentStaff(res: Response): StaffUser {
  return res.locals.staff as StaffUser;
}
