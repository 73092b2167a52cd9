import { tabOf, type CallbackTab, type CallbackTask } from '../../domain/callback';
import type { LeadStatus } from '../../domain/lead';
import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import { maskNumbersInText } from '../../domain/masking';
import { maskTask, readableTasks, type CallbackDeps, type MaskPhone } from './callbacks';
import { callbackScript } from './callback-script';

/** Done tasks stay on the 已完成 tab this long. */
const DONE_SHOWN_MS = 7 * 86_400_000;

export type CallbackQueueDeps = CallbackDeps & { complainants: ComplainantRepository };

export interface CallbackCard {
  task: CallbackTask;
  leadId: string;
  caseNumber: string;
  status: LeadStatus;
  complainantName: string | null;
  /** The lines to read aloud. */
  script: string[];
}

export interface CallbackQueue {
  tab: CallbackTab;
  counts: Record<CallbackTab, number>;
  items: CallbackCard[];
}

/**
 * The console's call-back queue: open tasks due (待回访) or past due (已超期, which also holds tasks
 * unanswered too often), and those done in the last week (已完成); each with the script for the call.
 */
export async function callbackQueueFor(
  deps: CallbackQueueDeps,
  staff: Parameters<typeof readableTasks>[1],
  tab: CallbackTab,
  maskPhone: MaskPhone,
  now = new Date(),
): Promise<CallbackQueue> {
  const [open, done] = await Promise.all([
    readableTasks(deps, staff, await deps.outbound.listOpenCallbacks()),
    readableTasks(deps, staff, await deps.outbound.listDoneCallbacks(new Date(now.getTime() - DONE_SHOWN_MS))),
  ]);
  const counts: Record<CallbackTab, number> = { due: 0, overdue: 0, done: done.length };
  for (const t of open) counts[tabOf(t.task, now)]++;
  const shown =
    tab === 'done' ? done : open.filter((t) => tabOf(t.task, now) === tab).sort((a, b) => a.task.dueBy.getTime() - b.task.dueBy.getTime());
  const [people, replies] = await Promise.all([
    deps.complainants.getMany([...new Set(shown.map((t) => t.task.complainantId))]),
    deps.outbound.lastStaffReplies([...new Set(shown.map((t) => t.lead.id))]),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    tab,
    counts,
    items: shown.map(({ task, lead }) => {
      const name = names.get(task.complainantId) ?? null;
      const masked = maskTask(task, maskPhone);
      const reply = replies.get(`${lead.id}:${task.complainantId}`);
      return {
        task: masked,
        leadId: lead.id,
        caseNumber: lead.caseNumber,
        status: lead.status,
        complainantName: name,
        script: callbackScript(masked, lead, name, reply ? { ...reply, text: maskNumbersInText(reply.text) } : null),
      };
    }),
  };
}
