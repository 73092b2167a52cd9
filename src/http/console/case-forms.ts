import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { REJECT_REASONS, TRANSFER_TARGETS } from '../../domain/case-workflow';
import { LEAD_STATUSES } from '../../domain/lead';
import type { StaffUser } from '../../domain/staff';
import { SECTORS } from '../../domain/triage-result';
import { parseOr400 } from '../validation';
import type { ConsoleDeps } from './console-deps';

/** A form's empty field: absent for optional inputs, null for a field being cleared. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const clearable = <T extends z.ZodType>(t: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (blank(v) ?? null)), t.nullable().optional());
const id = z.string().regex(/^[0-9a-f]{24}$/i);
const note = opt(z.string().trim().max(2000));

const fieldsForm = z.object({
  employer: clearable(z.string().trim().max(100)),
  project: clearable(z.string().trim().max(100)),
  location: clearable(z.string().trim().max(200)),
  amountYuan: clearable(z.coerce.number().min(0).max(1e10)),
  workerCount: clearable(z.coerce.number().int().min(0).max(100_000)),
  sector: clearable(z.enum(SECTORS)),
  priority: opt(z.enum(['urgent', 'normal'])),
  area: clearable(z.string().trim().max(40)),
  note,
});
const replyForm = z.object({ text: z.string().trim().min(1).max(1000) });
const statusForm = z.object({
  to: z.enum(LEAD_STATUSES),
  note,
  outcomeCode: opt(z.string().regex(/^[a-z_]{1,40}$/)),
  transferTarget: opt(z.enum(TRANSFER_TARGETS)),
  rejectReason: opt(z.enum(REJECT_REASONS)),
  override: opt(z.literal('1')).transform((v) => v === '1'),
});
const recoveryForm = z.object({
  amountYuan: z.coerce.number().positive().max(1e10),
  workersPaid: z.coerce.number().int().min(0).max(100_000),
  date: z.iso.date(),
  note,
});
const assignForm = z.object({ assigneeId: id, note, transfer: opt(z.literal('1')).transform((v) => v === '1') });
const mergeForm = z.object({ sourceCaseNumber: z.string().trim().min(4).max(40) });
const splitForm = z.object({ complaintId: id });
const duplicateForm = z.object({ otherId: id });

type Done = { ok: string; goTo?: string };
type FormAction = (staff: StaffUser, leadId: string, body: Record<string, unknown>) => Promise<Done>;

/** Each case form: validated like the JSON API's bodies, then the same service call. */
export function caseActionForms(deps: ConsoleDeps): Record<string, FormAction> {
  return {
    fields: async (staff, leadId, body) => {
      const { note: why, ...edit } = parseOr400(fieldsForm, body);
      await deps.editLeadFields(staff, leadId, edit, why);
      return { ok: 'saved' };
    },
    reply: async (staff, leadId, body) => {
      await deps.replyToComplainants(staff, leadId, parseOr400(replyForm, body));
      return { ok: 'replied' };
    },
    status: async (staff, leadId, body) => {
      await deps.changeLeadStatus(staff, leadId, parseOr400(statusForm, body));
      return { ok: 'status' };
    },
    recovery: async (staff, leadId, body) => {
      const r = parseOr400(recoveryForm, body);
      await deps.recordRecovery(staff, leadId, { ...r, date: new Date(`${r.date}T00:00:00+08:00`) });
      return { ok: 'recovery' };
    },
    assign: async (staff, leadId, body) => {
      await deps.assignLead(staff, leadId, parseOr400(assignForm, body));
      return { ok: 'assigned' };
    },
    merge: async (staff, leadId, body) => {
      const { sourceCaseNumber } = parseOr400(mergeForm, body);
      const found = await deps.listLeads(staff, { q: sourceCaseNumber, page: 1, pageSize: 5 });
      const source = found.items.find((l) => l.caseNumber === sourceCaseNumber.toUpperCase());
      if (!source) throw new AppError('merge_source_not_found', `no case ${sourceCaseNumber} in scope`, { status: 400 });
      await deps.mergeCases(staff, leadId, source.id);
      return { ok: 'merged' };
    },
    // A possible duplicate: merged into this case with one action, or dismissed for good.
    'merge-duplicate': async (staff, leadId, body) => {
      await deps.mergeCases(staff, leadId, parseOr400(duplicateForm, body).otherId);
      return { ok: 'merged' };
    },
    'dismiss-duplicate': async (staff, leadId, body) => {
      await deps.dismissDuplicate(staff, leadId, parseOr400(duplicateForm, body).otherId);
      return { ok: 'dismissed' };
    },
    split: async (staff, leadId, body) => {
      const { to } = await deps.splitComplaint(staff, leadId, parseOr400(splitForm, body).complaintId);
      return { ok: 'split', goTo: to.id };
    },
  };
}
