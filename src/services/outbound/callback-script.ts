import type { CallbackTask } from '../../domain/callback';
import type { Lead } from '../../domain/lead';
import { CASE_STATUS_WORDS } from '../intake/progress-reply';

/**
 * What the operator reads to the caller, in order: who is calling, the case number and where it stands,
 * the last staff reply (when it is not the message itself), the message to pass on, what comes next,
 * and the question whose answer picks the outcome.
 */
export function callbackScript(
  task: Pick<CallbackTask, 'id' | 'kind' | 'text'>,
  lead: Pick<Lead, 'caseNumber' | 'status'>,
  name: string | null,
  lastReply: { id: string; text: string } | null,
): string[] {
  const [status, next] = CASE_STATUS_WORDS[lead.status] ?? [lead.status, ''];
  return [
    `您好${name ? `，请问是${name}吗` : ''}？我是县劳动保障监察部门的工作人员，就您反映的欠薪问题给您回个电话。`,
    `您的案件编号是 ${lead.caseNumber}，目前${status}。`,
    ...(lastReply && lastReply.id !== task.id ? [`工作人员最近的回复：${lastReply.text}`] : []),
    `${task.kind === 'staff_reply' ? '工作人员给您的回复' : '案件通知'}：${task.text}`,
    `下一步：${next}。`,
    '请问您被拖欠的工资现在收到了吗？',
  ];
}
