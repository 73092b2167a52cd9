import type { OutboundMessage } from './outbound';
import type { StaffUser } from './staff';

/** What an operator's call to a complainant came to. */
export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'says_paid', 'says_not_paid'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  reached: '已接通',
  no_answer: '无人接听',
  wrong_number: '号码错误',
  says_paid: '工人称已收到工资',
  says_not_paid: '工人称未收到工资',
};

/** Unanswered calls after which no retry is scheduled: the task stays open, marked 多次未接通, for a supervisor. */
export const MAX_CALL_ATTEMPTS = 3;
/** Working hours between an unanswered call and the next try. */
export const RETRY_WORKING_HOURS = 2;
/** Working days a new task has to be called (by the close of office hours on the last). */
export const CALLBACK_WORKING_DAYS = 1;

export interface CallbackAttempt {
  outcome: CallbackOutcome;
  note: string | null;
  /** Staff id. */
  actor: string;
  at: Date;
}

/** A call-back task as the store keeps it (tasks made before due times were kept have none). */
export interface CallbackRecord extends OutboundMessage {
  dueBy: Date | null;
  attempts: number;
  outcomes: CallbackAttempt[];
  doneAt: Date | null;
}

/** A call-back task as operators see it. */
export interface CallbackTask extends CallbackRecord {
  dueBy: Date;
  lastOutcome: CallbackOutcome | null;
  /** Open after MAX_CALL_ATTEMPTS unanswered calls: a supervisor decides what next. */
  unreachable: boolean;
}

export type CallbackTab = 'due' | 'overdue' | 'done';

/** Inspectors have no call-back queue: operators call back, supervisors and admins oversee. */
export function mayWorkCallbacks(staff: StaffUser): boolean {
  return staff.role !== 'inspector';
}

/** Outcomes where the complainant was spoken to: the case's first contact. */
export function reachesComplainant(o: CallbackOutcome): boolean {
  return o === 'reached' || o === 'says_paid' || o === 'says_not_paid';
}

export function callbackTask(r: CallbackRecord, firstDue: (createdAt: Date) => Date): CallbackTask {
  const open = r.state === 'callback_open';
  return {
    ...r,
    dueBy: r.dueBy ?? firstDue(r.createdAt),
    lastOutcome: r.outcomes.at(-1)?.outcome ?? null,
    unreachable: open && r.attempts >= MAX_CALL_ATTEMPTS,
  };
}

export function tabOf(t: CallbackTask, now: Date): CallbackTab {
  if (t.state !== 'callback_open') return 'done';
  return t.unreachable || t.dueBy < now ? 'overdue' : 'due';
}

/**
 * What one outcome does to an open task: anything but "no answer" closes it; an unanswered call is tried
 * again after RETRY_WORKING_HOURS, up to MAX_CALL_ATTEMPTS calls, after which it is due at once (for a supervisor).
 */
export function afterOutcome(
  t: Pick<CallbackRecord, 'attempts'>,
  outcome: CallbackOutcome,
  at: Date,
  retryDue: (at: Date) => Date,
): { state: 'callback_open' | 'callback_done'; dueBy: Date | null; doneAt: Date | null; attempt: number } {
  const attempt = t.attempts + 1;
  if (outcome !== 'no_answer') return { state: 'callback_done', dueBy: null, doneAt: at, attempt };
  return { state: 'callback_open', dueBy: attempt >= MAX_CALL_ATTEMPTS ? at : retryDue(at), doneAt: null, attempt };
}

/** The case timeline's words for one call: the outcome, which call it was, what comes next, the operator's note. */
export function outcomeNote(outcome: CallbackOutcome, attempt: number, next: { dueBy: Date | null }, note: string | undefined): string {
  const parts = [`电话回访：${CALLBACK_OUTCOME_LABELS[outcome]}（第 ${attempt} 次拨打）`];
  if (outcome === 'no_answer') {
    parts.push(attempt >= MAX_CALL_ATTEMPTS ? `已 ${attempt} 次未接通，请科室负责人决定` : `下次回访 ${cstTime(next.dueBy!)} 前`);
  }
  if (outcome === 'wrong_number') parts.push('号码有误，需核实联系方式');
  if (note) parts.push(`备注：${note}`);
  return parts.join('；');
}

/** 2026-11-28 14:30 in China time. */
function cstTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
