import type { LeadStatus } from './lead';

/**
 * The case status machine: new → assigned → investigating → mediating → resolved | transferred |
 * rejected → closed; a resolved case may go back to investigating. Every other move is refused (409).
 */
export const TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['assigned', 'rejected', 'transferred'],
  assigned: ['investigating', 'rejected', 'transferred'],
  investigating: ['mediating', 'resolved', 'transferred', 'rejected'],
  mediating: ['resolved', 'transferred', 'investigating'],
  // A worker who says the wages did not arrive sends a resolved case back to investigation.
  resolved: ['closed', 'investigating'],
  transferred: ['closed'],
  rejected: ['closed'],
  closed: [],
};

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Where a case can be handed on: police for 拒不支付劳动报酬罪, the court for judicial confirmation, another department. */
export const TRANSFER_TARGETS = ['police', 'court', 'department'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];

export const REJECT_REASONS = ['not_wage_arrears', 'duplicate', 'not_our_jurisdiction', 'insufficient_information', 'withdrawn'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Verification outcome codes every case closes with (the default list; configurable). */
export const DEFAULT_OUTCOME_CODES: Record<string, string> = {
  paid_in_full: '欠薪属实，已足额支付',
  paid_in_part: '欠薪属实，部分支付',
  not_arrears: '经核实不属于欠薪',
  not_our_jurisdiction: '不属本部门管辖，已告知',
  employer_unreachable: '用人单位无法联系',
  transferred_police: '涉嫌拒不支付劳动报酬罪，已移送公安',
  judicial_confirmation: '已申请工资报酬司法确认',
  withdrawn: '投诉人撤回',
};
