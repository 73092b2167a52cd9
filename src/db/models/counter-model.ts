import { Schema, type Connection, type Model } from 'mongoose';

export interface CounterDoc {
  _id: string;
  seq: number;
}

const schema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, default: 0 } },
  { collection: 'counters', versionKey: false },
);

export function counterModel(conn: Connection): Model<CounterDoc> {
  return (conn.models.Counter as Model<CounterDoc> | undefined) ?? conn.model<CounterDoc>('Counter', schema);
}
