import type { ComplaintChannel } from '../../domain/triage-result';
import type { ComplainantRepository } from '../../db/repositories/complainant-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import type { OutboundRepository } from '../../db/repositories/outbound-repository';
import type { Lead } from '../../domain/lead';

/** A case's status as a caller is told it, and what happens next. */
export const CASE_STATUS_WORDS: Record<string, [status: string, next: string]> = {
  new: ['已登记，等待受理', '1个工作日内安排监察员受理'],
  assigned: ['已受理，监察员已接手', '监察员会尽快与您联系核实'],
  investigating: ['正在调查核实', '监察员正在向用人单位核实，请保持电话畅通'],
  mediating: ['正在调解', '正在组织双方协商支付'],
  resolved: ['已处理', '请留意工资到账情况，如仍未到账请告诉我们'],
  transferred: ['已移交相关部门', '由承办部门继续处理，我们会跟进'],
  rejected: ['经审核不予受理', '如有新的情况或证据，可重新反映'],
  closed: ['已办结', '如有疑问可回复本消息'],
};

/** "查询" or a case number from WeChat: the status, the last staff reply and the next step — only for the sender's own cases. */
export async function progressFor(
  deps: { complainants: ComplainantRepository; leads: LeadRepository; outbound: OutboundRepository },
  contactId: string,
  caseNumber: string | null,
  channel: ComplaintChannel = 'wechat',
): Promise<string> {
  const complainantId = await deps.complainants.findId(channel, contactId);
  const cases = complainantId ? await deps.leads.listByComplainant(complainantId) : [];
  const lead: Lead | undefined = caseNumber ? cases.find((c) => c.caseNumber === caseNumber) : cases[0];
  if (!lead) {
    return caseNumber
      ? `没有查到您名下编号为 ${caseNumber} 的案件。只能查询您本人反映的案件，请核对编号。`
      : '没有查到您反映过的案件。如工资被拖欠，请直接发送文字说明情况。';
  }
  const [status, next] = CASE_STATUS_WORDS[lead.status] ?? [lead.status, ''];
  const replies = (await deps.outbound.listForLead(lead.id)).filter((m) => m.kind === 'staff_reply' && m.complainantId === complainantId);
  const last = replies.at(-1);
  return [`案件 ${lead.caseNumber}：${status}。`, last ? `最近回复：${last.text}` : null, `下一步：${next}。`].filter(Boolean).join('\n');
}
