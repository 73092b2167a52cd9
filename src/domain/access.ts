import type { Lead } from './lead';
import type { StaffUser } from './staff';

/** What a staff user may see: null = every case; else the cases of one area and those assigned to them. */
export interface Scope {
  area: string | null;
  assigneeId: string | null;
}

export function scopeOf(staff: StaffUser): Scope | null {
  switch (staff.role) {
    case 'admin':
      return null;
    case 'supervisor':
      return staff.area ? { area: staff.area, assigneeId: null } : null;
    case 'inspector':
      return { area: staff.area, assigneeId: staff.id };
    case 'operator':
      // Hotline operators answer callers' progress questions: they read every case and change none.
      return null;
  }
}

export function canRead(staff: StaffUser, lead: Lead): boolean {
  const scope = scopeOf(staff);
  if (!scope) return true;
  return (scope.area !== null && lead.area === scope.area) || (scope.assigneeId !== null && lead.assigneeId === scope.assigneeId);
}

export type CaseAction = 'assign' | 'change_status' | 'record_recovery';

export function canAct(staff: StaffUser, lead: Lead, action: CaseAction): boolean {
  if (staff.role === 'operator' || !canRead(staff, lead)) return false;
  if (action === 'assign') return staff.role === 'supervisor' || staff.role === 'admin';
  return true;
}
