import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { LEAD_STATUSES, type Lead } from '../../domain/lead';
import { CATEGORIES } from '../../domain/triage-result';
import type { LeadFilter } from '../../db/repositories/lead-repository';
import { parseOr400 } from '../validation';

const listQuery = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    category: z.enum(CATEGORIES).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict(); // an unknown parameter (e.g. status[$ne]) is an error, never silently ignored

const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') });

export interface LeadRouteDeps {
  listLeads(filter: LeadFilter): Promise<{ items: Lead[]; total: number }>;
  getLead(id: string): Promise<Lead | null>;
}

export function leadRoutes(deps: LeadRouteDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const filter = parseOr400(listQuery, req.query);
    const { items, total } = await deps.listLeads(filter);
    res.json({ items, total, page: filter.page, pageSize: filter.pageSize });
  });
  router.get('/:id', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const lead = await deps.getLead(id);
    if (!lead) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
    res.json(lead);
  });
  return router;
}
