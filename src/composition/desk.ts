import type { DeskPagesDeps } from '../http/console/desk-pages';
import { previewJoin } from '../services/join-preview';
import { lookupCaller, type LookupDeps } from '../services/desk/caller-lookup';
import { checkAtDesk, deskOutcome, fileAtDesk, type DeskDeps } from '../services/desk/desk-intake';
import { triageByRules } from '../triage/rule-triage';
import type { AppContext } from './context';
import { acceptPort } from './intake';
import { openCaseDeps } from './triage';

export function deskDeps(ctx: AppContext): DeskDeps {
  const { repos, config } = ctx;
  const open = openCaseDeps(ctx);
  const accept = acceptPort(ctx);
  return {
    read: triageByRules,
    faqFor: (text) => ctx.faq.answerFor(text),
    referrals: config.referrals,
    labels: config.dispositionLabels,
    previewJoin: (t, complaint, opts) => previewJoin(open, t, complaint, opts),
    accept: (input) => accept.acceptComplaint(input),
    getComplaint: (id) => repos.complaints.get(id),
    getLead: (id) => repos.leads.get(id),
  };
}

export function lookupDeps(ctx: AppContext): LookupDeps {
  const { repos } = ctx;
  return {
    complainantIdsByPhone: (phone) => repos.complainants.findIdsByPhone(phone),
    casesOfComplainant: (id) => repos.leads.listByComplainant(id),
    casesByPhone: (phone) => repos.leads.listByPhone(phone),
    caseByNumber: (n) => repos.leads.findByCaseNumber(n),
    messagesOf: (leadId) => repos.outbound.listForLead(leadId),
    audit: (e) => repos.audit.record(e),
  };
}

/** The hotline operator's desk in the console: enter a complaint, check it, file it, look a caller up. */
export function deskPagesPort(ctx: AppContext): DeskPagesDeps {
  const desk = deskDeps(ctx);
  const lookup = lookupDeps(ctx);
  return {
    checkAtDesk: (entry, corrections) => checkAtDesk(desk, entry, corrections),
    fileAtDesk: (staff, formId, entry, corrections) => fileAtDesk(desk, staff, formId, entry, corrections),
    deskOutcome: (staff, id) => deskOutcome(desk, staff, id),
    lookupCaller: (staff, q) => lookupCaller(lookup, staff, q),
  };
}
