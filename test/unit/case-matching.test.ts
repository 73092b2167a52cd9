import {
  caseTotals,
  compareSignals,
  decideFollowUp,
  decideMatch,
  keySimilarity,
  matchScore,
  MERGE_SCORE,
  nameKey,
  nameSimilarity,
  SUGGEST_SCORE,
} from '../../src/domain/case-matching';
import { fingerprint, withNamesFrom } from '../../src/domain/case-signals';
import { branchesApart, isKindOnly, sitesApart } from '../../src/domain/name-key';
import { SURNAMES } from '../../src/triage/lexicon/surnames';
import { joins, signalsReader } from '../support/signals';
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
  const read = signalsReader('2026-07-20T10:00:00+08:00');
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

describe('case matching: one case told in many ways, and cases that only look alike', () => {
  const lex = { townships: TAOYUAN_TOWNSHIPS, surnames: SURNAMES };
  const read = signalsReader('2026-10-20T10:00:00+08:00');

  it('when a crew member names the boss by nickname and another by full name at one estate, then the crew head is read either way (龚胖子, 龚德成的班, 何建新木工班, 向老四)', () => {
    expect(read('山水名苑3期模板班的，龚胖子带的，一分钱没见到').bosses).toEqual(['龚']);
    expect(read('我们跟的是龚德成的木工班，欠了三个月').bosses).toEqual(['龚德成']);
    expect(read('阳光城B区何建新木工班，拖了我们四个月').bosses).toEqual(['何建新']);
    expect(read('包工头向老四欠我们砌墙的钱').bosses).toEqual(['向']);
    expect(read('我要投诉梁国富，他欠我工钱').bosses).toEqual(['梁国富']);
    expect(read('外墙喷漆的曾凡林老板欠我一万二').bosses).toEqual(['曾凡林']);
    // 总共 and 总额 are no boss called 单 or 解.
    expect(read('按结算单总共三万，据了解总额更多').bosses).toEqual([]);
  });

  it('when a business stands inside an industrial park or after a verb, then its name is read without them; a business named as a landmark is not read', () => {
    expect(read('漳江工业园华兴电子厂9月工资没发').employerKeys).toEqual(['华兴']);
    expect(read('我找祥瑞达公司要钱，他们不给').employerKeys).toEqual(['祥瑞达']);
    expect(read('漳江工业园宏达纸箱厂，就在华兴电子厂隔壁，10月工资没发').employerKeys).toEqual(['宏达纸箱']);
  });

  it('when a worker says which township they come from, then that is not where the work is', () => {
    const s = read('我叫刘海生，陬市镇人，在山水名苑做支模木工', { area: '陬市镇' });
    expect(s.area).toBeNull();
    expect(s.places).toEqual([]);
    expect(read('在浔阳街道桃花源路的川味小厨做事').places).toEqual(['浔阳街道']);
  });

  it('when names are written with sound-alike characters, then the text still finds the case by them (金鼎花庭 for 金鼎华庭, 祥瑞大 for 祥瑞达)', () => {
    const known = read('湖南祥瑞达建筑工程有限公司承建的陬市镇金鼎华庭小区，欠架子工工资', { area: '陬市镇' });
    const terse = read('金鼎花庭 祥瑞大 架子工钱 一直拖 肖老板人都找不到');
    const found = withNamesFrom(terse, '金鼎花庭 祥瑞大 架子工钱 一直拖 肖老板人都找不到', [known], lex);
    // (kept as this text writes them: a name alike only by sound is weighed as such)
    expect(found.employerKeys).toContain('祥瑞大');
    expect(found.projectKeys).toContain('金鼎花庭小区');
    expect(joins(found, known)).toBe(true);
  });

  it('when a site is named only in passing (锦绣家园那个三期) or a firm by its short name, then the open case known by it is found in the text; not inside a person’s name', () => {
    const known = read('浔阳街道锦绣家园小区外墙，彭老板包的，欠我们5万', { area: '浔阳街道' });
    const text = '我在锦绣家园那个三期刷外墙，老板彭志高，浔阳街道的';
    const found = withNamesFrom(read(text, { area: '浔阳街道' }), text, [known], lex);
    expect(found.projectKeys).toContain('锦绣家园小区');
    expect(joins(found, known)).toBe(true);
    const shop = read('郑家驿镇永兴石材厂欠我工资');
    expect(withNamesFrom(read('我在郑家驿给谭永兴开车'), '我在郑家驿给谭永兴开车', [shop], lex).employerKeys).toEqual([]);
  });

  it('when one estate is called by its phase (三期) and by its block (C区), then it is one site; two phases numbered alike are two sites', () => {
    // As triage gives the project.
    const third = read('阳光城三期木工，包工头何建新欠钱', { area: '三阳港镇', project: '阳光城三期' });
    const block = read('阳光城C区何建新的木工班欠我们钱', { area: '三阳港镇', project: '阳光城C区' });
    const first = read('阳光城一期木工，何老板欠钱', { area: '三阳港镇', project: '阳光城一期' });
    expect(third.phases).toEqual(['期3']);
    expect(block.phases).toEqual(['区C']);
    expect(compareSignals(block, third).reasons).toContain('同一工地');
    expect(compareSignals(first, third).reasons).not.toContain('同一工地');
  });

  it('when a crew of another head and another trade works the same estate for the same main contractor, then it is not the same case', () => {
    const carpenters = read('浔阳街道山水名苑三期，华泰建设的工地，包工头龚德成的木工班欠我们工钱', { area: '浔阳街道' });
    const electricians = read('我在浔阳街道山水名苑做水电安装，是华泰建设的工地，水电是邓国辉包的', { area: '浔阳街道' });
    expect(joins(electricians, carpenters)).toBe(false);
  });

  it('when one boss owes two crews at two sites of one township, then they are two cases', () => {
    const clinic = read('杨溪桥镇卫生院新楼，包工头曾国华欠我们泥工工钱', { area: '杨溪桥镇' });
    const school = read('杨溪桥镇中学宿舍楼，曾国华包的泥工，欠我工钱', { area: '杨溪桥镇' });
    expect(clinic.projectKeys).toContain('杨溪桥卫生院');
    expect(school.projectKeys).toContain('杨溪桥中学');
    expect(joins(school, clinic)).toBe(false);
  });

  it('when two shops of one chain, or two businesses of one township and trade, are named, then they are two cases', () => {
    const east = read('漳江街道佳惠超市城东店拖了收银员两个月工资', { area: '漳江街道' });
    const west = read('漳江街道佳惠超市城西店拖欠理货员工资', { area: '漳江街道' });
    expect(joins(west, east)).toBe(false);
    const hotel = read('热市镇云顶温泉酒店拖欠服务员工资三个月', { area: '热市镇' });
    const inn = read('热市镇金汤温泉宾馆欠我服务员工资两个月', { area: '热市镇' });
    expect(joins(inn, hotel)).toBe(false);
  });

  it('when a question about an earlier complaint comes from a phone or a name in exactly one open case, then it belongs there', () => {
    const earlier = read('我叫邝红梅，在盘塘镇锦华制衣厂做车位，欠我9月工资', { senderPhone: '13900007701' });
    const byPhone = read('我前几天打过电话，钢筋工钱的事还没人管', { senderPhone: '13900007701' });
    const byName = read('我是邝红梅，上个月反映过的事现在有进展吗');
    const other = read('盘塘镇红旗鞋厂欠我工资', { senderPhone: '13900007702' });
    for (const asking of [byPhone, byName]) {
      const scored = [earlier, other].map((entry) => ({ entry, evidence: compareSignals(asking, entry) }));
      expect(decideFollowUp(scored, () => false).join?.entry).toBe(earlier);
    }
    // The same question without a phone or name that a case holds stays apart.
    const nobody = read('我上次反映的工资怎么样了');
    expect(decideFollowUp([{ entry: earlier, evidence: compareSignals(nobody, earlier) }], () => false).join).toBeNull();
  });

  it('when a complaint names no months and no earlier time, then a case whose months are long past fits it less than a current one', () => {
    const now = read('盘塘镇锦华制衣厂两个多月工资没发，我九千', { area: '盘塘镇' });
    const lastYear = read('盘塘镇锦华制衣厂去年11月12月的工资一直没给', { area: '盘塘镇' });
    const thisYear = read('盘塘镇锦华制衣厂8月9月工资没发', { area: '盘塘镇' });
    expect(compareSignals(now, thisYear).score).toBeGreaterThan(compareSignals(now, lastYear).score);
    expect(read('我去年在锦华制衣厂做的，两个月工资没给').recent).toBeNull();
  });

  it('when keys name only a kind of place (火锅, 人民医院), then they say what, not which: no merge on them alone', () => {
    expect(isKindOnly('火锅')).toBe(true);
    expect(isKindOnly('县人民医院')).toBe(true);
    expect(isKindOnly('蜀香园火锅')).toBe(false);
    expect(sitesApart('杨溪桥卫生院', '杨溪桥中学')).toBe(true);
    expect(sitesApart('城北农贸市场改造', '城北菜市')).toBe(false);
    expect(branchesApart('佳惠超市城东', '佳惠超市城西')).toBe(true);
    expect(branchesApart('佳惠超市', '佳惠超市城西')).toBe(false);
    const anyHotpot = read('浔阳街道一个火锅店欠我服务员工资', { area: '浔阳街道' });
    const named = read('浔阳街道蜀香园火锅欠服务员工资', { area: '浔阳街道' });
    expect(joins(anyHotpot, named)).toBe(false);
  });
});
