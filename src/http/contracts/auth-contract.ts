import { z } from 'zod';
import { STAFF_ROLES, type StaffUser } from '../../domain/staff';
import { failure, invalid, storeId, tooLarge, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';

export const loginBody = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

const signedIn = z
  .strictObject({
    token: z.string().meta({ description: 'send as Authorization: Bearer <token>' }),
    user: z.strictObject({
      id: storeId,
      username: z.string(),
      role: z.enum(STAFF_ROLES),
      area: z.string().nullable().meta({ description: 'the township or street; null for the whole county' }),
    }),
  })
  .meta({ id: 'SignedIn' });

true satisfies Describes<typeof signedIn, { token: string; user: Pick<StaffUser, 'id' | 'username' | 'role' | 'area'> }>;

/** Staff sign in with username and password and get an API token; logout revokes it. */
export const authContract: RouterContract = {
  prefix: '/api/auth',
  operations: [
    {
      method: 'post',
      path: '/login',
      summary: 'sign in: a new API token for username and password',
      security: 'none',
      request: { json: loginBody },
      responses: {
        200: { description: 'the token and who it belongs to', json: signedIn },
        400: invalid,
        401: failure('wrong username or password, or the account is disabled'),
        413: tooLarge,
        429: failure('too many failed sign-ins for this username from this client: `details.retryAfterSeconds`'),
        503: unavailable,
      },
    },
    {
      method: 'post',
      path: '/logout',
      summary: 'revoke the bearer token (an unknown token is not an error)',
      security: 'staff',
      responses: {
        204: { description: 'revoked' },
        400: failure('a body that is not JSON'),
        413: tooLarge,
        503: unavailable,
      },
    },
  ],
};
