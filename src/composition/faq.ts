import type { FaqPagesDeps } from '../http/console/faq-pages';
import { createFaqEntry, faqEntry, listFaqEntries, setFaqEnabled, updateFaqEntry, type FaqAdminDeps } from '../services/faq/faq-admin';
import type { AppContext } from './context';

function faqAdminDeps(ctx: AppContext): FaqAdminDeps {
  return { faq: ctx.repos.faq, changed: () => ctx.faq.changed(), audit: (e) => ctx.repos.audit.record(e) };
}

/** The admins' FAQ pages (常见问题): every change reaches each process's copy (see createAppContext). */
export function faqPagesPort(ctx: AppContext): FaqPagesDeps {
  const deps = faqAdminDeps(ctx);
  return {
    listFaqEntries: (staff) => listFaqEntries(deps, staff),
    faqEntry: (staff, id) => faqEntry(deps, staff, id),
    createFaqEntry: (staff, input) => createFaqEntry(deps, staff, input),
    updateFaqEntry: (staff, id, input) => updateFaqEntry(deps, staff, id, input),
    setFaqEnabled: (staff, id, enabled) => setFaqEnabled(deps, staff, id, enabled),
  };
}
