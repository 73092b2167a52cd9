import { Types, type Connection } from 'mongoose';
import type { StaffRole, StaffUser } from '../../domain/staff';
import { apiTokenModel, staffModel, type StaffDoc } from '../models/staff-model';

function toStaff(d: StaffDoc): StaffUser {
  return {
    id: d._id.toHexString(),
    username: d.username,
    role: d.role as StaffRole,
    area: d.area ?? null,
    active: d.active,
    createdAt: d.createdAt,
    wecomUserId: d.wecomUserId ?? null,
  };
}

export function createStaffRepository(db: Connection) {
  const Staff = staffModel(db);
  const Tokens = apiTokenModel(db);
  return {
    async create(input: { username: string; passwordHash: string; role: StaffRole; area: string | null }): Promise<StaffUser> {
      const doc = await Staff.create(input);
      return toStaff(doc.toObject());
    },

    async get(id: string): Promise<StaffUser | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Staff.findById(id).lean<StaffDoc>();
      return d ? toStaff(d) : null;
    },

    async findByUsername(username: string): Promise<(StaffUser & { passwordHash: string }) | null> {
      const d = await Staff.findOne({ username: { $eq: username } }).lean<StaffDoc>();
      return d ? { ...toStaff(d), passwordHash: d.passwordHash } : null;
    },

    async addToken(staffId: string, tokenHash: string, label: string | null, expiresAt: Date): Promise<void> {
      await Tokens.create({ staffId: new Types.ObjectId(staffId), tokenHash, label, expiresAt });
    },

    async revokeToken(tokenHash: string): Promise<boolean> {
      const r = await Tokens.updateOne({ tokenHash: { $eq: tokenHash }, revokedAt: null }, { $set: { revokedAt: new Date() } });
      return r.modifiedCount === 1;
    },

    /** The active staff user that holds this (hashed), unexpired and unrevoked token, or null. */
    async findByTokenHash(tokenHash: string): Promise<StaffUser | null> {
      const t = await Tokens.findOneAndUpdate(
        { tokenHash: { $eq: tokenHash }, revokedAt: null, expiresAt: { $gt: new Date() } },
        { $set: { lastUsedAt: new Date() } },
      ).lean();
      if (!t) return null;
      const s = await Staff.findOne({ _id: t.staffId, active: true }).lean<StaffDoc>();
      return s ? toStaff(s) : null;
    },

    /** Every staff user, by username. */
    async list(): Promise<StaffUser[]> {
      const docs = await Staff.find({}).sort({ username: 1 }).lean<StaffDoc[]>();
      return docs.map(toStaff);
    },

    async update(id: string, set: { active?: boolean; passwordHash?: string; wecomUserId?: string | null }): Promise<StaffUser | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Staff.findOneAndUpdate({ _id: new Types.ObjectId(id) }, { $set: set }, { returnDocument: 'after' }).lean<StaffDoc>();
      return d ? toStaff(d) : null;
    },

    /** Signs a user out everywhere: every token they hold stops working. */
    async revokeAllTokens(staffId: string): Promise<void> {
      await Tokens.updateMany({ staffId: new Types.ObjectId(staffId), revokedAt: null }, { $set: { revokedAt: new Date() } });
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
