/**
 * What became of a complaint: every complaint ends in exactly one disposition, recorded with who or
 * what decided it and when. Codes are fixed (the product acts on them); their Chinese labels and the
 * referral advice are data, configurable (DISPOSITIONS_JSON, REFERRALS_JSON).
 */
export const DISPOSITION_CODES = [
  'lead',
  'merged',
  'consultation_answered',
  'referred',
  'not_wage_arrears',
  'progress_query',
  'spam_or_empty',
  'needs_details',
  'triage_failed',
] as const;
export type DispositionCode = (typeof DISPOSITION_CODES)[number];

export const DEFAULT_DISPOSITION_LABELS: Record<DispositionCode, string> = {
  lead: '立案（新线索）',
  merged: '并入已有案件',
  consultation_answered: '咨询已答复',
  referred: '已告知其他渠道',
  not_wage_arrears: '非欠薪事项',
  progress_query: '进度查询',
  spam_or_empty: '无效或空白信息',
  needs_details: '信息不足，待甄别',
  triage_failed: '自动分析失败，待人工处理',
};

/** Where a matter that is not ours (or not only ours) is referred, with what the complainant is told. */
export const REFERRAL_TARGETS = [
  'social_insurance',
  'labour_arbitration',
  'court',
  'police',
  'housing_construction',
  'market_regulation',
  'outside_county',
] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];

export interface Referral {
  label: string;
  advice: string;
}

export const DEFAULT_REFERRALS: Record<ReferralTarget, Referral> = {
  social_insurance: {
    label: '社会保险',
    advice: '社会保险（参保、缴费、待遇）问题请到县社会保险服务中心窗口办理，或拨打12333人社服务热线咨询。',
  },
  labour_arbitration: {
    label: '劳动人事争议仲裁',
    advice: '劳动合同、工伤、解除劳动关系补偿等争议可向县劳动人事争议仲裁委员会申请仲裁，仲裁不收费，申请时效一般为一年。',
  },
  court: { label: '人民法院', advice: '已有仲裁裁决或判决不履行的，可向人民法院申请强制执行；一般民事债务请向人民法院起诉。' },
  police: { label: '公安机关', advice: '遇到人身威胁、暴力讨债或诈骗等情况，请立即拨打110报警。' },
  housing_construction: {
    label: '住房和城乡建设部门',
    advice: '工程款、工程质量和建筑市场问题请向县住房和城乡建设局反映。',
  },
  market_regulation: {
    label: '市场监督管理部门',
    advice: '商品、服务消费和经营主体问题请向县市场监督管理局反映，或拨打12315。',
  },
  outside_county: {
    label: '外地劳动保障监察机构',
    advice: '用工地不在本县的，请向用工所在地的劳动保障监察机构或当地12345热线反映，也可通过“全国根治欠薪线索反映平台”小程序提交。',
  },
};

export interface Disposition {
  code: DispositionCode;
  /** 'system' for triage's decision, else the id of the staff member who made it. */
  decidedBy: string;
  decidedAt: Date;
  /** The case, for `lead` and `merged`. */
  leadId: string | null;
  /** The FAQ entry the complainant was answered with, for `consultation_answered`. */
  faqId: string | null;
  referral: ReferralTarget | null;
  /** What the complainant was told (the referral's advice), when anything. */
  advice: string | null;
  /** Why: the engine's reason, or the staff member's. */
  reason: string | null;
}

/** A complaint that did not become a case waits for a person to confirm or overturn that (待甄别). */
export type ReviewState = 'pending' | 'confirmed' | 'overturned';

export interface Review {
  state: ReviewState;
  /** Working-day deadline of the review; overdue while pending past it. */
  dueBy: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** Each decision about a complaint, in order: the audit trail of its disposition. */
export interface DispositionEvent {
  at: Date;
  actor: string;
  action: 'decided' | 'confirmed' | 'overturned';
  code: DispositionCode;
  reason: string | null;
}

export const becameCase = (code: DispositionCode): boolean => code === 'lead' || code === 'merged';
