import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { FaqEntry, FaqInput } from '../../domain/faq';
import { faqModel, type FaqDoc } from '../models/faq-model';
import { isDuplicateKeyError } from '../store-errors';

const toEntry = ({ _id, ...d }: FaqDoc): FaqEntry => ({ id: _id, ...d });

export function createFaqRepository(db: Connection) {
  const Faq = faqModel(db);
  return {
    /** Every entry, enabled or not, by order (a few dozen: one read). */
    async list(): Promise<FaqEntry[]> {
      const docs = await Faq.find({}).lean<FaqDoc[]>();
      return docs.map(toEntry).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },

    async get(id: string): Promise<FaqEntry | null> {
      const d = await Faq.findById(id).lean<FaqDoc>();
      return d ? toEntry(d) : null;
    },

    async count(): Promise<number> {
      return Faq.estimatedDocumentCount();
    },

    /** Writes the entries whose ids are not there yet (another process may be seeding too); how many it wrote. */
    async insertIfAbsent(entries: FaqEntry[]): Promise<number> {
      let n = 0;
      for (const { id, ...e } of entries) {
        try {
          await Faq.create({ _id: id, ...e });
          n += 1;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
      }
      return n;
    },

    /** A new entry under a fresh id. */
    async create(input: FaqInput & { updatedAt: Date; updatedBy: string }): Promise<FaqEntry> {
      const doc = await Faq.create({ _id: `faq_${randomBytes(5).toString('hex')}`, ...input });
      return toEntry(doc.toObject());
    },

    async update(id: string, patch: Partial<FaqInput> & { updatedAt: Date; updatedBy: string }): Promise<FaqEntry | null> {
      const d = await Faq.findOneAndUpdate({ _id: { $eq: id } }, { $set: patch }, { returnDocument: 'after' }).lean<FaqDoc>();
      return d ? toEntry(d) : null;
    },
  };
}

export type FaqRepository = ReturnType<typeof createFaqRepository>;
