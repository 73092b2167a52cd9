import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import type { ComplaintChannel } from '../../domain/triage-result';
import { isDuplicateKeyError } from '../store-errors';
import { complainantModel } from '../models/complainant-model';
import { createGroupInsert } from '../group-insert';
import { erasedContactId } from '../../domain/privacy';

/** A complainant's id, the same for the same channel identity every time (the first 12 bytes of a SHA-256). */
export function complainantObjectId(channel: string, channelUserId: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${channel}\u0000${channelUserId}`).digest().subarray(0, 12));
}

export function createComplainantRepository(db: Connection) {
  const Complainants = complainantModel(db);
  const group = createGroupInsert(Complainants);
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

    /** Every complainant known by this phone number, on any channel. */
    async findIdsByPhone(phone: string): Promise<string[]> {
      const docs = await Complainants.find({ phone: { $eq: phone } }, { _id: 1 }).lean();
      return docs.map((d) => d._id.toHexString());
    },

    /** This channel identity has a complainant record (read by the id derived from it: no scan). */
    async exists(channel: ComplaintChannel, channelUserId: string): Promise<boolean> {
      return (await Complainants.exists({ _id: complainantObjectId(channel, channelUserId) })) !== null;
    },

    /**
     * Starts erasing a complainant: an erased record (no name, phone or channel id) is made to take
     * this one's place, and its id returned; the same one on a rerun. Null when there is no such record.
     */
    async beginErasure(id: string, at: Date): Promise<{ erasedId: string; channel: ComplaintChannel } | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const _id = new Types.ObjectId(id);
      let d = await Complainants.findById(_id).lean();
      if (!d) return null;
      if (!d.erasingTo) {
        await Complainants.updateOne({ _id, erasingTo: null }, { $set: { erasingTo: new Types.ObjectId() } });
        d = await Complainants.findById(_id).lean();
        if (!d?.erasingTo) return null;
      }
      const to = d.erasingTo;
      try {
        await Complainants.create({ _id: to, channel: d.channel, channelUserId: erasedContactId(to.toHexString()), erasedAt: at });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      return { erasedId: to.toHexString(), channel: d.channel as ComplaintChannel };
    },

    /** Ends an erasure: the record that named the person goes. */
    async finishErasure(id: string): Promise<void> {
      await Complainants.deleteOne({ _id: new Types.ObjectId(id), erasingTo: { $ne: null } });
    },

    /** Whether this record is an erased one. */
    async isErased(id: string): Promise<boolean> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return false;
      const d = await Complainants.findById(id, { erasedAt: 1 }).lean();
      return Boolean(d?.erasedAt);
    },

    async findId(channel: ComplaintChannel, channelUserId: string): Promise<string | null> {
      const d = await Complainants.findOne({ channel: { $eq: channel }, channelUserId: { $eq: channelUserId } }).lean();
      return d ? d._id.toHexString() : null;
    },

    /**
     * The complainant with this channel identity, created on first sight; a known phone is kept when
     * none is given. First sight is an insert that travels with other complaints' (group-insert); a
     * known complainant is read, and written only when the name or phone changed.
     */
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
      try {
        await group.insert({ _id, channel, channelUserId, ...set });
        return _id.toHexString();
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const known = await Complainants.findById(_id).lean();
      // A clash on (channel, channelUserId) with no document under the derived id: a complainant stored
      // before ids were derived. That one is kept.
      const id = known ? _id.toHexString() : await this.findId(channel, channelUserId);
      if (!id) throw new Error('complainant insert clashed with a document that cannot be found');
      const changed = Object.entries(set).some(([k, v]) => (known as Record<string, unknown> | null)?.[k] !== v);
      if (changed) await Complainants.updateOne({ _id: new Types.ObjectId(id) }, { $set: set });
      return id;
    },
  };
}

export type ComplainantRepository = ReturnType<typeof createComplainantRepository>;
