import IORedis from 'ioredis';
import { nameKey, surname } from '../../src/domain/case-matching';
import { NO_SIGNALS, type CaseSignals } from '../../src/domain/case-signals';
import { createCaseIndex, type CaseIndexEntry } from '../../src/redis/case-index';
import { uniqueName } from '../support/test-app';

/** The Redis index of open cases that triage matches new complaints against (real Redis, own prefix). */
describe('the case index', () => {
  let redis: IORedis;
  const prefix = uniqueName('case-index-test');
  let rebuilds = 0;
  let stored: CaseIndexEntry[] = [];
  const now = Date.now();
  const since = new Date(now - 30 * 86_400_000);

  const entry = (
    id: string,
    employer: string | null,
    project: string | null,
    area: string | null,
    more: Partial<CaseSignals> = {},
  ): CaseIndexEntry => ({
    id,
    employer,
    employerKey: nameKey(employer),
    projectKey: nameKey(project),
    area,
    sector: null,
    signals: {
      ...NO_SIGNALS,
      employerKeys: surname(employer) ? [] : [nameKey(employer)].filter((k): k is string => k !== null),
      projectKeys: [nameKey(project)].filter((k): k is string => k !== null),
      bosses: surname(employer) ? [surname(employer)!] : [],
      area,
      ...more,
    },
    createdAt: now - Number(id.slice(-3)) * 1000,
  });
  const query = (employer: string | null, project: string | null, area: string | null) => ({
    since,
    employer,
    employerKey: nameKey(employer),
    projectKey: nameKey(project),
    area,
  });

  beforeAll(async () => {
    redis = new IORedis(process.env.TEST_REDIS_URL ?? '', { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const index = () =>
    createCaseIndex(redis, prefix, 30, async () => {
      rebuilds++;
      return stored;
    });

  it('finds a case however its name is written, but not the other cases of its township', async () => {
    stored = [
      entry('a00000000000000000000001', '宏远达建设工程有限公司', '安置小区项目', '陬市镇'),
      entry('a00000000000000000000002', '恒泰鞋业有限公司', null, '陬市镇'),
      entry('a00000000000000000000003', '周老板', null, '热市镇'),
      entry('a00000000000000000000004', '周老板', null, '漳江街道'),
    ];
    const idx = index();
    const ids = async (q: ReturnType<typeof query>) => (await idx.candidates(q)).map((e) => e.id).sort();

    // One character fewer, another suffix: still the same name key pairs.
    expect(await ids(query('宏远建筑公司', null, null))).toEqual(['a00000000000000000000001']);
    expect(await ids(query('宏远达公司', null, '陬市镇'))).toEqual(['a00000000000000000000001']);
    // A different employer in the same township is not read at all.
    expect(await ids(query('华盛电子科技有限公司', null, '陬市镇'))).toEqual([]);
    // A boss known by surname only: in the same township, not in another.
    expect(await ids(query('周建国', null, '热市镇'))).toEqual(['a00000000000000000000003']);
    // Nothing to go by: no candidates.
    expect(await ids(query(null, null, '陬市镇'))).toEqual([]);
    expect(rebuilds).toBe(1); // a fresh Redis: rebuilt from the store once
  });

  it('forgets a removed case and takes an added one without another rebuild', async () => {
    const idx = index();
    const gone = stored[0]!;
    await idx.remove(gone);
    expect(await idx.candidates(query('宏远达建设工程有限公司', null, '陬市镇'))).toEqual([]);
    const added = entry('a00000000000000000000005', '宏远达建设工程有限公司', null, '陬市镇');
    await idx.add(added);
    expect((await idx.candidates(query('宏远达建设', null, null))).map((e) => e.id)).toEqual([added.id]);
    expect(rebuilds).toBe(1);
  });

  it('finds a case by the sound of its name, by a phone and by a village, and takes its signals as they grow', async () => {
    const idx = index();
    const first = entry('a00000000000000000000006', '盛宏建设有限公司', null, '漳江街道', { phones: ['13900007001'] });
    await idx.add(first);
    const by = (more: Partial<CaseSignals>) => idx.candidates({ ...query(null, null, null), signals: { ...NO_SIGNALS, ...more } });
    expect((await by({ employerKeys: ['盛泓'] })).map((e) => e.id)).toEqual([first.id]);
    expect((await by({ phones: ['13900007001'] })).map((e) => e.id)).toEqual([first.id]);
    expect(await by({ villages: ['杨家村'] })).toEqual([]);
    await idx.add({ ...first, signals: { ...first.signals, villages: ['杨家村'] } });
    const found = await by({ villages: ['杨家村'] });
    expect(found.map((e) => e.id)).toEqual([first.id]);
    expect(found[0]!.signals.phones).toEqual(['13900007001']);
  });

  it('reads only the newest cases of a pair of the text that many cases share, and every case of a name the complaint gives', async () => {
    const idx = index();
    // 100 open cases whose (fictional) names share the pair 祥瑞, newest last.
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...entry(`b${String(i).padStart(23, '0')}`, null, null, null, { employerKeys: [`祥瑞${i}号`] }),
      createdAt: now - (100 - i) * 1000,
    }));
    for (const e of many) await idx.add(e);
    const byText = await idx.candidates({ ...query(null, null, null), signals: NO_SIGNALS, text: '祥瑞那边的老板欠了工资' });
    expect(byText).toHaveLength(64);
    expect(byText.map((e) => e.id)).toEqual(
      many
        .slice(-64)
        .reverse()
        .map((e) => e.id),
    );
    const byName = await idx.candidates({ ...query(null, null, null), signals: { ...NO_SIGNALS, employerKeys: ['祥瑞'] } });
    expect(byName).toHaveLength(100);
  });
});
