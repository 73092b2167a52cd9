import type { Lead } from '../../domain/lead';
import type { StaffRole, StaffUser } from '../../domain/staff';
import type { CaseDetail } from '../../services/case-detail';
import type { DashboardFigures } from '../../services/dashboard';
import type { LeadFieldEdit } from '../../services/edit-lead';
import type { LeadQuery } from '../../services/read-leads';
import type { AuthenticateToken } from '../middleware/require-staff';
import type { AuthRouteDeps } from '../routes/auth-routes';
import type { LeadRouteDeps } from '../routes/lead-routes';
import type { StatsRouteDeps } from '../routes/stats-routes';
import type { WechatRouteDeps } from '../routes/wechat-routes';
import type { Logger } from '../../infra/logger';
import type { DispositionCode } from '../../domain/disposition';
import type { AuditEvent } from '../../domain/audit';
import type { ReviewRouteDeps } from '../routes/review-routes';
import type { InboxPagesDeps } from './inbox-pages';
import type { CallbackTab } from '../../domain/callback';
import type { CallbackQueue } from '../../services/outbound/callback-queue';
import type { CallbackRouteDeps } from '../routes/callback-routes';
import type { NewComplaint } from '../../domain/complaint';
import type { ImportPreview } from '../../services/import/import-preview';
import type { ImportUpload } from '../../services/import/import-uploads';
import type { DeskPagesDeps } from './desk-pages';
import type { FaqPagesDeps } from './faq-pages';
import type { ComplainantRouteDeps } from '../routes/complainant-routes';
import type { ExportRouteDeps } from '../routes/export-routes';

/** What the console's pages ask of the product: the JSON API's use cases and a few of its own. */
export interface ConsoleDeps
  extends
    AuthRouteDeps,
    InboxPagesDeps,
    ReviewRouteDeps,
    DeskPagesDeps,
    FaqPagesDeps,
    ComplainantRouteDeps,
    ExportRouteDeps,
    StatsRouteDeps,
    WechatRouteDeps,
    Pick<
      LeadRouteDeps,
      'assignLead' | 'changeLeadStatus' | 'recordRecovery' | 'replyToComplainants' | 'mergeCases' | 'splitComplaint' | 'dismissDuplicate'
    > {
  authenticateToken: AuthenticateToken;
  listLeads(staff: StaffUser, query: LeadQuery): Promise<{ items: Lead[]; total: number }>;
  countByStatus(staff: StaffUser): Promise<Record<string, number>>;
  caseDetail(staff: StaffUser, id: string): Promise<CaseDetail>;
  /** The case page with full numbers, after the viewing is recorded on the timeline. */
  revealCaseDetail(staff: StaffUser, id: string): Promise<CaseDetail>;
  evidenceFile(staff: StaffUser, leadId: string, evidenceId: string): Promise<{ name: string; mime: string; data: Buffer }>;
  editLeadFields(staff: StaffUser, id: string, edit: LeadFieldEdit, note?: string): Promise<Lead>;
  /** Weekly figures and early warnings of the area the user may see (null: the county). */
  dashboard(staff: StaffUser, now: Date, area: string | null): Promise<DashboardFigures>;
  /** Outcome codes a case may close with (code → label). */
  outcomeCodes: Record<string, string>;
  /** Who a supervisor can give a case to. */
  assignableInspectors(): Promise<StaffUser[]>;
  /** Jobs per state in each queue. */
  queueHealth(): Promise<{ name: string; counts: Record<string, number> }[]>;
  listStaff(actor: StaffUser): Promise<StaffUser[]>;
  createStaff(actor: StaffUser, input: { username: string; password: string; role: StaffRole; area: string | null }): Promise<StaffUser>;
  setStaffActive(actor: StaffUser, id: string, active: boolean): Promise<StaffUser>;
  resetStaffPassword(actor: StaffUser, id: string, password: string): Promise<StaffUser>;
  /** A staff member's WeCom UserID for notices (null: none). */
  setStaffWecomUser(actor: StaffUser, id: string, wecomUserId: string | null): Promise<StaffUser>;
  /** Notices also go to WeCom (WECOM_CORP_ID, WECOM_SECRET, WECOM_AGENT_ID are set). */
  wecomNotices: boolean;
  /** The import upload (导入): reads an export and keeps its rows for a preview and one run (an id). */
  receiveImportUpload(staff: StaffUser, file: { fileName: string; data: Buffer; channel: NewComplaint['channel'] }): Promise<string>;
  /** An upload of one's own: its state, progress and summary, and a preview until it runs. */
  importUpload(staff: StaffUser, id: string): Promise<{ upload: ImportUpload; preview: ImportPreview | null }>;
  /** Runs an upload in the background of this process; returns at once. */
  startImportRun(staff: StaffUser, id: string): Promise<void>;
  /** The call-back queue (回访任务) of one tab, with the script for each call. */
  callbackQueue(staff: StaffUser, tab: CallbackTab): Promise<CallbackQueue>;
  recordCallbackOutcome: CallbackRouteDeps['recordCallbackOutcome'];
  /** Chinese labels of the dispositions (configurable). */
  dispositionLabels: Record<DispositionCode, string>;
  /** The latest audit events (admins). */
  auditLog(actor: StaffUser): Promise<(AuditEvent & { actorName: string })[]>;
  secureCookie: boolean;
  log: Logger;
}
