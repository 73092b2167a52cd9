import {
  caseTotals,
  compareSignals,
  decideMatch,
  keySimilarity,
  matchScore,
  MERGE_SCORE,
  nameKey,
  nameSimilarity,
  SUGGEST_SCORE,
} from '../../src/domain/case-matching';
import { fingerprint, readSignals, type CaseSignals, type SignalSource } from '../../src/domain/case-signals';
import { SURNAMES } from '../../src/triage/lexicon/surnames';
import { TAOYUAN_TOWNSHIPS } from '../../src/triage/lexicon/taoyuan-gazetteer';

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

describe('case matching by every signal', () => {
  const lex = { townships: TAOYUAN_TOWNSHIPS, surnames: SURNAMES };
  const read = (text: string, more: Partial<SignalSource> = {}): CaseSignals =>
    readSignals(
      {
        text,
        employer: null,
        project: null,
        location: null,
        area: null,
        phone: null,
        sector: null,
        senderName: null,
        senderPhone: null,
        receivedAt: new Date('2026-07-20T10:00:00+08:00'),
        ...more,
      },
      lex,
    );
  const month = (y: number, m: number) => y * 12 + m - 1;

  it('when names are homophones or typos of each other (盛宏 / 盛泓 / 胜宏, 华联 / 华连), then they are alike; other names are not', () => {
    expect(nameSimilarity('盛宏', '盛泓')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('盛宏', '胜宏')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('华联', '华连')).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity('盛宏', '恒达')).toBeLessThan(0.5);
  });

  it('when the boss is named in full, by title or by surname, then each form is read (张文斌, 张总, 张老板, 姓张的)', () => {
    expect(read('包工头张文斌欠我们工钱').bosses).toEqual(['张文斌']);
    expect(read('都喊他张总，欠我一万').bosses).toEqual(['张']);
    expect(read('陬市镇张老板拖欠工资').bosses).toEqual(['张']);
    expect(read('给姓张的包工头扎钢筋').bosses).toEqual(['张']);
    expect(read('九溪镇杨家村帮周德明砌房子').bosses).toEqual(['周德明']);
    // The worker named by triage is not the boss.
    expect(read('欠泥工王建国工钱21000元', { employer: '王建国' }).bosses).toEqual([]);
  });

  it('when a relative calls, then the caller’s own number is not the worker’s; the number given for the worker is', () => {
    expect(read('我替我爸反映，他电话13900001111', { senderPhone: '13900002222' }).phones).toEqual([fingerprint('13900001111')]);
    expect(read('我在砖厂做事，老板欠我4000', { senderPhone: '13900002222' }).phones).toEqual([fingerprint('13900002222')]);
    expect(read('老板电话13900003333，欠我工资', { senderPhone: '13900002222' }).phones).toEqual([fingerprint('13900002222')]);
    // Kept as fingerprints, never in clear.
    expect(JSON.stringify(read('我叫王建国，电话13900001111'))).not.toMatch(/13900001111|王建国/);
  });

  it('when the text names a village, a trade, a site and a township, then each is read', () => {
    const s = read('我在茶庵铺镇枫树村修村道做泥工，湖南华联鞋业有限公司，江畔华府二期工地');
    expect(s.villages).toEqual(['枫树村']);
    expect(s.trades).toEqual(['泥工']);
    expect(s.area).toBe('茶庵铺镇');
    expect(s.employerKeys).toContain('华联');
    expect(s.projectKeys).toContain('江畔华府');
  });

  it('when the months owed are written, then they are read against when the complaint came in; a length of time is not', () => {
    expect(read('去年腊月的工资还没发').periods).toEqual([{ from: month(2025, 12), to: month(2026, 1) }]);
    expect(read('今年3到6月的工资').periods).toEqual([{ from: month(2026, 3), to: month(2026, 6) }]);
    expect(read('2025年12月工资4100元').periods).toEqual([{ from: month(2025, 12), to: month(2025, 12) }]);
    expect(read('三月份开始就没发过工资').periods).toEqual([{ from: month(2026, 3), to: month(2026, 7) }]);
    expect(read('去年10月和11月的工资没给').periods).toEqual([{ from: month(2025, 10), to: month(2025, 11) }]);
    expect(read('欠了三个月工资').periods).toEqual([]);
  });

  it('when two pay periods of one factory or two townships are compared, then they are ruled out; the same worker’s phone and the same boss count', () => {
    const winter = read('盘塘镇华联鞋业去年腊月的工资没发', { area: '盘塘镇' });
    const spring = read('华联鞋业今年3到6月的工资没发', { area: '盘塘镇' });
    expect(compareSignals(spring, winter).veto).toBe('other_period');
    expect(compareSignals(read('华联鞋业欠工资', { area: '漳江街道' }), winter).veto).toBe('other_township');
    const same = compareSignals(read('胜宏建设欠我工资', { senderPhone: '13900001111' }), read('盛宏建筑欠钱，电话13900001111'));
    expect(same.score).toBeGreaterThanOrEqual(MERGE_SCORE);
    expect(same.reasons).toEqual(expect.arrayContaining(['同一单位', '电话相同']));
  });

  it('when a complaint fits only by the boss’s surname, township and trade, then it is suggested, not merged', () => {
    const e = compareSignals(
      read('张总那个钢筋班的，欠我们工资', { area: '陬市镇' }),
      read('包工头张文斌欠我们扎钢筋的工钱', { area: '陬市镇' }),
    );
    expect(e.score).toBeGreaterThanOrEqual(SUGGEST_SCORE);
    expect(e.score).toBeLessThan(MERGE_SCORE);
    const { join, suggest } = decideMatch([{ entry: 'a', evidence: e }], () => true);
    expect(join).toBeNull();
    expect(suggest.map((s) => s.entry)).toEqual(['a']);
  });

  it('when two open cases fit equally and cannot be one case, then the complaint joins neither', () => {
    const strong = { score: 4, reasons: [], anchored: true, veto: null };
    expect(
      decideMatch(
        [
          { entry: 'a', evidence: strong },
          { entry: 'b', evidence: strong },
        ],
        () => false,
      ).join,
    ).toBeNull();
    expect(
      decideMatch(
        [
          { entry: 'a', evidence: strong },
          { entry: 'b', evidence: strong },
        ],
        () => true,
      ).join?.entry,
    ).toBe('a');
  });
});
