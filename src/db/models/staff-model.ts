import { Schema, type Connection, type Model, Types } from 'mongoose';
import { STAFF_ROLES } from '../../domain/staff';

export interface StaffDoc {
  _id: Types.ObjectId;
  username: string;
  passwordHash: string;
  role: string;
  area: string | null;
  active: boolean;
  wecomUserId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApiTokenDoc {
  _id: Types.ObjectId;
  /** SHA-256 of the token: a stolen database does not give working tokens. */
  tokenHash: string;
  staffId: Types.ObjectId;
  label: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** After this the token no longer signs anyone in. */
  expiresAt: Date;
  createdAt: Date;
}

const staffSchema = new Schema<StaffDoc>(
  {
    username: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    area: { type: String, default: null },
    active: { type: Boolean, default: true },
    wecomUserId: { type: String, default: null },
  },
  { timestamps: true, collection: 'staff' },
);
staffSchema.index({ username: 1 }, { unique: true });

const tokenSchema = new Schema<ApiTokenDoc>(
  {
    tokenHash: { type: String, required: true },
    staffId: { type: Schema.Types.ObjectId, required: true },
    label: { type: String, default: null },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'api_tokens' },
);
tokenSchema.index({ tokenHash: 1 }, { unique: true });
tokenSchema.index({ staffId: 1 });

export function staffModel(conn: Connection): Model<StaffDoc> {
  return (conn.models.Staff as Model<StaffDoc> | undefined) ?? conn.model<StaffDoc>('Staff', staffSchema);
}

export function apiTokenModel(conn: Connection): Model<ApiTokenDoc> {
  return (conn.models.ApiToken as Model<ApiTokenDoc> | undefined) ?? conn.model<ApiTokenDoc>('ApiToken', tokenSchema);
}
