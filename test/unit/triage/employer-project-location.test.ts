import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const triage = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('employer', () => {
  it('when a company is named, then the most specific organisation is the employer', () => {
    expect(triage('湖南远山建设有限公司桃源项目部欠我们人工费二十万').employer).toBe('湖南远山建设有限公司桃源项目部');
  });

  it('when a factory is named after a township, then the township is left out of the name', () => {
    const lead = triage('我在龙潭镇青松木业厂做了半年，厂里欠我工资九千');
    expect(lead.employer).toBe('青松木业厂');
    expect(lead.location).toBe('龙潭镇');
  });

  it('when only a trade word precedes the suffix, then it is not an employer', () => {
    expect(triage('在县城一个物流公司上班，老板叫范志远，欠我工资五千').employer).toBe('范志远');
  });

  it('when a contractor is named, then the person is the employer', () => {
    expect(triage('包工头柯国强跑路了，欠我们工钱三万').employer).toBe('柯国强');
  });

  it('when the boss is only known by surname, then the employer is X老板', () => {
    expect(triage('姓宁的老板在沙坪镇开了个砖厂，欠我工钱四千').employer).toBe('宁老板');
  });
});

describe('project', () => {
  it('when a site is named after the township, then the project is the site alone', () => {
    expect(triage('在三阳港镇滨湖花园二期工地做泥工，青云劳务队欠我工资1万').project).toBe('滨湖花园二期');
  });

  it('when only "a site" is mentioned, then there is no project', () => {
    expect(triage('在九溪镇一个工地做事，包工头欠我工钱八千').project).toBeNull();
  });
});

describe('location', () => {
  it('when the speaker names a home town and a place of work, then the place of work is taken', () => {
    expect(triage('我是茶庵铺镇的，在广东佛山南海区一个工厂做事，厂里欠我工资两万').location).toBe('广东佛山南海区');
  });

  it('when a township and village are written together, then both are kept', () => {
    expect(triage('在观音寺镇红星村修水渠，老板欠我工钱六千').location).toBe('观音寺镇红星村');
  });

  it('when a township is written short before 工业园, then the park is the location', () => {
    expect(triage('我们是陬市工业园那个宏光电子有限公司的工人，两个月冇发工资').location).toBe('陬市工业园');
  });

  it('when the place is outside the gazetteer, then a general 镇 pattern still finds it', () => {
    expect(triage('在溪口镇一个饭店洗碗，老板欠我工资三千').location).toBe('溪口镇');
  });
});

describe('employer, less literal wordings', () => {
  it('when a restaurant is named without a suffix, then the name is the employer', () => {
    expect(triage('我在武陵区的一家饭店叫湘味轩当服务员，老板欠我两个月工资').employer).toBe('湘味轩');
    expect(triage('在一家叫好滋味的餐馆洗碗，工钱一分没给').employer).toBe('好滋味');
    expect(triage('在老街坊土菜馆做了三个月厨师，工资冇发').employer).toBe('老街坊土菜馆');
  });

  it('when the role and the name are apart, then the name is still read', () => {
    expect(triage('包工头 邝大发 欠我 八千 做泥工的').employer).toBe('邝大发');
    expect(triage('包工头欠了我们工钱，叫卢建华，他跟湖南天成建设有限公司签的分包').employer).toBe('卢建华');
  });

  it('when workers were hired through an outsourcing firm, then the firm owes and the workplace is the project', () => {
    const lead = triage('我在县中医院做保洁，我们是外包给清源家政服务有限公司的，欠了两个月工资');
    expect(lead.employer).toBe('清源家政服务有限公司');
    expect(lead.project).toBe('县中医院');
  });

  it('when a shop-type suffix like 网点, 站点, 客栈, KTV or 托管班 ends the name, then it is an organisation', () => {
    expect(triage('我在神行快递网点做派件员，老板叫莫小平，上个月的冇发').employer).toBe('神行快递网点');
    expect(triage('我在星光KTV当服务员，欠我工资三千').employer).toBe('星光KTV');
  });
});

describe('project and location, less literal wordings', () => {
  it('when the site is named after 修那个, then it is the project', () => {
    expect(triage('包工头在理公港镇修那个村级文化广场工程，我做了两个月小工，还差八千冇给').project).toBe('村级文化广场工程');
    expect(triage('在凌津滩镇修那个凌津滩渡口码头，欠我工钱六千').project).toBe('凌津滩渡口码头');
  });

  it('when 花园 or 新村 belongs to a village name, or only a factory building is meant, then there is no project', () => {
    expect(triage('在黄甲铺镇花园村给人家盖民房，包工头欠我七千').project).toBeNull();
    expect(triage('在宁波一个厂房工地做焊工，包工头欠我工钱一万').project).toBeNull();
  });

  it('when the caller takes a place back, then the corrected place is the location', () => {
    expect(triage('我在陬市镇，哦不是，是在三阳港镇的防洪堤工程做事，欠了四个月').location).toBe('三阳港镇');
  });

  it('when the work is "就在乡里" of the home township, then the home township is the location', () => {
    expect(triage('我是牛车河乡的，就在乡里的卫生院改造工程做事，工钱冇结').location).toBe('牛车河乡');
  });

  it('when a road is followed by 那边, then the road stays in the location', () => {
    expect(triage('我在陬市镇桃花路那边的锦绣华府工地做钢筋 还差我3万5冇结').location).toBe('陬市镇桃花路');
  });

  it('when a city and a district are both places of work, then the district wins', () => {
    expect(triage('我在常德打工，在武陵区的一个饭店做厨师，老板欠我三个月工资').location).toBe('武陵区');
  });

  it('when a township park has no name of its own, then the township and park are kept together', () => {
    expect(triage('陬市镇工业园的华新纺织有限公司已经三个月冇发工资了').location).toBe('陬市镇工业园');
  });
});
