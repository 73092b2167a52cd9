import { Types } from 'mongoose';

/** A new record id, chosen before the write (intake notes it as pending first). */
export const newId = (): string => new Types.ObjectId().toHexString();

/** True for a string that can be a record id. */
export const isId = (s: string): boolean => /^[0-9a-f]{24}$/i.test(s);
