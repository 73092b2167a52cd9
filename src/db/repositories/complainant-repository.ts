import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { ComplaintChannel } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../connection';
import { complainantModel } from '../models/complainant-model';

/** A complainant's id, the same for the same channel identity every time (the first 12 bytes of a SHA-256). */
export function complainantObjectId(channel: string, channelUserId: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${channel}\u0000${channelUserId}`).digest().subarray(0, 12));
}

export function createComplainantRepository(db: Connection) {
  const Complainants = complainantModel(db);
  return {
    async getMany(
      ids: string[],
    ): Promise<{ id: string; channel: ComplaintChannel; channelUserId: string; name: string | null; phone: string | null }[]> {
      // One lookup by `_id` each: FerretDB v1 reads the whole collection for an `$in`.
      const found = await Promise.all(
        [...new Set(ids)].filter((i) => /^[0-9a-f]{24}$/i.test(i)).map((i) => Complainants.findById(i).lean()),
      );
      return found
        .filter((d) => d !== null)
        .map((d) => ({
          id: d._id.toHexString(),
          channel: d.channel as ComplaintChannel,
          channelUserId: d.channelUserId,
          name: d.name ?? null,
          phone: d.phone ?? null,
        }));
    },

    async findId(channel: ComplaintChannel, channelUserId: string): Promise<string | null> {
      const d = await Complainants.findOne({ channel: { $eq: channel }, channelUserId: { $eq: channelUserId } }).lean();
      return d ? d._id.toHexString() : null;
    },

    /** The complainant with this channel identity, created on first sight; a known phone is kept when none is given. */
    async upsert(
      channel: ComplaintChannel,
      channelUserId: string,
      details: { name: string | null; phone: string | null },
    ): Promise<string> {
      const set: Record<string, string> = {};
      if (details.name) set.name = details.name;
      if (details.phone) set.phone = details.phone;
      // Keyed by an id derived from the identity: FerretDB v1 finds a document without a scan only by `_id`.
      const _id = complainantObjectId(channel, channelUserId);
      const update = { $set: set, $setOnInsert: { channel, channelUserId } };
      for (let attempt = 0; ; attempt++) {
        try {
          // FerretDB v1 has no projection on findAndModify, so the whole (small) document comes back.
          const doc = await Complainants.findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'after' }).lean();
          if (!doc) throw new Error('complainant upsert returned nothing');
          return doc._id.toHexString();
        } catch (err) {
          if (!isDuplicateKeyError(err) || attempt > 2) throw err;
          // Two upserts racing on the same id: the loser finds the winner's document next time. A clash on
          // (channel, channelUserId) instead is a complainant stored before ids were derived: that one is kept.
          const older = await this.findId(channel, channelUserId);
          if (older && older !== _id.toHexString()) {
            if (Object.keys(set).length) await Complainants.updateOne({ _id: new Types.ObjectId(older) }, { $set: set });
            return older;
          }
        }
      }
    },
  };
}

export type ComplainantRepository = ReturnType<typeof createComplainantRepository>;
