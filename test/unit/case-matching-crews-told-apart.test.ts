import { compareSignals } from '../../src/domain/case-matching';
import { ALL_WORKSHOPS, withNamesFrom } from '../../src/domain/case-signals';
import { SURNAMES } from '../../src/triage/lexicon/surnames';
import { TAOYUAN_TOWNSHIPS } from '../../src/triage/lexicon/taoyuan-gazetteer';
import { joins, signalsReader } from '../support/signals';

const read = signalsReader('2026-11-20T10:00:00+08:00');
const lex = { townships: TAOYUAN_TOWNSHIPS, surnames: SURNAMES };

describe('case matching: one crew told by each member in their own words', () => {
  it('when an estate is called by the township’s short name (漳江府二期), then it is one site, however it is told', () => {
    const written = read('你好，我们是漳江府二期做木工的，盛宏建设的工地。班组14个人，7月到10月的人工费一分都冇结', {
      project: '漳江府二期',
      area: '漳江街道',
    });
    expect(written.projectKeys).toContain('漳江府');
    const called = read('坐席：在哪里做的事？\n来电人：就是县城漳江街道那个漳江府，二期，我们是支模板的，带我们做的是个姓覃的包工头', {
      project: '漳江府',
      area: '漳江街道',
    });
    expect(compareSignals(called, written).reasons).toContain('同一工地');
    // (the township's government is no estate)
    expect(read('漳江街道办政府门口').projectKeys).not.toContain('漳江府');
  });

  it('when the boss is called by his surname and his place among brothers (覃老四带我们做的), then his surname counts', () => {
    expect(read('覃老四带我们做的那个活，漳江那个楼盘，四个月工钱冇拿到').bosses).toEqual(['覃']);
    expect(read('在县城新楼盘帮覃老四支模，一天350').bosses).toEqual(['覃']);
    // (养老三险 and 元老 are no nicknames)
    expect(read('厂里冇给我们买养老三险').bosses).toEqual([]);
  });

  it('when the caller gives their own surname in answer to 您贵姓, then it is not the boss’s, and 姓什么 names no one', () => {
    const call = read(
      '坐席：带你们的是谁？\n来电人：姓覃的包工头。\n坐席：好的，您贵姓，电话就是这个来电号码吗？\n来电人：姓向，就是这个号码。',
    );
    expect(call.bosses).toEqual(['覃']);
    expect(read('坐席：老板姓什么？\n来电人：姓向。').bosses).toEqual(['向']);
  });

  it('when one side names only a new estate (那个新楼盘), then that says nothing against the case’s named estate', () => {
    const k = read('漳江府二期木工班组，班组长覃建军，7月到10月的人工费冇结', { project: '漳江府二期', area: '漳江街道' });
    const c = read('覃老四带我们做的那个活，漳江那个楼盘，四个月工钱冇拿到', { area: '漳江街道' });
    const e = compareSignals(c, k);
    expect(e.score).toBeGreaterThan(0);
    expect(e.reasons).toEqual(expect.arrayContaining(['老板同姓', '同一乡镇']));
    expect(joins(c, k)).toBe(false); // a surname and a township alone are not enough to merge
  });
});

describe('case matching: one employer’s other crews and look-alike businesses', () => {
  it('when two workshops of one factory complain (针车车间, 成型车间), then they are two crews; a workshop spoken of as others’ is not the worker’s', () => {
    const sewing = read('陬市工业园湘沅鞋业针车车间，八月份九月份的工资到现在都冇发，四十来个人', { employer: '湘沅鞋业', area: '陬市镇' });
    const forming = read('我妈在陬市那个湘沅鞋厂上班，在成型车间上楦头的，10月份工资冇发。讲是针车车间的工人闹事', {
      employer: '湘沅鞋厂',
      area: '陬市镇',
    });
    expect(sewing.workshops).toEqual(['针车']);
    expect(forming.workshops).toEqual(['成型']);
    expect(joins(forming, sewing)).toBe(false);
    // 线束二车间 is the 线束 workshop
    expect(read('我是湘桃电子线束二车间主任').workshops).toEqual(['线束']);
    const again = read('湘沅鞋业成型车间十月份工资冇发，二十几个人', { employer: '湘沅鞋业', area: '陬市镇' });
    expect(joins(again, forming)).toBe(true);
  });

  it('when a complaint names a case’s workshop without 车间 (相元鞋业 针车 8 9月), then it is read as that workshop', () => {
    const sewing = read('湘沅鞋业针车车间8月9月工资冇发', { employer: '湘沅鞋业' });
    const terse = read('相元鞋业 针车 8 9月工资冇发 我的是8700');
    expect(terse.periods).toHaveLength(1);
    expect(withNamesFrom(terse, '相元鞋业 针车 8 9月工资冇发 我的是8700', [sewing], lex).workshops).toEqual(['针车']);
  });

  it('when months run across the new year (去年12月和今年1月, 12月跟1月), then they are read as one span', () => {
    const [span] = read('去年12月和今年1月两个月工资厂里讲年后打给我').periods;
    expect(span).toEqual({ from: 2025 * 12 + 11, to: 2026 * 12 });
    expect(read('年前那两个月的工资，12月跟1月的').periods).toEqual([{ from: 2025 * 12 + 11, to: 2026 * 12 }]);
    expect(read('他电话139 0000 6218').phones).toHaveLength(1);
  });

  it('when two shops’ names sound alike but are written apart and each has its own boss, then they are two businesses', () => {
    const deng = read('青林路湘里人家土菜馆 邓老板 10月中旬关门跑路 我9月到10月半的工资四千五冇给', { employer: '湘里人家土菜馆' });
    const gong = read('我在青林路那家乡里人家农家菜做服务员，老板娘龚姐，10月份工资2800冇发', { employer: '乡里人家农家菜' });
    const heard = withNamesFrom(gong, '我在青林路那家乡里人家农家菜做服务员，老板娘龚姐，10月份工资2800冇发', [deng], lex);
    expect(heard.employerKeys).not.toContain('湘里人家'); // kept as this text writes it
    expect(joins(heard, deng)).toBe(false);
    // a street named after a township is taken out whole, not left as 路湘里人家
    expect(deng.employerKeys).toContain('湘里人家');
  });

  it('when a name is said and taken back (湘里人家，哦不是，乡里人家), then the case known by it is not found in the text', () => {
    const deng = read('青林路湘里人家土菜馆 邓老板 欠我工资', { employer: '湘里人家土菜馆' });
    const text = '坐席：您好，请讲。\n来电人：你好，我在青林路湘里人家，哦不是，乡里人家，炒菜的，老板娘姓龚。';
    expect(withNamesFrom(read(text), text, [deng], lex).employerKeys).not.toContain('湘里人家');
  });
});

describe('case matching: a whole factory, and months told of another crew', () => {
  it('when a worker of one workshop says the whole factory is unpaid (全厂都冇发), then any workshop’s complaint may join', () => {
    const whole = read('我在成型车间，陬市镇工业园的盛泓鞋业九月十月的都冇发，全厂都冇发，一百来号人', {
      employer: '盛泓鞋业',
      area: '陬市镇',
    });
    expect(whole.workshops).toEqual([ALL_WORKSHOPS]);
    const packing = read('陬市镇工业园盛宏鞋业有限公司拖欠工资。本人在包装车间工作，2026年9月至11月工资未发', {
      employer: '盛宏鞋业有限公司',
      area: '陬市镇',
    });
    expect(joins(packing, whole)).toBe(true);
  });

  it('when months are told of another crew (针车那边八九月的都还冇发), then they are not the speaker’s months; the employer’s side (厂里那边) is', () => {
    expect(read('我们成型车间10月份的工资冇发，针车那边八九月的都还冇发').periods).toEqual([{ from: 2026 * 12 + 9, to: 2026 * 12 + 9 }]);
    expect(read('厂里那边8月9月的工资冇发').periods).toEqual([{ from: 2026 * 12 + 7, to: 2026 * 12 + 8 }]);
    expect(read('称8、9两个月工资未发').periods).toEqual([{ from: 2026 * 12 + 7, to: 2026 * 12 + 8 }]);
  });

  it('when a record says which firm it is (涉事企业为常德湘沅鞋业有限公司), then the name starts after 为', () => {
    expect(read('经初步了解涉事企业为常德湘沅鞋业有限公司针车车间').employerKeys).toEqual(['湘沅']);
  });
});

describe('case matching: a crew’s boss and road however each member tells them', () => {
  it('when a road is told by two townships one after the other (陬市黄甲铺那条路), then it is the road between them', () => {
    expect(read('我在陬市黄甲铺那条路上做小工 搬石头拌砂浆').projectKeys).toContain('陬黄公路');
    expect(read('就是陬市到黄甲铺那条路，在修的那条').projectKeys).toContain('陬黄公路');
  });

  it('when the boss is 老谢 who said or hired (老谢讲公司冇拨款), or named in answer to 哪个欠您钱, or as 负责人为…, then he is the boss', () => {
    expect(read('我们枫林村十几个人在修路砌石头 老谢讲公司冇拨款').bosses).toEqual(['谢']);
    expect(read('坐席：哪个欠您钱？\n来电人：老谢，谢志勇，我们跟他做的。').bosses).toEqual(expect.arrayContaining(['谢志勇']));
    expect(read('本人从事木工（模板）工作，劳务负责人为彭建华。').bosses).toEqual(['彭建华']);
    expect(read('我们跟随彭建华（人称彭胖子）在该项目做模板，共十八人').bosses).toContain('彭建华');
  });

  it('when the workers say where they live (家住龙潭镇、郑家驿镇等地), then those townships are not where the work is', () => {
    const s = read('我们是翡翠湾二期木工班组的工人，家住龙潭镇、郑家驿镇等地。', { area: '郑家驿镇' });
    expect(s.area).toBeNull();
    expect(s.places).toEqual([]);
  });
});

describe('case matching: months worked up to a month, and a township at the start of a message', () => {
  it('when months are told as worked (三月份做到七月份, 七八月的工资), then they are the months owed', () => {
    expect(read('三月份做到七月份，一天三百二').periods).toEqual([{ from: 2026 * 12 + 2, to: 2026 * 12 + 6 }]);
    expect(read('黄甲铺那个制衣厂 七八月的工资都冇发').periods).toEqual([{ from: 2026 * 12 + 6, to: 2026 * 12 + 7 }]);
  });

  it('when a message starts with a township (黄甲铺那个制衣厂), then it is not a boss', () => {
    expect(read('黄甲铺那个制衣厂 七八月的工资都冇发 钟总讲等货款回来').bosses).toEqual(['钟']);
  });
});
