import { AppError } from '../../domain/app-error';
import type { AuditEvent } from '../../domain/audit';
import type { FaqEntry, FaqInput } from '../../domain/faq';
import type { StaffUser } from '../../domain/staff';

export interface FaqAdminDeps {
  faq: {
    list(): Promise<FaqEntry[]>;
    get(id: string): Promise<FaqEntry | null>;
    create(input: FaqInput & { updatedAt: Date; updatedBy: string }): Promise<FaqEntry>;
    update(id: string, patch: Partial<FaqInput> & { updatedAt: Date; updatedBy: string }): Promise<FaqEntry | null>;
  };
  /** Tells every process's copy of the FAQ (see faq-catalog). */
  changed(): Promise<void>;
  audit?: (e: AuditEvent) => Promise<void>;
}

function adminOnly(actor: StaffUser): void {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'only admins edit the FAQ', { status: 403 });
}

const notFound = (id: string) => new AppError('faq_not_found', `FAQ entry ${id} does not exist`, { status: 404 });

async function recorded(deps: FaqAdminDeps, actor: StaffUser, action: AuditEvent['action'], entry: FaqEntry): Promise<FaqEntry> {
  await deps.changed();
  await deps.audit?.({ at: entry.updatedAt, actor: actor.id, action, subject: `faq:${entry.id}`, detail: { faqId: entry.id } });
  return entry;
}

export async function listFaqEntries(deps: FaqAdminDeps, actor: StaffUser): Promise<FaqEntry[]> {
  adminOnly(actor);
  return deps.faq.list();
}

export async function faqEntry(deps: FaqAdminDeps, actor: StaffUser, id: string): Promise<FaqEntry> {
  adminOnly(actor);
  const entry = await deps.faq.get(id);
  if (!entry) throw notFound(id);
  return entry;
}

export async function createFaqEntry(deps: FaqAdminDeps, actor: StaffUser, input: FaqInput): Promise<FaqEntry> {
  adminOnly(actor);
  const entry = await deps.faq.create({ ...input, updatedAt: new Date(), updatedBy: actor.username });
  return recorded(deps, actor, 'faq_created', entry);
}

export async function updateFaqEntry(deps: FaqAdminDeps, actor: StaffUser, id: string, input: FaqInput): Promise<FaqEntry> {
  adminOnly(actor);
  const entry = await deps.faq.update(id, { ...input, updatedAt: new Date(), updatedBy: actor.username });
  if (!entry) throw notFound(id);
  return recorded(deps, actor, 'faq_updated', entry);
}

/** A disabled entry answers nobody until it is enabled again; nothing is deleted (dispositions name it). */
export async function setFaqEnabled(deps: FaqAdminDeps, actor: StaffUser, id: string, enabled: boolean): Promise<FaqEntry> {
  adminOnly(actor);
  const entry = await deps.faq.update(id, { enabled, updatedAt: new Date(), updatedBy: actor.username });
  if (!entry) throw notFound(id);
  return recorded(deps, actor, enabled ? 'faq_enabled' : 'faq_disabled', entry);
}
