import { compareSignals } from '../../src/domain/case-matching';
import { joins, signalsReader } from '../support/signals';

const read = signalsReader('2026-12-05T10:00:00+08:00');

describe('case matching: where the work was, however it is told', () => {
  it('when a road is named by the first characters of two townships (漆热公路), then it lies in both', () => {
    expect(read('常德通达路桥工程有限公司拖欠农民工工资，漆热公路，二十六万').places).toEqual(
      expect.arrayContaining(['漆家河镇', '热市镇']),
    );
  });

  it('when one company works a road between two townships and a bridge in a third, then the two are not one case', () => {
    const road = read('常德通达路桥工程有限公司拖欠农民工工资，漆热公路，二十六万', { employer: '常德通达路桥工程有限公司' });
    const bridge = read('常德通达路桥在黄石镇修的那座桥，我们做桥面的，十月十一月工资冇发', { employer: '常德通达路桥', area: '黄石镇' });
    expect(compareSignals(bridge, road).veto).toBe('other_township');
  });

  it('when a company is a road-and-bridge firm (通达路桥), then its name holds no street', () => {
    expect(read('常德通达路桥拖欠工资').streets ?? []).toEqual([]);
    expect(read('漆热公路在搞提质改造').streets ?? []).toEqual([]);
  });

  it('when the workers say where they are from (我们都是盘塘沙坪这边的), then that is no place of the work', () => {
    expect(read('我们是锦华江南三期做木工的班组，还差二十八万。我们都是盘塘沙坪这边的，眼看要过年了').places).toEqual([]);
  });
});

describe('case matching: the business and the boss, told short', () => {
  it('when a title follows a word that ends in a surname character (厨房师傅), then no boss is read', () => {
    expect(read('汤泉阁的厨房师傅 十月十一月的工资都冇发').bosses).toEqual([]);
  });

  it('when a complaint names a business by the start of its name and no business of its own, then it is that business', () => {
    const k = read('热市镇汤泉阁温泉酒店欠员工两个月工资，二十几个人', { employer: '汤泉阁温泉酒店', area: '热市镇' });
    const c = read('汤泉阁的厨房师傅 十月十一月的工资都冇发 一个月六千', { project: '汤泉阁' });
    expect(joins(c, k)).toBe(true);
  });

  it('when two workers write the boss’s full name alike, then that alone joins them', () => {
    const k = read('锦华江南三期做木工的班组，老板邹国强，十四个人工钱一分冇结', { area: '漳江街道' });
    expect(joins(read('我也是邹国强那个班子的，我一个人就还差两万一千多'), k)).toBe(true);
  });

  it('when one boss has two crews at two named sites, then his name does not join them', () => {
    const k = read('杨溪桥镇卫生院新楼，包工头曾国明欠我们泥工工钱，6到8月', { area: '杨溪桥镇' });
    const c = read('杨溪桥中学新宿舍楼，曾国明包的泥工，欠我工钱七千五，7月到8月', { area: '杨溪桥镇' });
    expect(joins(c, k)).toBe(false);
  });
});

describe('case matching: a kind of workplace, a surname and a township', () => {
  it('when both tell the same kind of workplace in one township and a boss of one surname, then they join', () => {
    const k = read('漆家河那个养猪场，老板姓彭，我们三个喂猪的，半年多冇发工资哒', { area: '漆家河镇' });
    const c = read('我在漆家河彭家冲猪场做事，老板彭满春，五月份到现在冇发一分钱', { area: '漆家河镇' });
    expect(joins(c, k)).toBe(true);
    const school = read('理公港镇中心小学食堂，承包的鲁老板欠我们三个厨工工资', { area: '理公港镇' });
    expect(joins(read('理公港小学食堂，我做饭的，老板鲁志明欠我七千五', { area: '理公港镇' }), school)).toBe(true);
  });

  it('when the kind of workplace differs, then a surname and a township do not join them', () => {
    const k = read('漆家河那个养猪场，老板姓彭，我们三个喂猪的，半年多冇发工资哒', { area: '漆家河镇' });
    expect(joins(read('漆家河镇的茶厂，彭老板欠我们炒茶的工钱', { area: '漆家河镇' }), k)).toBe(false);
  });

  it('when the bosses’ full names differ, then the same kind of workplace does not join them', () => {
    const k = read('双溪口镇山上砍树的，老板龙长根，欠我们四个人两个月工钱', { area: '双溪口镇' });
    expect(joins(read('在双溪口砍树，老板叫龙国富，一万一冇给', { area: '双溪口镇' }), k)).toBe(false);
  });
});

describe('case matching: follow-ups told with little', () => {
  it('when a time word stands before 厂 (今天厂里讲), then it is no business name', () => {
    expect(read('锦程纺织的事有结果冇？今天厂里讲年前只能发一个月').employerKeys).toEqual(['锦程纺织']);
  });

  it('when a school canteen is named alike and the guessed sectors differ, then the named site still joins them', () => {
    const k = read('架桥镇中学食堂是外面老板承包的，姓郭，欠我们食堂五个工人九月到十一月的工资', { area: '架桥镇', sector: 'services' });
    const c = read('架桥中学那个食堂的工资还冇发，学校讲是承包老板的事', { area: '架桥镇', sector: 'education' });
    expect(joins(c, k)).toBe(true);
  });
});

describe('case matching: a builder’s crews', () => {
  it('when one builder is named by carpenters and by plasterers, then the two trades are two crews', () => {
    const k = read('恒兴建设欠我们木工钱 漳江那个楼盘 到底有冇人管', { employer: '恒兴建设', sector: 'construction', area: '漳江街道' });
    const c = read('我在漳江街道那个恒兴建设的工地上做泥工，就是贴砖抹灰的，包工头姓唐，欠我工钱', {
      employer: '恒兴建设',
      sector: 'construction',
      area: '漳江街道',
    });
    expect(joins(c, k)).toBe(false);
    expect(compareSignals(c, k).score).toBeGreaterThanOrEqual(1.5); // still offered as a possible duplicate
  });
});

describe('case matching: short messages that start with the boss', () => {
  it('when a message starts with the boss’s full name and what he owes or said, then it joins his case', () => {
    const k = read('我老公在盘塘学校工地扎钢筋，跟胡德中做的，到现在工钱冇拿到', { area: '盘塘镇' });
    expect(read('胡德中的钱还是冇到，马上过年哒').bosses).toEqual(['胡德中']);
    expect(joins(read('胡德中的钱还是冇到，马上过年哒'), k)).toBe(true);
    expect(read('唐建国讲元旦前把钱给我们，元旦都过哒').bosses).toEqual(['唐建国']);
  });

  it('when a message starts with a surname and a nickname (胡四爷讲…), then the surname is the boss', () => {
    expect(read('胡四爷讲那边结了账就给，鬼信').bosses).toEqual(['胡']);
  });
});

describe('case matching: names on forms, heard surnames and places inside names', () => {
  it('when a form gives the boss with his role in brackets (覃和平（钢筋班组负责人）), then he is the boss', () => {
    expect(read('被投诉单位：覃和安（钢筋班组负责人）；项目名称：理公港镇枫树溪大桥工程').bosses).toEqual(['覃和安']);
  });

  it('when a township’s short name runs on into another place’s name (枫树溪大桥), then the whole is the site and no township', () => {
    const s = read('理公港镇枫树溪大桥工地，钢筋班覃老板欠我们工钱');
    expect(s.projectKeys).toContain('枫树溪大桥');
    expect(s.places).toEqual(['理公港镇']);
  });

  it('when two surnames sound alike (覃老板 / 秦老板), then they may be one boss', () => {
    const k = read('理公港镇枫树溪大桥工地，钢筋班覃老板欠我们八月份到十一月份的工钱', { area: '理公港镇' });
    const c = read('我爸在理公港修桥，包工头姓秦，做钢筋的', { area: '理公港镇' });
    expect(compareSignals(c, k).reasons).toContain('老板同姓');
  });
});

describe('case matching: one name in two trades', () => {
  it('when a logistics firm and a shoe factory share a name (锦华物流, 锦华鞋业), then they are two businesses', () => {
    const factory = read('陬市锦华鞋业欠我们两个月工资，十月十一月，五十多个人', { employer: '湖南锦华鞋业有限公司', area: '陬市镇' });
    const haulier = read('陬市的锦华物流欠我两个月工资，我是开货车的，10月11月都冇发', { employer: '锦华物流', area: '陬市镇' });
    expect(factory.employerKinds).toEqual(['鞋']);
    expect(haulier.employerKinds).toEqual(['物流']);
    expect(joins(haulier, factory)).toBe(false);
  });

  it('when the same factory is named with and without its trade (锦华鞋业, 锦华公司), then the name still joins them', () => {
    const factory = read('陬市锦华鞋业欠我们两个月工资，十月十一月', { employer: '湖南锦华鞋业有限公司', area: '陬市镇' });
    const worker = read('锦华公司十月十一月的工资冇发，我在车间做鞋面', { employer: '锦华公司', area: '陬市镇' });
    expect(joins(worker, factory)).toBe(true);
  });
});
