import mongoose from 'mongoose';
import { planIndexes } from '../../src/db/index-plan';
import { leadModel } from '../../src/db/models/lead-model';

describe('index plan', () => {
  const conn = mongoose.createConnection(); // not connected: only the model's schema is read
  const declared = leadModel(conn).schema.indexes();

  it('when the server is MongoDB, then every declared index is created and none dropped', () => {
    expect(planIndexes(declared, 'mongodb')).toEqual({ create: declared, drop: [] });
  });

  it('when the server is FerretDB, then only unique indexes are created and the ordinary ones are dropped', () => {
    const plan = planIndexes(declared, 'ferretdb');
    expect(plan.create).toEqual([[{ caseNumber: 1 }, expect.objectContaining({ unique: true })]]);
    expect(plan.drop).toHaveLength(declared.length - 1);
    expect(plan.drop).toContainEqual({ area: 1, status: 1, createdAt: -1 });
  });

  it('when uniqueness is declared with a message, then it still counts as unique', () => {
    const plan = planIndexes(
      [
        [{ a: 1 }, { unique: [true, 'a must be unique'] as unknown as boolean }],
        [{ b: 1 }, {}],
      ],
      'ferretdb',
    );
    expect(plan.create.map(([f]) => f)).toEqual([{ a: 1 }]);
    expect(plan.drop).toEqual([{ b: 1 }]);
  });
});
