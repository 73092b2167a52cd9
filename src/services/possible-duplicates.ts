import { canAct, canRead } from '../domain/access';
import { AppError } from '../domain/app-error';
import type { Evidence } from '../domain/case-matching';
import type { Lead, PossibleDuplicate } from '../domain/lead';
import type { StaffUser } from '../domain/staff';
import type { LeadRepository } from '../db/repositories/lead-repository';

export interface PossibleDuplicateDeps {
  leads: Pick<LeadRepository, 'get' | 'mutate' | 'setDuplicates'>;
}

const entry = (other: Lead, evidence: Evidence, at: Date): PossibleDuplicate => ({
  leadId: other.id,
  caseNumber: other.caseNumber,
  score: evidence.score,
  reasons: evidence.reasons,
  at,
});

/** Adds `other` to a case's possible duplicates unless it is there already or was dismissed; the case is read inside its lock. */
async function addOne(deps: PossibleDuplicateDeps, id: string, add: PossibleDuplicate): Promise<void> {
  await deps.leads.mutate(id, async () => {
    const lead = await deps.leads.get(id);
    if (!lead || lead.dismissedDuplicates.includes(add.leadId) || lead.possibleDuplicates.some((p) => p.leadId === add.leadId)) return;
    await deps.leads.setDuplicates(id, {
      possibleDuplicates: [...lead.possibleDuplicates, add],
      dismissedDuplicates: lead.dismissedDuplicates,
    });
  });
}

/**
 * Records the cases matching found alike but not enough to merge, on both cases of each pair, so that
 * whoever opens either sees the other. A pair staff dismissed is not suggested again.
 */
export async function recordPossibleDuplicates(
  deps: PossibleDuplicateDeps,
  lead: Lead,
  found: readonly { lead: Lead; evidence: Evidence }[],
  at: Date,
): Promise<void> {
  for (const { lead: other, evidence } of found) {
    if (other.id === lead.id || lead.dismissedDuplicates.includes(other.id) || other.dismissedDuplicates.includes(lead.id)) continue;
    await addOne(deps, lead.id, entry(other, evidence, at));
    await addOne(deps, other.id, entry(lead, evidence, at));
  }
}

/** Both cases locked, in a fixed order so two opposite actions cannot deadlock. */
function lockBoth<T>(deps: PossibleDuplicateDeps, a: string, b: string, fn: () => Promise<T>): Promise<T> {
  const [first, second] = a < b ? [a, b] : [b, a];
  return deps.leads.mutate(first, () => deps.leads.mutate(second, fn));
}

/**
 * A supervisor says two cases are not duplicates: the suggestion leaves both, and the pair is
 * remembered on both so that matching does not suggest it again.
 */
export async function dismissDuplicate(deps: PossibleDuplicateDeps, staff: StaffUser, id: string, otherId: string): Promise<Lead> {
  if (id === otherId) throw new AppError('invalid_request', 'a case is not a duplicate of itself', { status: 400 });
  return lockBoth(deps, id, otherId, async () => {
    const [lead, other] = await Promise.all([deps.leads.get(id), deps.leads.get(otherId)]);
    if (!lead || !canRead(staff, lead)) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
    if (!other || !canRead(staff, other)) throw new AppError('lead_not_found', `lead ${otherId} does not exist`, { status: 404 });
    if (!canAct(staff, lead, 'assign')) throw new AppError('forbidden', 'only supervisors and admins dismiss duplicates', { status: 403 });
    const at = new Date();
    const dismiss = async (a: Lead, b: Lead) =>
      deps.leads.setDuplicates(
        a.id,
        {
          possibleDuplicates: a.possibleDuplicates.filter((p) => p.leadId !== b.id),
          dismissedDuplicates: [...new Set([...a.dismissedDuplicates, b.id])],
        },
        { at, type: 'duplicate_dismissed', actor: staff.id, note: `已排除与案件 ${b.caseNumber} 重复`, changes: [] },
      );
    await dismiss(other, lead);
    const done = await dismiss(lead, other);
    if (!done) throw new AppError('lead_not_found', `lead ${id} does not exist`, { status: 404 });
    return done;
  });
}

/**
 * The possible duplicates of a case that another case was merged into: the pair itself goes, the
 * merged case's other suggestions and dismissals become the target's. Returns what the target keeps.
 */
export function mergedDuplicates(target: Lead, source: Lead): Pick<Lead, 'possibleDuplicates' | 'dismissedDuplicates'> {
  const others = source.possibleDuplicates.filter(
    (p) => p.leadId !== target.id && !target.possibleDuplicates.some((t) => t.leadId === p.leadId),
  );
  const dismissed = [...new Set([...target.dismissedDuplicates, ...source.dismissedDuplicates])].filter((d) => d !== target.id);
  return {
    possibleDuplicates: [...target.possibleDuplicates.filter((p) => p.leadId !== source.id), ...others].filter(
      (p) => !dismissed.includes(p.leadId),
    ),
    dismissedDuplicates: dismissed,
  };
}

/** Cases that pointed at a merged case point at the case it joined, once. */
export async function repointDuplicates(deps: PossibleDuplicateDeps, source: Lead, target: Lead): Promise<void> {
  for (const p of source.possibleDuplicates) {
    if (p.leadId === target.id) continue;
    await deps.leads.mutate(p.leadId, async () => {
      const other = await deps.leads.get(p.leadId);
      if (!other) return;
      const kept = other.possibleDuplicates.filter((d) => d.leadId !== source.id);
      const already = kept.some((d) => d.leadId === target.id) || other.dismissedDuplicates.includes(target.id);
      const moved = other.possibleDuplicates.find((d) => d.leadId === source.id);
      await deps.leads.setDuplicates(other.id, {
        possibleDuplicates: already || !moved ? kept : [...kept, { ...moved, leadId: target.id, caseNumber: target.caseNumber }],
        dismissedDuplicates: other.dismissedDuplicates,
      });
    });
  }
}
