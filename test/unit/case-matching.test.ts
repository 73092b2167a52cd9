import { caseTotals, keySimilarity, matchScore, nameKey } from '../../src/domain/case-matching';

describe('case matching', () => {
  it('when employer names differ only in generic words or the county prefix, then they share a key', () => {
    expect(nameKey('湖南鑫达建设有限公司')).toBe('鑫达');
    expect(nameKey('桃源县鑫达建筑公司')).toBe('鑫达');
    expect(nameKey('鑫达公司项目部')).toBe('鑫达');
    expect(nameKey('刘老板')).toBeNull(); // one surname says too little
    expect(nameKey(null)).toBeNull();
  });

  it('when two keys are near (one typo or one containing the other), then they are similar; unrelated ones are not', () => {
    expect(keySimilarity('金桥花园', '金桥花园二期')).toBeGreaterThanOrEqual(0.8);
    expect(keySimilarity('宏远', '宏远达')).toBeGreaterThanOrEqual(0.8);
    expect(keySimilarity('宏远', '恒达')).toBeLessThan(0.8);
  });

  it('when employer or project match, then the score passes and the same area breaks ties', () => {
    const a = { employerKey: '鑫达', projectKey: null, area: '漳江街道' };
    expect(matchScore(a, { employerKey: '鑫达', projectKey: null, area: '漳江街道' })).toBeGreaterThan(
      matchScore(a, { employerKey: '鑫达', projectKey: null, area: '陬市镇' }),
    );
    expect(matchScore(a, { employerKey: null, projectKey: null, area: '漳江街道' })).toBe(0); // same area alone is not a duplicate
    expect(
      matchScore({ employerKey: null, projectKey: '滨湖小区', area: null }, { employerKey: '宏达', projectKey: '滨湖小区', area: null }),
    ).toBeGreaterThan(0);
  });

  it('when individuals and a foreman report on one case, then individuals add up and the larger of that and the group report wins', () => {
    const r = (c: string, workerCount: number | null, amountYuan: number | null) => ({
      complaintId: `x${c}`,
      complainantId: c,
      workerCount,
      amountYuan,
    });
    expect(caseTotals([r('a', 1, 8000), r('b', 1, 9000)])).toEqual({ workerCount: 2, amountYuan: 17000 });
    expect(caseTotals([r('a', 1, 8000), r('f', 20, 300000)])).toEqual({ workerCount: 20, amountYuan: 300000 });
    expect(caseTotals([r('a', 1, 8000), r('a', 1, 8500)])).toEqual({ workerCount: 1, amountYuan: 8500 }); // the same person twice
    expect(caseTotals([r('a', null, 5000)])).toEqual({ workerCount: null, amountYuan: 5000 });
  });
});
