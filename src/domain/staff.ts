export const STAFF_ROLES = ['operator', 'inspector', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
  /** Township / street the user is responsible for; null means the whole county. */
  area: string | null;
  active: boolean;
  createdAt: Date;
  /** Their WeCom (企业微信) UserID, where notices are also sent as app messages; absent or null: none. */
  wecomUserId?: string | null;
}
