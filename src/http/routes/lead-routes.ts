import { Router } from 'express';
import { jsonBody } from '../json-body';
import { z } from 'zod';
import { LEAD_STATUSES, type Lead } from '../../domain/lead';
import type { StaffUser } from '../../domain/staff';
import type { OutboundMessage } from '../../domain/outbound';
import { CATEGORIES } from '../../domain/triage-result';
import type { RecoveryInput, StatusChange } from '../../services/case-actions';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';

const listQuery = z
  .object({
    status: z.enum(LEAD_STATUSES).optional(),
    category: z.enum(CATEGORIES).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict(); // an unknown parameter (e.g. status[$ne]) is an error, never silently ignored

export type LeadListQuery = z.infer<typeof listQuery>;

const idParam = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') });
const note = z.string().trim().min(1).max(2000).optional();

const assignBody = z.object({ assigneeId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character staff id'), note }).strict();
const statusBody = z
  .object({
    to: z.enum(LEAD_STATUSES),
    note,
    outcomeCode: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
    transferTarget: z.enum(['police', 'court', 'department']).optional(),
    rejectReason: z.enum(['not_wage_arrears', 'duplicate', 'not_our_jurisdiction', 'insufficient_information', 'withdrawn']).optional(),
  })
  .strict();
const recoveryBody = z
  .object({
    amountYuan: z.number().positive().max(1e10),
    workersPaid: z.number().int().min(0).max(100_000),
    date: z.iso.date(),
    note,
  })
  .strict();

const replyBody = z
  .object({
    text: z.string().trim().min(1).max(1000),
    complainantIds: z
      .array(z.string().regex(/^[0-9a-f]{24}$/i))
      .min(1)
      .max(500)
      .optional(),
  })
  .strict();

const mergeBody = z.object({ sourceLeadId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character lead id') }).strict();
const splitBody = z.object({ complaintId: z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-character complaint id') }).strict();

export interface LeadRouteDeps {
  listLeads(staff: StaffUser, query: LeadListQuery): Promise<{ items: Lead[]; total: number }>;
  getLead(staff: StaffUser, id: string): Promise<Lead>;
  assignLead(staff: StaffUser, id: string, input: { assigneeId: string; note?: string }): Promise<Lead>;
  changeLeadStatus(staff: StaffUser, id: string, input: StatusChange): Promise<Lead>;
  recordRecovery(staff: StaffUser, id: string, input: RecoveryInput): Promise<Lead>;
  replyToComplainants(staff: StaffUser, id: string, input: { text: string; complainantIds?: string[] }): Promise<OutboundMessage[]>;
  listMessages(staff: StaffUser, id: string): Promise<OutboundMessage[]>;
  revealPhones(
    staff: StaffUser,
    id: string,
  ): Promise<{ phone: string | null; complainants: { id: string; name: string | null; phone: string | null; channel: string }[] }>;
  mergeCases(staff: StaffUser, targetId: string, sourceId: string): Promise<Lead>;
  splitComplaint(staff: StaffUser, leadId: string, complaintId: string): Promise<{ from: Lead; to: Lead }>;
}

export function leadRoutes(deps: LeadRouteDeps): Router {
  const router = Router();
  router.use(jsonBody('64kb'));
  router.get('/', async (req, res) => {
    const query = parseOr400(listQuery, req.query);
    const { items, total } = await deps.listLeads(currentStaff(res), query);
    res.json({ items, total, page: query.page, pageSize: query.pageSize });
  });
  router.get('/:id', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.getLead(currentStaff(res), id));
  });
  router.post('/:id/assign', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.assignLead(currentStaff(res), id, parseOr400(assignBody, req.body)));
  });
  router.post('/:id/status', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.changeLeadStatus(currentStaff(res), id, parseOr400(statusBody, req.body)));
  });
  router.post('/:id/recoveries', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const body = parseOr400(recoveryBody, req.body);
    res.status(201).json(await deps.recordRecovery(currentStaff(res), id, { ...body, date: new Date(body.date) }));
  });
  router.post('/:id/replies', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.status(201).json({ messages: await deps.replyToComplainants(currentStaff(res), id, parseOr400(replyBody, req.body)) });
  });
  router.get('/:id/messages', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json({ messages: await deps.listMessages(currentStaff(res), id) });
  });
  router.post('/:id/reveal-phone', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.revealPhones(currentStaff(res), id));
  });
  router.post('/:id/merge', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.mergeCases(currentStaff(res), id, parseOr400(mergeBody, req.body).sourceLeadId));
  });
  router.post('/:id/split', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.status(201).json(await deps.splitComplaint(currentStaff(res), id, parseOr400(splitBody, req.body).complaintId));
  });
  return router;
}
