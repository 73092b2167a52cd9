import type { DeadlineWorkerDeps } from '../../queues/deadline-queue';
import { staffNotifier, staffNotifierForJobs } from './notifications';
import type { LeadRouteDeps } from '../http/routes/lead-routes';
import { assignLead, changeLeadStatus, recordRecovery, type CaseActionDeps } from '../services/case-actions';
import { checkDeadline, scheduleNextDeadline, type DeadlineDeps } from '../services/deadlines';
import { mergeCases, splitComplaint, type MergeSplitDeps } from '../services/merge-split';
import { openSeparateCase } from '../services/open-case';
import { dismissDuplicate } from '../services/possible-duplicates';
import { tellComplainants } from '../services/outbound/dispatch';
import { replyToComplainants } from '../services/outbound/reply';
import { getLeadFor, listCaseMessages, listLeadsFor, revealPhones } from '../services/read-leads';
import type { AppContext } from './context';
import { askWhetherPaid } from '../services/payment-confirmation';
import { paymentDeps } from './payment';
import { outboundDeps } from './outbound';
import { openCaseDeps } from './triage';

export function caseActionDeps(ctx: AppContext): CaseActionDeps {
  const outbound = outboundDeps(ctx);
  return {
    leads: ctx.repos.leads,
    staff: ctx.repos.staff,
    notifyStaff: staffNotifier(ctx),
    outcomeCodes: ctx.config.outcomeCodes,
    notify: (lead) => tellComplainants(outbound, lead),
    askWhetherPaid: (lead) => askWhetherPaid(paymentDeps(ctx), lead),
    audit: (e) => ctx.repos.audit.record(e),
  };
}

export function mergeSplitDeps(ctx: AppContext): MergeSplitDeps {
  const open = { ...openCaseDeps(ctx), complaints: ctx.repos.complaints };
  return {
    leads: ctx.repos.leads,
    complaints: ctx.repos.complaints,
    openSeparateCase: (complaintId) => openSeparateCase(open, complaintId),
    caseIndex: ctx.caseIndex,
  };
}

export function leadRoutesPort(ctx: AppContext): LeadRouteDeps {
  const { repos } = ctx;
  const actions = caseActionDeps(ctx);
  const outbound = outboundDeps(ctx);
  const mergeSplit = mergeSplitDeps(ctx);
  return {
    listLeads: (staff, query) => listLeadsFor(repos, staff, query),
    getLead: (staff, id) => getLeadFor(repos, staff, id),
    assignLead: (staff, id, input) => assignLead(actions, staff, id, input),
    changeLeadStatus: (staff, id, input) => changeLeadStatus(actions, staff, id, input),
    recordRecovery: (staff, id, input) => recordRecovery(actions, staff, id, input),
    replyToComplainants: (staff, id, input) => replyToComplainants(outbound, staff, id, input),
    listMessages: (staff, id) => listCaseMessages(repos, staff, id),
    revealPhones: (staff, id) => revealPhones(repos, staff, id),
    mergeCases: (staff, targetId, sourceId) => mergeCases(mergeSplit, staff, targetId, sourceId),
    splitComplaint: (staff, leadId, complaintId) => splitComplaint(mergeSplit, staff, leadId, complaintId),
    dismissDuplicate: (staff, id, otherId) => dismissDuplicate(repos, staff, id, otherId),
  };
}

/** Reminders and escalations at the case's working-day deadlines, on the timeline and to the staff concerned. */
export function deadlineWorkerPort(ctx: AppContext): Omit<DeadlineWorkerDeps, 'log'> {
  const deps: DeadlineDeps = {
    leads: ctx.repos.leads,
    scheduleAfter: (lead, c) => ctx.deadlineQueue.scheduleAfter(lead, c),
    notify: staffNotifierForJobs(ctx),
  };
  return {
    checkDeadline: (c) => checkDeadline(deps, c),
    scheduleNext: (c) => scheduleNextDeadline(deps, c),
  };
}
