/**
 * Personal data under the PIPL (个人信息保护法): how long each kind is kept, what a chat contact is
 * told at first contact, and how anonymised data reads. The case's figures (amounts, head counts,
 * dates, status, township) are never personal data and stay for statistics.
 */
export interface RetentionPolicy {
  /** Days a complaint that never became a case is kept after it was received (never while in review). */
  nonLeadDays: number;
  /** Days a case's photos and documents are kept after the case closed. */
  evidenceDays: number;
  /** Days after a case closed that its complainants' personal data is anonymised. */
  closedCaseDays: number;
}

/** 365 → 1年, 1095 → 3年, 180 → 180天. */
export function daysInWords(days: number): string {
  return days % 365 === 0 ? `${days / 365}年` : `${days}天`;
}

/** The reply that asks for erasure, as the notice tells contacts to write it. */
export const ERASURE_REQUEST = /^(请)?(删除|删掉|清除)(我的)?(个人)?(信息|资料)[。！!]?$/;

/** PIPL art. 17: what is collected, why, who sees it, how long it is kept, and how to have it erased. */
export function defaultPrivacyNotice(p: RetentionPolicy): string {
  return (
    `【个人信息告知】为处理您的欠薪投诉，我们会记录您告诉我们的情况、您的微信身份（昵称和账号标识）和您发来的照片、材料，` +
    `只给承办的劳动保障监察人员处理投诉使用。没有立案的留言保存${daysInWords(p.nonLeadDays)}；` +
    `照片、材料在案件办结后保存${daysInWords(p.evidenceDays)}；案件办结${daysInWords(p.closedCaseDays)}后，您的姓名、电话等个人信息会被匿名化处理。` +
    `如需删除您的信息，请回复“删除我的信息”，或致电县劳动保障监察大队。`
  );
}

/** What a complaint's text reads once retention removed it. */
export const TEXT_REMOVED = '（已超过保存期限，原文已删除）';

/** The channel id an anonymised complainant or message keeps: it points at no one. */
export const erasedContactId = (recordId: string): string => `erased:${recordId}`;

export const isErasedContact = (channelUserId: string | null): boolean => channelUserId?.startsWith('erased:') ?? false;

/** What the retention job erased or anonymised in one run: counts only, never personal data. */
export interface RetentionReport {
  /** Reviewed complaints that never became a case, past NON_LEAD_RETENTION_DAYS. */
  nonLeadComplaints: number;
  /** Closed cases past CLOSED_CASE_RETENTION_DAYS whose personal data was anonymised. */
  closedCases: number;
  /** Complaints of those cases. */
  caseComplaints: number;
  /** Complainant records with no case left that holds their personal data. */
  complainants: number;
  /** Photos and documents deleted (of closed cases, of non-leads, and files that reached no complaint). */
  evidenceFiles: number;
  /** Raw Official Account / WeCom deliveries past NON_LEAD_RETENTION_DAYS. */
  platformMessages: number;
}
