import { Schema, type Connection, type Model } from 'mongoose';

/** One FAQ answer; `_id` is its stable id (a shipped entry's name, or one the repository minted). */
export interface FaqDoc {
  _id: string;
  keywords: string[];
  answer: string;
  source: string;
  enabled: boolean;
  order: number;
  updatedAt: Date;
  updatedBy: string;
}

const schema = new Schema<FaqDoc>(
  {
    _id: { type: String, required: true },
    keywords: { type: [String], default: [] },
    answer: { type: String, required: true },
    source: { type: String, required: true },
    enabled: { type: Boolean, default: true },
    order: { type: Number, default: 100 },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'faq_entries', versionKey: false },
);

export function faqModel(conn: Connection): Model<FaqDoc> {
  return (conn.models.FaqEntry as Model<FaqDoc> | undefined) ?? conn.model<FaqDoc>('FaqEntry', schema);
}
