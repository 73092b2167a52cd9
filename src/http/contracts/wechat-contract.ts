import { z } from 'zod';
import { failure, isoDateTime, unauthenticated, unavailable, type Describes } from './common';
import type { RouterContract } from './operation';
import type { WechatRouteDeps } from '../routes/wechat-routes';

const loginState = z
  .strictObject({
    state: z.string().meta({ description: 'as the bot publishes it; unknown before it has', example: 'scan' }),
    qrcode: z.string().nullable().meta({ description: 'the login QR code’s content while one is waiting to be scanned' }),
    at: isoDateTime.nullable(),
  })
  .meta({ id: 'WechatLoginState' });

true satisfies Describes<typeof loginState, Awaited<ReturnType<WechatRouteDeps['wechatLogin']>>>;

/** The WeChat account's login state and QR code, for admins only: whoever scans the code becomes the bot. */
export const wechatContract: RouterContract = {
  prefix: '/api/wechat',
  operations: [
    {
      method: 'get',
      path: '/login',
      summary: 'the WeChat account’s login state and QR code (admins only)',
      security: 'staff',
      responses: {
        200: { description: 'the state the bot process last published', json: loginState },
        401: unauthenticated,
        403: failure('only admins see the WeChat login'),
        503: unavailable,
      },
    },
  ],
};
