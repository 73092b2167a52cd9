/** The console's Chinese wording for the domain's codes (codes stay English in data and API). */
export const STATUS_LABELS: Record<string, string> = {
  new: '新线索',
  assigned: '已指派',
  investigating: '调查中',
  mediating: '调解中',
  resolved: '已处理',
  transferred: '已移交',
  rejected: '不予受理',
  closed: '已办结',
};

export const CHANNEL_LABELS: Record<string, string> = {
  wechat: '微信',
  hotline: '政务热线',
  phone: '电话投诉',
  wechat_oa: '微信公众号',
  wecom: '企业微信',
  national_platform: '全国欠薪平台',
  onsite: '现场投诉',
  media: '媒体',
  petition: '信访',
};

export const SECTOR_LABELS: Record<string, string> = {
  construction: '工程建设',
  manufacturing: '制造业',
  education: '教育培训',
  ride_hailing: '网约车',
  delivery: '外卖快递',
  individual_business: '个体工商户',
  services: '服务业',
  agriculture: '农业',
  other: '其他',
};

export const CATEGORY_LABELS: Record<string, string> = {
  wage_arrears: '欠薪',
  labor_other: '其他劳动争议',
  consultation: '咨询',
  progress_query: '进度查询',
  invalid: '无效',
};

export const PRIORITY_LABELS: Record<string, string> = { urgent: '紧急', normal: '一般' };
export const ROLE_LABELS: Record<string, string> = { admin: '管理员', supervisor: '科室负责人', inspector: '监察员', operator: '热线坐席' };
export const TRANSFER_LABELS: Record<string, string> = {
  police: '公安机关（拒不支付劳动报酬罪）',
  court: '法院（工资报酬司法确认）',
  department: '其他部门',
};
export const REJECT_LABELS: Record<string, string> = {
  not_wage_arrears: '不属于欠薪',
  duplicate: '重复投诉',
  not_our_jurisdiction: '不属本部门管辖',
  insufficient_information: '信息不足',
  withdrawn: '投诉人撤回',
};
export const OVERDUE_LABELS: Record<string, string> = { accept: '受理超期', contact: '首次联系超期', close: '办结超期' };
export { PAYMENT_ANSWER_LABELS } from '../../domain/payment-check';

export const MESSAGE_KIND_LABELS: Record<string, string> = {
  staff_reply: '回复',
  case_notice: '通知',
  payment_question: '到账询问',
};

export const MESSAGE_STATE_LABELS: Record<string, string> = {
  queued: '待发送',
  delivered: '已送达',
  failed: '发送失败',
  callback_open: '待电话回访',
  callback_done: '已回访',
};
export const EVENT_LABELS: Record<string, string> = {
  created: '立案',
  complaint_merged: '新增投诉（自动合并）',
  message_delivered: '消息已送达',
  delivery_failed: '消息发送失败',
  callback_done: '已电话回访',
  callback_outcome: '电话回访',
  assigned: '指派',
  status_changed: '状态变更',
  recovery_recorded: '记录追回工资',
  reply_sent: '回复投诉人',
  notice_sent: '系统通知',
  phone_viewed: '查看电话',
  fields_edited: '修改案件信息',
  cases_merged: '合并案件',
  merged_into: '被合并',
  duplicate_dismissed: '排除重复',
  complaint_split: '拆分投诉',
  deadline_second_escalation: '超期上报局领导',
  deadline_reminder: '期限提醒',
  deadline_escalated: '超期上报',
  complainant_erased: '删除投诉人个人信息',
  evidence_deleted: '删除证据材料（保存期满）',
  personal_data_anonymised: '个人信息匿名化（保存期满）',
  payment_asked: '询问工资是否到账',
  payment_answered: '投诉人答复工资到账情况',
  satisfaction_rated: '投诉人评价',
  worker_reply: '投诉人回复',
};
export const FIELD_LABELS: Record<string, string> = {
  employer: '欠薪单位',
  project: '项目',
  location: '地点',
  amountYuan: '欠薪金额（元）',
  workerCount: '涉及人数',
  sector: '行业',
  priority: '优先级',
  area: '属地',
  status: '状态',
  assigneeId: '承办人',
  outcomeCode: '办结结果',
  transferTarget: '移交对象',
  rejectReason: '不予受理原因',
  recoveredYuan: '已追回（元）',
  workersPaid: '已支付人数',
  acceptedAt: '受理时间',
  contactedAt: '首次联系时间',
  closedAt: '办结时间',
  complaintIds: '投诉数',
};

/** Messages for errors a form can cause, by AppError code; anything else gets the generic line. */
export const ERROR_MESSAGES: Record<string, string> = {
  invalid_request: '填写的内容有误，请检查后重试。',
  invalid_transition: '当前状态不能执行该操作。',
  outcome_required: '办结需要选择办结结果。',
  transfer_target_required: '移交需要选择移交对象。',
  reject_reason_required: '不予受理需要选择原因。',
  case_closed: '案件已办结，不能再修改。',
  conflict: '案件刚被他人修改，请刷新后重试。',
  forbidden: '您没有执行该操作的权限。',
  invalid_assignee: '请选择一位在岗的监察员。',
  assignee_elsewhere: '该监察员属于其他属地：请指派本属地的监察员，或由县级科室负责人勾选“移交”后指派。',
  origin_complaint: '立案的首条投诉不能拆分，请拆分其他投诉。',
  invalid_complaint: '该投诉不属于本案件。',
  merge_source_not_found: '未找到要并入的案件编号（或无权查看）。',
  username_taken: '用户名已存在。',
  staff_not_found: '用户不存在。',
  complainant_erased: '该投诉人的个人信息已删除过。',
  complainant_not_found: '未找到该投诉人。',
  payment_disputed: '投诉人称工资未全部到账，不能以“已足额支付”办结；科室负责人可写明理由并勾选强制办结。',
};

export const AUDIT_LABELS: Record<string, string> = {
  phone_lookup: '按电话查询来电人',
  phones_revealed: '查看完整电话',
  evidence_viewed: '查看证据材料',
  staff_created: '创建工作人员账号',
  staff_disabled: '停用账号',
  staff_enabled: '启用账号',
  staff_password_reset: '重置密码',
  staff_wecom_set: '设置企业微信账号',
  cases_exported: '导出案件',
  complainant_erased: '删除投诉人个人信息',
  payment_dispute_overridden: '投诉人称未到账时强制办结',
  faq_created: '新增常见问题',
  faq_updated: '修改常见问题',
  faq_disabled: '停用常见问题',
  faq_enabled: '启用常见问题',
};
