import { FAQ_FALLBACK, type FaqEntry } from '../../src/domain/faq';
import { createFaqCatalog } from '../../src/services/faq/faq-catalog';
import { faqSeed } from '../../src/services/faq/faq-seed';

describe('the FAQ while the store cannot be read', () => {
  it('when nothing was read yet, then the shipped answers stand in; after a read, the last copy answers', async () => {
    let failing = true;
    const errors: string[] = [];
    const catalog = createFaqCatalog({
      list: async () => {
        if (failing) throw new Error('store unavailable');
        return [];
      },
      version: { read: async () => null, bump: async () => undefined },
      fallback: faqSeed(new Date(0)),
      checkEveryMs: 0,
      maxAgeMs: 0,
      onError: (m) => errors.push(m),
    });
    expect((await catalog.answerFor('怎么申请仲裁')).id).toBe('arbitration');
    expect(errors).toEqual(['store unavailable']);
    failing = false;
    expect((await catalog.answerFor('怎么申请仲裁')).id).toBe(FAQ_FALLBACK.id);
  });
});

describe('the FAQ copy in a process', () => {
  it('when lookups come within the check interval, then the store and the version are not read again; a moved version reloads', async () => {
    let reads = 0;
    let version = '1';
    let now = 0;
    const entries: FaqEntry[] = faqSeed(new Date(0));
    const catalog = createFaqCatalog({
      list: async () => {
        reads += 1;
        return entries;
      },
      version: { read: async () => version, bump: async () => void (version = String(Number(version) + 1)) },
      fallback: [],
      checkEveryMs: 2000,
      maxAgeMs: 300_000,
      now: () => now,
    });
    await Promise.all([catalog.answerFor('仲裁'), catalog.answerFor('仲裁'), catalog.answerFor('保证金')]);
    expect(reads).toBe(1);
    now = 5000;
    await catalog.answerFor('仲裁');
    expect(reads).toBe(1);
    version = '2';
    now = 10_000;
    await catalog.answerFor('仲裁');
    expect(reads).toBe(2);
    await catalog.changed();
    await catalog.answerFor('仲裁');
    expect(reads).toBe(3);
    expect(version).toBe('3');
  });
});
