import type { ConsoleDeps } from '../http/console/console-router';
import { caseDetailFor, evidenceFileFor, revealCaseDetailFor } from '../services/case-detail';
import { editLeadFields } from '../services/edit-lead';
import { countByStatusFor, listLeadsFor } from '../services/read-leads';
import { leadRoutesPort } from './cases';
import type { AppContext } from './context';
import { queueHealthPort, wechatRoutesPort } from './ops';
import { dashboardPort, statsRoutesPort } from './reports';
import { authenticatePort, authRoutesPort, staffAdminPort } from './staff';
import { reviewRoutesPort } from './review';
import { notificationRoutesPort } from './notifications';
import { importPagesPort } from './import';
import { callbackConsolePort, callbackRoutesPort } from './outbound';
import { deskPagesPort } from './desk';
import { faqPagesPort } from './faq';
import { complainantRoutesPort, exportRoutesPort } from './privacy';

/** The staff console: the JSON API's use cases and the pages' own. */
export function consolePort(ctx: AppContext): ConsoleDeps {
  const { repos, config } = ctx;
  return {
    ...leadRoutesPort(ctx),
    ...authRoutesPort(ctx),
    ...statsRoutesPort(ctx),
    ...wechatRoutesPort(ctx),
    ...staffAdminPort(ctx),
    ...reviewRoutesPort(ctx),
    ...importPagesPort(ctx),
    ...notificationRoutesPort(ctx),
    ...callbackRoutesPort(ctx),
    ...callbackConsolePort(ctx),
    ...deskPagesPort(ctx),
    ...faqPagesPort(ctx),
    ...complainantRoutesPort(ctx),
    ...exportRoutesPort(ctx),
    dispositionLabels: config.dispositionLabels,
    authenticateToken: authenticatePort(ctx),
    listLeads: (staff, query) => listLeadsFor(repos, staff, query),
    countByStatus: (staff) => countByStatusFor(repos, staff),
    caseDetail: (staff, id) => caseDetailFor(repos, staff, id),
    revealCaseDetail: (staff, id) => revealCaseDetailFor(repos, staff, id),
    evidenceFile: (staff, leadId, evidenceId) => evidenceFileFor(repos, staff, leadId, evidenceId),
    editLeadFields: (staff, id, edit, note) => editLeadFields(repos, staff, id, edit, note),
    dashboard: dashboardPort(ctx),
    outcomeCodes: config.outcomeCodes,
    queueHealth: queueHealthPort(ctx),
    wecomNotices: config.wecomApp !== null,
    secureCookie: config.CONSOLE_SECURE_COOKIE,
    log: ctx.log.child({ module: 'console' }),
  };
}
