import { createHash } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { evidenceModel } from '../models/evidence-model';

export interface EvidenceInfo {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** A voice message's transcript; null for photos and documents. */
  transcript: string | null;
  createdAt: Date;
}

export function createEvidenceRepository(db: Connection) {
  const Evidence = evidenceModel(db);
  return {
    async add(e: {
      channel: string;
      channelUserId: string;
      name: string;
      mime: string;
      data: Buffer;
      transcript?: string;
    }): Promise<string> {
      const doc = await Evidence.create({ ...e, size: e.data.length, sha256: createHash('sha256').update(e.data).digest('hex') });
      return doc._id.toHexString();
    },
    /** Metadata only: the bytes are fetched one file at a time. */
    async describe(ids: string[]): Promise<EvidenceInfo[]> {
      const docs = await Evidence.find({ _id: { $in: ids.map((i) => new Types.ObjectId(i)) } }, { data: 0 }).lean();
      return docs.map((d) => ({
        id: d._id.toHexString(),
        name: d.name,
        mime: d.mime,
        size: d.size,
        sha256: d.sha256,
        transcript: d.transcript ?? null,
        createdAt: d.createdAt,
      }));
    },
    /** Deletes these files (one by id each: FerretDB v1 finds a document without a scan only by `_id`); how many were there. */
    async remove(ids: string[]): Promise<number> {
      let n = 0;
      for (const id of new Set(ids))
        if (/^[0-9a-f]{24}$/i.test(id)) n += (await Evidence.deleteOne({ _id: new Types.ObjectId(id) })).deletedCount;
      return n;
    },

    /** Deletes every file one contact sent on one channel; how many. */
    async removeBySender(channel: string, channelUserId: string): Promise<number> {
      return (await Evidence.deleteMany({ channel: { $eq: channel }, channelUserId: { $eq: channelUserId } })).deletedCount;
    },

    /** Files uploaded before `before` that no complaint was seen to refer to yet (see markLinked), after `afterId`, by id. */
    async listUnlinked(before: Date, limit: number, afterId?: string): Promise<string[]> {
      const docs = await Evidence.find(
        { createdAt: { $lt: before }, linked: { $ne: true }, ...(afterId ? { _id: { $gt: new Types.ObjectId(afterId) } } : {}) },
        { _id: 1 },
      )
        .sort({ _id: 1 })
        .limit(limit)
        .lean();
      return docs.map((d) => d._id.toHexString());
    },

    /** Files some complaint refers to: not looked at again by listUnlinked. */
    async markLinked(ids: string[]): Promise<void> {
      for (const id of ids) await Evidence.updateOne({ _id: new Types.ObjectId(id) }, { $set: { linked: true } });
    },

    /** One file with its bytes. */
    async read(id: string): Promise<{ name: string; mime: string; data: Buffer } | null> {
      if (!/^[0-9a-f]{24}$/i.test(id)) return null;
      const d = await Evidence.findById(id).lean();
      if (!d) return null;
      // lean() gives BSON Binary, not a Buffer.
      const raw = d.data as unknown as Buffer | { buffer: Uint8Array };
      return { name: d.name, mime: d.mime, data: Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer) };
    },
  };
}

export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
