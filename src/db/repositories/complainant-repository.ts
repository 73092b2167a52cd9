import type { Connection } from 'mongoose';
import type { ComplaintChannel } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../connection';
import { complainantModel } from '../models/complainant-model';

export function createComplainantRepository(db: Connection) {
  const Complainants = complainantModel(db);
  return {
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
