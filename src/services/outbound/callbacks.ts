import { canRead } from '../../domain/access';
import { AppError } from '../../domain/app-error';
import {
  afterOutcome,
  CALLBACK_OUTCOME_LABELS,
  callbackTask,
  type CallbackAttempt,
  mayWorkCallbacks,
  outcomeNote,
  reachesComplainant,
  type CallbackOutcome,
  type CallbackRecord,
  type CallbackTask,
} from '../../domain/callback';
import type { Lead } from '../../domain/lead';
import { maskNumbersInText, maskOrNull } from '../../domain/masking';
import type { OutboundMessage } from '../../domain/outbound';
import type { StaffUser } from '../../domain/staff';
import type { OutboundDeps } from './dispatch';

export type CallbackDeps = Pick<OutboundDeps, 'leads' | 'outbound' | 'callbackDue'> & {
  /** The caller's answer to "工资收到了吗" on a payment-question task (see recordPaymentAnswer). */
  paymentAnswer?: (leadId: string, complainantId: string, answer: 'paid' | 'not_paid', words: string, actor: string) => Promise<unknown>;
};
export type MaskPhone = (p: string | null) => string | null;

function notFound(id: string) {
  return new AppError('callback_not_found', `call-back task ${id} does not exist`, { status: 404 });
}

function refuseOthers(staff: StaffUser) {
  if (!mayWorkCallbacks(staff)) throw new AppError('forbidden', 'call-back tasks are for operators and supervisors', { status: 403 });
}

/** Why a call could not be recorded: someone closed the task, or recorded another call on it, since it was read. */
function taken(fresh: CallbackRecord | null) {
  return fresh?.state === 'callback_done'
    ? new AppError('callback_closed', 'this call-back task was done by someone else', { status: 409 })
    : new AppError('callback_changed', 'another call was recorded on this task meanwhile; reload it', { status: 409 });
}

/**
 * The number masked everywhere, the channel identity included, and numbers in the task's text and the
 * calls' notes: the full number comes from the case's audited reveal.
 */
export function maskTask<T extends Pick<OutboundMessage, 'phone' | 'channelUserId' | 'text'> & { outcomes?: CallbackAttempt[] }>(
  t: T,
  maskPhone: MaskPhone,
): T {
  return {
    ...t,
    phone: maskPhone(t.phone),
    channelUserId: t.channelUserId.startsWith('phone:') ? `phone:${maskPhone(t.channelUserId.slice(6))}` : t.channelUserId,
    text: maskNumbersInText(t.text),
    ...(t.outcomes ? { outcomes: t.outcomes.map((o) => ({ ...o, note: maskOrNull(o.note) })) } : {}),
  };
}

/**
 * An operator called the complainant: the outcome goes on the task and on the case's timeline. One
 * call per reading of the task (`attempts`, the calls the caller saw, when given): two operators
 * recording on one task at once, one wins, the other is told (409). Speaking to the complainant is
 * the case's first contact.
 */
export async function recordCallbackOutcome(
  deps: CallbackDeps,
  staff: StaffUser,
  taskId: string,
  input: { outcome: CallbackOutcome; note?: string; attempts?: number },
  now = new Date(),
): Promise<CallbackTask> {
  refuseOthers(staff);
  const task = await deps.outbound.getCallback(taskId);
  const lead = task ? await deps.leads.get(task.leadId) : null;
  if (!task || !lead || !canRead(staff, lead)) throw notFound(taskId);
  if (task.state !== 'callback_open' || (input.attempts !== undefined && input.attempts !== task.attempts)) throw taken(task);
  const next = afterOutcome(task, input.outcome, now, deps.callbackDue.retry);
  const attempt = { outcome: input.outcome, note: input.note ?? null, actor: staff.id, at: now };
  // Under the case lock: FerretDB does not make the conditional update atomic on its own.
  await deps.leads.mutate(lead.id, async () => {
    if (!(await deps.outbound.recordCallOutcome(task.id, task.attempts, attempt, next)))
      throw taken(await deps.outbound.getCallback(task.id));
    await deps.leads.appendEvent(lead.id, {
      at: now,
      type: 'callback_outcome',
      actor: staff.id,
      note: outcomeNote(input.outcome, next.attempt, next, input.note),
      changes: [],
    });
    if (reachesComplainant(input.outcome)) await deps.leads.markStep(lead.id, 'contactedAt', now);
  });
  if (task.kind === 'payment_question' && (input.outcome === 'says_paid' || input.outcome === 'says_not_paid'))
    await deps.paymentAnswer?.(
      lead.id,
      task.complainantId,
      input.outcome === 'says_paid' ? 'paid' : 'not_paid',
      input.note?.trim() || CALLBACK_OUTCOME_LABELS[input.outcome],
      staff.id,
    );
  return callbackTask(
    {
      ...task,
      state: next.state,
      dueBy: next.dueBy ?? task.dueBy,
      doneAt: next.doneAt,
      attempts: next.attempt,
      outcomes: [...task.outcomes, attempt],
    },
    deps.callbackDue.first,
  );
}

/** `POST /api/callbacks/:id/done`: the complainant was reached. */
export async function completeCallback(
  deps: CallbackDeps,
  staff: StaffUser,
  taskId: string,
  note: string | undefined,
): Promise<OutboundMessage> {
  const t = await recordCallbackOutcome(deps, staff, taskId, { outcome: 'reached', note });
  return {
    id: t.id,
    leadId: t.leadId,
    complainantId: t.complainantId,
    channel: t.channel,
    channelUserId: t.channelUserId,
    phone: t.phone,
    kind: t.kind,
    text: t.text,
    state: t.state,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    deliveredAt: t.deliveredAt,
    error: t.error,
  };
}

/** Tasks with their cases, only those of the cases this staff user may read (an area's supervisor: that area's). */
export async function readableTasks(
  deps: CallbackDeps,
  staff: StaffUser,
  records: CallbackRecord[],
): Promise<{ task: CallbackTask; lead: Lead }[]> {
  refuseOthers(staff);
  const ids = [...new Set(records.map((r) => r.leadId))];
  const leads = new Map(ids.map((id, i) => [id, i]));
  const found = await Promise.all(ids.map((id) => deps.leads.get(id)));
  return records.flatMap((r) => {
    const lead = found[leads.get(r.leadId)!];
    return lead && canRead(staff, lead) ? [{ task: callbackTask(r, deps.callbackDue.first), lead }] : [];
  });
}

/** `GET /api/callbacks`: the open tasks, earliest due first, numbers masked. */
export async function listCallbacksFor(deps: CallbackDeps, staff: StaffUser, maskPhone: MaskPhone): Promise<CallbackTask[]> {
  const open = await readableTasks(deps, staff, await deps.outbound.listOpenCallbacks());
  return open.map(({ task }) => maskTask(task, maskPhone)).sort((a, b) => a.dueBy.getTime() - b.dueBy.getTime());
}
