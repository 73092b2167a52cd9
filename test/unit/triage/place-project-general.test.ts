import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('location: the most specific place as written', () => {
  it('when a township is followed by its old or main street, then both', () => {
    expect(read('我在九溪镇老街一家包子铺帮工，老板叫郁红梅，三个月冇给工资').location).toBe('九溪镇老街');
    expect(read('在茶庵铺镇正街的一个超市做收银，欠我两个月工资四千').location).toBe('茶庵铺镇正街');
  });

  it('when 县城 is followed by a street or township, then the finer place is kept with it', () => {
    expect(read('在县城浔阳街道一个小区做保安，物业公司欠我三个月工资').location).toContain('浔阳街道');
    expect(read('我在县城步行街一家鞋店上班，老板欠我两千八').location).toContain('步行街');
  });

  it('when an ethnic township is written in its short official form, then it is a place', () => {
    expect(read('我在青林回维乡一个养猪场做事，老板欠我半年工钱').location).toBe('青林回维乡');
    expect(read('枫树维回乡的一个砖厂，拖了我们三个月工资').location).toBe('枫树维回乡');
  });

  it('when the worker is from a village and works in the village, then the home village is the place', () => {
    expect(read('我是龙潭镇青山村的，在村里的茶厂做事，老板欠我三个月工钱').location).toBe('龙潭镇青山村');
    expect(read('我是架桥镇的，在镇上一个工地做小工，包工头欠我六千').location).toBe('架桥镇');
  });

  it('when a place is where the workers threaten to go, then it is not the place of work', () => {
    const text = '我们在浔阳街道这边做钢筋，二十多个人半年冇发工资，大家讲要去堵沅江大道';
    expect(read(text).location).toBe('浔阳街道');
    expect(read('漳江街道一个工地欠我们十几个人工钱，再不给就去拦桃花源大道').location).toBe('漳江街道');
  });

  it('when the only place is in a branch’s name, then the branch’s township', () => {
    expect(read('我在顺丰速运杨溪桥镇网点做快递员，网点拖了我两个月工资').location).toBe('杨溪桥镇');
    expect(read('我在闪送外卖陬市镇站跑单，站长欠我工资三千').location).toBe('陬市镇');
  });

  it('when a prefecture city follows its province, then both as written', () => {
    expect(read('在湖北恩施一个隧道工地做了半年，劳务老板欠我们十几个人五十多万').location).toBe('湖北恩施');
    expect(read('我在四川宜宾一个厂里做了三个月，厂里欠我工资一万二').location).toBe('四川宜宾');
  });

  it('when a named community follows its street, then the community', () => {
    expect(read('在漳江街道白洋河社区的一个小区做保洁，物业公司欠我两个月工资').location).toBe('漳江街道白洋河社区');
    expect(read('我在浔阳街道观音阁社区的一个饭店洗碗，老板欠我三千').location).toBe('浔阳街道观音阁社区');
  });

  it('when the work was outside the county, then the place as written, not where the workers came from', () => {
    const text = '我们是桃源去的木工，在湖北宜昌西陵区修医院的，老板叫石永年，欠我们八个人十二万';
    expect(read(text).location).toBe('湖北宜昌西陵区');
    expect(read('我们是桃源出去的，在广东佛山南海区一个家具厂做，厂里欠三个月工资').location).toBe('广东佛山南海区');
  });
});

describe('project: a site introduced and then named', () => {
  it('when the caller says the project or estate is called something, then that name', () => {
    expect(read('在漳江街道做外架，楼盘叫滨江一号，包工头欠我们十个人工钱二十万').project).toBe('滨江一号');
    expect(read('我们在长沙修学校，项目叫长沙县第九中学扩建工程，劳务老板叫严冬，欠我们五万').project).toBe('长沙县第九中学扩建工程');
  });

  it('when the name comes after a comma, then it is still the site’s name; a boss named after a site is not', () => {
    expect(read('在热市镇一个安置房项目做水电，叫温泉新村二期，老板欠我一万').project).toBe('温泉新村二期');
    expect(read('在陬市镇的工地上做事，工地老板叫章春来，欠我六千').project).toBeNull();
  });
});
