import { Types, type Connection } from 'mongoose';
import type { ComplaintChannel } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../connection';
import { complainantModel } from '../models/complainant-model';

export function createComplainantRepository(db: Connection) {
  const Complainants = complainantModel(db);
  return {
    async getMany(
      ids: string[],
    ): Promise<{ id: string; channel: ComplaintChannel; channelUserId: string; name: string | null; phone: string | null }[]> {
      const docs = await Complainants.find({
        _id: { $in: ids.filter((i) => /^[0-9a-f]{24}$/i.test(i)).map((i) => new Types.ObjectId(i)) },
      }).lean();
      return docs.map((d) => ({
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
      const filter = { channel: { $eq: channel }, channelUserId: { $eq: channelUserId } };
      const update = { $set: set, $setOnInsert: { channel, channelUserId } };
      // FerretDB v1 has no projection on findAndModify, so the whole (small) document comes back.
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = await Complainants.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after' }).lean();
          if (!doc) throw new Error('complainant upsert returned nothing');
          return doc._id.toHexString();
        } catch (err) {
          // Two upserts racing on the unique key: the loser finds the winner's document next time.
          if (!isDuplicateKeyError(err) || attempt > 2) throw err;
        }
      }
    },
  };
}

export type ComplainantRepository = ReturnType<typeof createComplainantRepository>;
