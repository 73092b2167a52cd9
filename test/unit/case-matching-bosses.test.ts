import { compareSignals, decideMatch } from '../../src/domain/case-matching';
import { signalBuckets } from '../../src/domain/case-buckets';
import { joins, signalsReader } from '../support/signals';

const read = signalsReader('2026-11-20T10:00:00+08:00');

describe('case matching: the boss however workers name him', () => {
  it('when a surname is a homophone of another with the same given name (宫建华 / 龚建华), then it is one boss', () => {
    const a = read('沙坪镇安置小区泥工班组，包工头龚建华欠我们15个人工资', { area: '沙坪镇' });
    const b = read('本人在沙坪镇安置小区砌砖，老板宫建华欠我工资23400元', { area: '沙坪镇' });
    expect(joins(b, a)).toBe(true);
    // Both are filed under the given name's sound, so the case is among the complaint's candidates.
    expect(signalBuckets(a).filter((x) => signalBuckets(b).includes(x))).toContain('n:jian-hua');
  });

  it('when the boss is called by a character of his given name (栋哥, 小军), then that counts toward his case, and says nothing against another', () => {
    expect(read('包工头栋哥欠他两万七').bosses).toEqual(['~栋']);
    expect(read('包工头叫小军，欠他两万多').bosses).toEqual(['~军']);
    expect(read('包工头周哥欠我钱').bosses).toEqual(['周']); // 周 is a surname: 周哥 is Mr Zhou
    const k = read('三阳港镇修路，包工头谭小军欠我们18个人工资，做边沟的', { area: '三阳港镇' });
    const withGiven = compareSignals(read('我爸在三阳港修路，包工头叫小军，欠他两万多', { area: '三阳港镇' }), k);
    const without = compareSignals(read('我爸在三阳港修路，欠他两万多', { area: '三阳港镇' }), k);
    expect(withGiven.score).toBeGreaterThan(without.score);
    expect(withGiven.reasons).toContain('老板同姓');
    expect(compareSignals(read('包工头叫小军，欠他两万多'), read('包工头栋哥欠他钱')).score).toBeGreaterThanOrEqual(0);
  });

  it('when the operator asks who owes and the caller names him in the next turn, then he is a boss; the caller’s own name is not', () => {
    const call = read('坐席：您好。\n来电人：陬市那个安置房，龚胡子欠我钱。\n坐席：真名知道吗？\n来电人：好像是叫龚建华。');
    expect(call.bosses).toContain('龚建华');
    const school = read('坐席：负责人是谁？\n来电人：熊校长，熊丽。');
    expect(school.bosses).toEqual(expect.arrayContaining(['熊', '熊丽']));
    expect(read('坐席：您叫什么名字？\n来电人：刘明亮。').bosses).toEqual([]);
  });

  it('when a person named in full stands right before what he owes (周国栋（外号周胖子）欠我), then he is the boss', () => {
    expect(read('我叫覃小兵，是钢筋工，周国栋（外号周胖子）欠我工钱24600元。', { senderName: '覃小兵' }).bosses).toEqual(['周国栋']);
    expect(read('我们老板欠我工资').bosses).toEqual([]);
  });

  it('when a title names the one who owes (站长姓贺, 熊校长, 谭某, 邓四), then the surname is the boss', () => {
    expect(read('我是送外卖的，站长姓贺，11月份的钱一直冇结').bosses).toEqual(['贺']);
    expect(read('启航的熊校长欠我工资').bosses).toEqual(['熊']);
    expect(read('劳务包头谭某欠我工资18600元').bosses).toEqual(['谭']);
    expect(read('老板是个女的姓钟。').bosses).toEqual(['钟']);
  });

  it('when a pay word stands before a business word (的工钱合作社), then it is no business name', () => {
    expect(read('在翠峰茶叶合作社采茶，今年的工钱合作社一直拖着').employerKeys).not.toContain('工钱');
  });
});

describe('case matching: the business however the caller names it', () => {
  it('when a caller says what kind of place and then its name (电子厂，叫湘涛 / 砖厂，红达还是宏达), then the name is a key', () => {
    expect(read('坐席：您好。\n来电人：工业园的电子厂，叫湘涛，拖我两个月工资。').employerKeys).toContain('湘涛');
    expect(read('剪市那个砖厂，红达还是宏达，欠我们工资。').employerKeys).toEqual(expect.arrayContaining(['红达', '宏达']));
    expect(read('县城这个站，骑速的。').employerKeys).toContain('骑速');
    expect(read('那个厂，老板欠工资。').employerKeys).toEqual([]);
  });

  it('when a township, the county seat or a pointing word stands in a name, then the key leaves it out', () => {
    expect(read('我是外卖骑手，县城骑速站欠我11月的钱。').employerKeys).toEqual(['骑速']);
    expect(read('泓源水利三阳港堤防项目欠工资').employerKeys).toEqual(['泓源']);
    expect(read('泓源水利三阳港堤防项目欠工资').projectKeys.join()).not.toContain('三阳港');
    expect(read('路通路桥的项目', { project: '那条路改造工程' }).projectKeys).not.toContain('那条路改造');
  });

  it('when a name says only what kind of business (环卫公司), then it counts neither for nor against a named one', () => {
    const named = read('城洁环境服务公司拖欠环卫工10月11月工资');
    const kind = compareSignals(read('我妈在县城扫大街，环卫公司两个月冇发工资', { employer: '环卫公司' }), named);
    expect(kind.score).toBeGreaterThanOrEqual(0);
  });
});

describe('case matching: what the call and the works say', () => {
  it('when the caller denies the operator’s guess (是修黄甲铺公路那个谭老板吗？ 那我不晓得), then the guess is not the complaint’s', () => {
    const call = read(
      '坐席：您好。\n来电人：我在三阳港河堤上做事，老板姓谭，欠我钱。\n坐席：是修黄甲铺公路那个谭老板吗？\n来电人：那我不晓得，我们这是修堤的。',
    );
    expect(call.places).toEqual(['三阳港镇']);
    const confirmed = read('坐席：您好。\n来电人：启航的熊校长欠我工资。\n坐席：是漳江北路的启航教育吗？\n来电人：是的。');
    expect(confirmed.places).toEqual(['漳江街道']);
  });

  it('when road works are told as 修路, 修公路 or 路改造 with the boss’s surname in the township, then they are one case', () => {
    const k = read('黄甲铺到茶庵铺那条路改造工程，路通路桥的项目，包工头谭小军拖欠我们18个人工资', { area: '黄甲铺镇' });
    expect(joins(read('我是黄甲铺的，在那条修路的搞小工，谭老板欠我一万零八百块', { area: '黄甲铺镇' }), k)).toBe(true);
    // The same surname in the township on other works is not enough.
    expect(joins(read('我在黄甲铺敬老院做泥工，谭老板欠我一万', { area: '黄甲铺镇' }), k)).toBe(false);
  });

  it('when the other case fitting as well holds only the same worker, then the complaint joins the case it names', () => {
    const named = { entry: 'named', evidence: { score: 3, reasons: ['同一单位'], anchored: true, veto: null, samePerson: false } };
    const phone = { entry: 'phone', evidence: { score: 3, reasons: ['电话相同'], anchored: true, veto: null, samePerson: true } };
    expect(decideMatch([named, phone], () => false).join?.entry).toBe('named');
    expect(decideMatch([phone, named], () => false).join?.entry).toBe('named');
    const other = { entry: 'other', evidence: { score: 3, reasons: ['同一单位'], anchored: true, veto: null, samePerson: false } };
    expect(decideMatch([named, other], () => false).join).toBeNull();
  });
});

describe('case matching: shops by their street', () => {
  it('when one shop is named with its street before or after (人民路桃嫂粉店 / 桃嫂米粉人民路店), then it is one shop on one street', () => {
    const a = read('桃嫂米粉人民路店老板娘罗美华欠我两个月工资五千六');
    const b = read('人民路桃嫂粉店欠洗碗工工资，老板娘姓罗');
    expect(a.streets).toEqual(['人民路']);
    expect(a.employerKeys).toEqual(['桃嫂米粉']);
    expect(joins(b, a)).toBe(true);
  });

  it('when two shops of one name are on two streets, then they count apart; a boss who ran (跑路) names no street', () => {
    const a = read('桃嫂米粉人民路店欠我工资');
    const b = read('桃嫂米粉建设路店欠我工资');
    expect(compareSignals(b, a).score).toBeLessThan(compareSignals(read('桃嫂米粉人民路店欠我三千'), a).score);
    expect(read('起航培训跑路了，就在漳江北路那个').streets).toEqual(['江北路']);
  });
});

describe('case matching: a business is not a site that sounds like it, and paid months are not owed', () => {
  it('when a month range is said to have been paid (上次七八月的…才发的), then only the months now owed count', () => {
    const later = read('湘桃电子又来哒 上次七八月的是劳动局出面才发的 这回十一月十二月两个月又拖起');
    expect(later.periods).toHaveLength(1);
    const earlier = read('工业园湘桃电子 七月八月的工资到现在冇发');
    expect(compareSignals(later, earlier).veto).toBe('other_period');
  });

  it('when a garment factory and a plaza sound alike (湘韵服饰 / 湘运广场), then they are not one case', () => {
    const factory = read('观音寺镇湘韵服饰 拖欠工资 九月十月 计件的');
    const plaza = read('湘运广场消防安装 喷淋管道 老板邹明欠我一万三');
    expect(joins(plaza, factory)).toBe(false);
  });
});

describe('case matching: roads between townships and bosses named in passing', () => {
  it('when a road is told by its two townships or by its short name (郑家驿到茶庵铺那条路 / 郑茶公路), then it is one site', () => {
    expect(read('郑家驿到茶庵铺那条路提质改造 搞路面的 黄老板欠我们工钱').projectKeys).toContain('郑茶公路');
    expect(read('黄德明 包工头 欠薪 郑茶公路').projectKeys).toContain('郑茶公路');
  });

  it('when a boss is named before his title with a space, or by 强哥 right before what he owes, then he is a boss', () => {
    expect(read('黄德明 包工头 欠薪 郑茶公路').bosses).toEqual(['黄德明']);
    expect(read('职中新校区工地 强哥欠我杂工钱一万六').bosses).toEqual(['~强']);
  });
});

describe('case matching: another crew at one site, and short names across kinds', () => {
  it('when a facade painter names only the surname of the boss of the site’s carpenters, then they are not one case', () => {
    const carpenters = read('我是在县城锦华府做木工的，8月份做到11月底，老板刘建国一分钱冇结');
    const painters = read('我在锦华府做外墙，站吊篮刷真石漆的，老板姓刘，10月11月的工钱2万1冇给');
    expect(painters.trades).toEqual(expect.arrayContaining(['油漆', '外墙']));
    expect(joins(painters, carpenters)).toBe(false);
  });

  it('when a hotel’s two-character name lies inside an estate’s name (金樱酒店 / 金樱苑), then that is no site in common', () => {
    const estate = read('漳江街道金樱苑小区工地砌墙的 老板吴志明 9月到11月欠我们工钱');
    const hotel = read('你好 金樱酒店的工资还冇发 前面反映过 酒店说停业期间冇钱');
    expect(compareSignals(hotel, estate).reasons).not.toContain('同一工地');
  });
});

describe('case matching: whose surname, and a farm by its brand', () => {
  it('when the caller gives their own surname to 您贵姓, then it is no boss; a boss called 张哥 is 张', () => {
    const call = read('坐席：请问您贵姓，欠多少？\n来电人：姓胡，胡新明，两万四千八。', { employer: '张哥' });
    expect(call.bosses).toEqual(['张']);
  });

  it('when a township stands before a farm (黄甲铺养猪场), then the township is no boss; one farm told two ways is one employer', () => {
    expect(read('黄甲铺养猪场华哥欠我和我老倌两个人的工钱').bosses).not.toContain('黄甲铺');
    expect(read('黄甲铺兴隆养猪场喂猪的，老板王建国半年冇发工资哒').employerKeys).toEqual(
      read('黄甲铺镇，兴隆生猪养殖场，老板王老板').employerKeys,
    );
  });
});
