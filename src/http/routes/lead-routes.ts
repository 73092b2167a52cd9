import { Router } from 'express';
import { maskedLead, maskedMessage } from '../../domain/masking';
import { jsonBody } from '../json-body';
import type { z } from 'zod';
import type { Lead } from '../../domain/lead';
import type { StaffUser } from '../../domain/staff';
import type { OutboundMessage } from '../../domain/outbound';
import type { RecoveryInput, StatusChange } from '../../services/case-actions';
import { currentStaff } from '../middleware/require-staff';
import { parseOr400 } from '../validation';
import {
  assignBody,
  duplicateParams,
  idParam,
  listQuery,
  mergeBody,
  recoveryBody,
  replyBody,
  splitBody,
  statusBody,
} from '../contracts/lead-contract';

export type LeadListQuery = z.infer<typeof listQuery>;

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
  /** A possible duplicate is not one: it leaves both cases and is not suggested again. */
  dismissDuplicate(staff: StaffUser, id: string, otherId: string): Promise<Lead>;
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
    res.json(maskedLead(await deps.assignLead(currentStaff(res), id, parseOr400(assignBody, req.body))));
  });
  router.post('/:id/status', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(maskedLead(await deps.changeLeadStatus(currentStaff(res), id, parseOr400(statusBody, req.body))));
  });
  router.post('/:id/recoveries', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const body = parseOr400(recoveryBody, req.body);
    res.status(201).json(maskedLead(await deps.recordRecovery(currentStaff(res), id, { ...body, date: new Date(body.date) })));
  });
  router.post('/:id/replies', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res
      .status(201)
      .json({ messages: (await deps.replyToComplainants(currentStaff(res), id, parseOr400(replyBody, req.body))).map(maskedMessage) });
  });
  router.get('/:id/messages', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json({ messages: (await deps.listMessages(currentStaff(res), id)).map(maskedMessage) });
  });
  router.post('/:id/reveal-phone', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(await deps.revealPhones(currentStaff(res), id));
  });
  router.post('/:id/merge', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    res.json(maskedLead(await deps.mergeCases(currentStaff(res), id, parseOr400(mergeBody, req.body).sourceLeadId)));
  });
  router.post('/:id/split', async (req, res) => {
    const { id } = parseOr400(idParam, req.params);
    const { from, to } = await deps.splitComplaint(currentStaff(res), id, parseOr400(splitBody, req.body).complaintId);
    res.status(201).json({ from: maskedLead(from), to: maskedLead(to) });
  });
  router.post('/:id/duplicates/:otherId/dismiss', async (req, res) => {
    const { id, otherId } = parseOr400(duplicateParams, req.params);
    res.json(maskedLead(await deps.dismissDuplicate(currentStaff(res), id, otherId)));
  });
  return router;
}
