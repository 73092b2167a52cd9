import { canAct, canRead, type CaseAction } from '../domain/access';
import { AppError } from '../domain/app-error';
import { canTransition } from '../domain/case-workflow';
import type { StaffEvent } from '../domain/notification';
import { fieldText, type FieldChange, type Lead, type LeadStatus, type TimelineEvent } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { AuditEvent } from '../domain/audit';
import { paymentDisputed } from '../domain/payment-check';
import type { LeadRepository } from '../db/repositories/lead-repository';
import type { StaffRepository } from '../db/repositories/staff-repository';

export interface CaseActionDeps {
  leads: LeadRepository;
  staff: StaffRepository;
  /** Tells staff of the case in their inbox and WeCom (never fails the action). */
  notifyStaff?: (e: StaffEvent) => Promise<unknown>;
  /** Outcome codes a case may close with (code → Chinese label). */
  outcomeCodes: Record<string, string>;
  /** Tells the complainants where their case stands, after an assignment or a status change. */
  notify?: (lead: Lead) => Promise<unknown>;
  /** Asks the complainants whether the wages arrived, after a payment is recorded or the case resolved. */
  askWhetherPaid?: (lead: Lead) => Promise<unknown>;
  /** Records a supervisor's override of a worker's "not paid" (audit store). */
  audit?: (e: AuditEvent) => Promise<void>;
  now?: () => Date;
}

/** Moving a case to another township: county-wide supervisors and admins only. */
const canTransferAreas = (s: StaffUser) => s.role === 'admin' || (s.role === 'supervisor' && s.area === null);

async function leadFor(deps: CaseActionDeps, actor: StaffUser, leadId: string, action: CaseAction): Promise<Lead> {
  const lead = await deps.leads.get(leadId);
  // A case outside the reader's scope does not exist for them.
  if (!lead || !canRead(actor, lead)) throw new AppError('lead_not_found', `lead ${leadId} does not exist`, { status: 404 });
  if (!canAct(actor, lead, action))
    throw new AppError('forbidden', `a ${actor.role} may not ${action.replace('_', ' ')} this case`, { status: 403 });
  return lead;
}

function change(field: string, before: unknown, after: unknown): FieldChange {
  return { field, before: fieldText(before), after: fieldText(after) };
}

async function apply(deps: CaseActionDeps, lead: Lead, set: Record<string, unknown>, event: Omit<TimelineEvent, 'at'>): Promise<Lead> {
  const at = deps.now?.() ?? new Date();
  const updated = await deps.leads.applyChange(lead.id, lead.status, set, { ...event, at });
  if (!updated) throw new AppError('conflict', 'the case changed meanwhile; reload it and try again', { status: 409 });
  return updated;
}

/** A supervisor gives a new (or already assigned) case to an active inspector. */
export async function assignLead(
  deps: CaseActionDeps,
  actor: StaffUser,
  leadId: string,
  input: { assigneeId: string; note?: string; transfer?: boolean },
): Promise<Lead> {
  const assigned = await deps.leads.mutate(leadId, async () => {
    const lead = await leadFor(deps, actor, leadId, 'assign');
    if (lead.status !== 'new' && lead.status !== 'assigned') {
      throw new AppError('invalid_transition', `a case in status ${lead.status} cannot be (re)assigned`, { status: 409 });
    }
    const assignee = await deps.staff.get(input.assigneeId);
    if (!assignee || !assignee.active || assignee.role !== 'inspector') {
      throw new AppError('invalid_assignee', 'assigneeId must be an active inspector', { status: 400 });
    }
    // An inspector of another township works that township's cases: giving them this one moves the case
    // there, which only a county-wide supervisor or an admin may do, and only when they say so.
    const elsewhere = assignee.area !== null && assignee.area !== lead.area;
    if (elsewhere && !(input.transfer && canTransferAreas(actor))) {
      throw new AppError(
        'assignee_elsewhere',
        `the inspector works in ${assignee.area}, the case in ${lead.area ?? 'no area'}; transfer it to assign there`,
        {
          status: 400,
        },
      );
    }
    const set: Record<string, unknown> = {
      assigneeId: assignee.id,
      status: 'assigned',
      acceptedAt: lead.acceptedAt ?? deps.now?.() ?? new Date(),
    };
    if (elsewhere) set.area = assignee.area;
    return apply(deps, lead, set, {
      type: 'assigned',
      actor: actor.id,
      note: elsewhere
        ? `跨属地移交：${lead.area ?? '未定'} → ${assignee.area}${input.note ? `。${input.note}` : ''}`
        : (input.note ?? null),
      changes: [
        change('assigneeId', lead.assigneeId, assignee.id),
        change('status', lead.status, 'assigned'),
        ...(elsewhere ? [change('area', lead.area, assignee.area)] : []),
      ].filter((c) => c.before !== c.after),
    });
  });
  await deps.notifyStaff?.({ kind: 'assigned', lead: assigned, at: assigned.timeline.at(-1)?.at ?? new Date() });
  await deps.notify?.(assigned);
  return assigned;
}

export interface StatusChange {
  to: LeadStatus;
  note?: string;
  outcomeCode?: string;
  transferTarget?: string;
  rejectReason?: string;
  /** Close as paid in full although a complainant says the wages did not arrive: supervisors and admins, with a note. */
  override?: boolean;
}

/** Moves a case along the status machine; each target status requires its own inputs. */
export async function changeLeadStatus(deps: CaseActionDeps, actor: StaffUser, leadId: string, input: StatusChange): Promise<Lead> {
  const changed = await deps.leads.mutate(leadId, async () => {
    const lead = await leadFor(deps, actor, leadId, 'change_status');
    if (!canTransition(lead.status, input.to)) {
      throw new AppError('invalid_transition', `a case cannot go from ${lead.status} to ${input.to}`, { status: 409 });
    }
    const at = deps.now?.() ?? new Date();
    // The step times that deadlines are measured against, set once, with the status.
    const set: Record<string, unknown> = { status: input.to };
    if (!lead.acceptedAt) set.acceptedAt = at;
    if (!lead.contactedAt && ['investigating', 'mediating', 'resolved'].includes(input.to)) set.contactedAt = at;
    if (input.to === 'closed') set.closedAt = at;
    if (input.to === 'closed') {
      if (!input.outcomeCode || !Object.hasOwn(deps.outcomeCodes, input.outcomeCode)) {
        throw new AppError('outcome_required', `closing needs outcomeCode, one of ${Object.keys(deps.outcomeCodes).join(', ')}`, {
          status: 400,
        });
      }
      set.outcomeCode = input.outcomeCode;
      // A case is not closed as paid while a worker says the money did not (all) arrive.
      if (input.outcomeCode === 'paid_in_full' && paymentDisputed(lead.paymentChecks)) {
        const mayOverride = actor.role === 'supervisor' || actor.role === 'admin';
        if (!input.override || !mayOverride || !input.note) {
          throw new AppError('payment_disputed', '投诉人称工资未全部到账，不能以“已足额支付”办结；科室负责人可写明理由后强制办结', {
            status: 409,
          });
        }
        await deps.audit?.({
          at,
          actor: actor.id,
          action: 'payment_dispute_overridden',
          subject: `case:${lead.caseNumber}`,
          detail: { leadId: lead.id, note: input.note.slice(0, 200) },
        });
      }
    }
    if (input.to === 'transferred') {
      if (!input.transferTarget) throw new AppError('transfer_target_required', 'transferring needs transferTarget', { status: 400 });
      set.transferTarget = input.transferTarget;
    }
    if (input.to === 'rejected') {
      if (!input.rejectReason) throw new AppError('reject_reason_required', 'rejecting needs rejectReason', { status: 400 });
      set.rejectReason = input.rejectReason;
    }
    const changes = Object.entries(set).map(([field, after]) => change(field, (lead as unknown as Record<string, unknown>)[field], after));
    return apply(deps, lead, set, { type: 'status_changed', actor: actor.id, note: input.note ?? null, changes });
  });
  await deps.notify?.(changed);
  if (changed.status === 'resolved') await deps.askWhetherPaid?.(changed);
  return changed;
}

export interface RecoveryInput {
  amountYuan: number;
  workersPaid: number;
  date: Date;
  note?: string;
}

/** Money recovered is recorded as entries that add up; the case shows owed vs recovered. */
export async function recordRecovery(deps: CaseActionDeps, actor: StaffUser, leadId: string, input: RecoveryInput): Promise<Lead> {
  const recorded = await deps.leads.mutate(leadId, async () => {
    const lead = await leadFor(deps, actor, leadId, 'record_recovery');
    const recordedAt = deps.now?.() ?? new Date();
    const updated = await deps.leads.addRecovery(
      lead.id,
      {
        amountYuan: input.amountYuan,
        workersPaid: input.workersPaid,
        date: input.date,
        note: input.note ?? null,
        actor: actor.id,
        recordedAt,
      },
      {
        at: recordedAt,
        type: 'recovery_recorded',
        actor: actor.id,
        note: input.note ?? null,
        changes: [
          change('recoveredYuan', lead.recoveredYuan, lead.recoveredYuan + input.amountYuan),
          change('workersPaid', lead.workersPaid, lead.workersPaid + input.workersPaid),
        ],
      },
    );
    if (!updated) throw new AppError('case_closed', 'a closed case takes no more recoveries', { status: 409 });
    return updated;
  });
  // The worker says whether the money arrived; their answer, not the employer's word, closes the case.
  await deps.askWhetherPaid?.(recorded);
  return recorded;
}
