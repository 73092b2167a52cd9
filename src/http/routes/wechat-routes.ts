import { Router } from 'express';
import { AppError } from '../../domain/app-error';
import { currentStaff } from '../middleware/require-staff';

export interface WechatRouteDeps {
  wechatLogin(): Promise<{ state: string; qrcode: string | null; at: string | null }>;
}

/** The WeChat account's login state and QR code, for admins only: whoever scans the code becomes the bot. */
export function wechatRoutes(deps: WechatRouteDeps): Router {
  const router = Router();
  router.get('/login', async (_req, res) => {
    if (currentStaff(res).role !== 'admin') throw new AppError('forbidden', 'only admins see the WeChat login', { status: 403 });
    res.json(await deps.wechatLogin());
  });
  return router;
}
