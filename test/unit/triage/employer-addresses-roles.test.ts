import { triageByRules } from '../../../src/triage/rule-triage';

const lead = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });
const employer = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => lead(text, channel).employer;

describe('employer: business names around addresses, towns and registrations', () => {
  it('when the name follows a street address (…路168号鸿福茶楼), then the name without the address', () => {
    expect(employer('漳江街道沅江北路88号鸿运茶楼 我在里面做服务员 欠两个月工资')).toBe('鸿运茶楼');
  });

  it('when a name holds a word that elsewhere ends a name (丽都, 渔米之乡), then the whole name', () => {
    expect(employer('漳江街道丽都宾馆做服务员 老板姓柳 欠我两个月工资')).toBe('丽都宾馆');
    expect(employer('我在漳江街道的鱼米之乡餐馆当厨师，老板欠我三个月工资。')).toBe('鱼米之乡餐馆');
  });

  it('when a registered name starts with the county, then as registered; the county seat is no registration', () => {
    expect(employer('营业执照上写的是桃源县漳江街道美颜化妆品经营部 老板娘欠我两个月工资')).toBe('桃源县漳江街道美颜化妆品经营部');
    expect(lead('我在桃源县城沅水大酒店后厨做帮厨，最后一个月的工资三千二冇结').location).toBe('桃源县城');
  });

  it('when the name is given after the kind with a space (那家做电线的厂 叫兴旺线缆), then the name', () => {
    expect(employer('陬市镇工业集中区那家做电线的厂 叫兴盛线缆 欠我们车间十几个人一个月工资')).toBe('兴盛线缆');
  });

  it('when the operator asks only 叫什么名字 and the caller answers with the name, then that name', () => {
    const call = ['坐席：叫什么名字？', '来电人：申通达转运中心，欠我一个多月工资，七千。'].join('\n');
    expect(employer(call, 'hotline')).toBe('申通达转运中心');
  });

  it('when the worker says who he has no company (他冇得公司), then no company is read', () => {
    expect(employer('我们是跟着湖北来的张师傅做防水的 他冇得公司 就他一个人带几个人 他欠我四千八')).toBe('张师傅');
  });
});

describe('employer: bosses by role and surname', () => {
  it('when a boss is 肖总, 邹队长 or 杜老板 after a role word, then that boss', () => {
    expect(employer('恒祥名都工地 做电工 老板肖总欠我四万二')).toBe('肖总');
    expect(employer('我们十五个人在新疆摘棉花 带队的邹队长讲好一公斤一块二 钱都被他扣起不给')).toBe('邹队长');
    expect(employer('在长沙一个工地上做水电，包工头杜老板欠我两万')).toBe('杜老板');
  });

  it('when the house owner hired the workers himself (帮屋主罗某起屋), then the owner', () => {
    expect(employer('在新铺村帮屋主罗成山起屋 是他自己请的我们 冇得包工头 做了四十天')).toBe('罗成山');
    expect(employer('我是月嫂 在浔阳街道一户人家做了一个月 主家龙先生只给了四千')).toBe('龙先生');
  });

  it('when the speaker worked for someone at felling or cutting (帮付成砍杉树), then that person', () => {
    expect(employer('在漆家河镇山上帮付成军砍杉树 按吨算 工钱一分冇给')).toBe('付成军');
  });

  it('when a verb follows 老板 (帮老板安装窗帘), then it is no name', () => {
    expect(employer('在一个做窗帘的小店帮老板安装窗帘 个体户 老板叫蔡春花 欠我三个月工钱')).toBe('蔡春花');
  });
});

describe('category: adverts, future jobs and answered orders', () => {
  it('when a job advert gives a QQ number, then an advert', () => {
    expect(lead('招聘日结 手机兼职打字员 每天两百到五百 在家就能做 加QQ 34892712 详聊').category).toBe('invalid');
  });

  it('when the asker names a company they want to join, then a consultation', () => {
    expect(lead('在哪里可以查到一个公司有冇被列入拖欠工资的黑名单？我想去的那个公司不晓得靠不靠谱').category).toBe('consultation');
  });

  it('when the asker is known by the complaint they made (我是投诉…那个的), then a progress query', () => {
    const call = ['坐席：您好，请讲。', '来电人：上次你们讲劳动监察会约谈老板，约了冇？我是投诉佳美服饰那个的。'].join('\n');
    expect(lead(call, 'hotline').category).toBe('progress_query');
  });

  it('when commission was never reckoned (冇算给我), then wage arrears', () => {
    expect(lead('浔阳街道美丽人生美容会所 我做了八个月美容师 提成一共一万三千 一直冇算给我').category).toBe('wage_arrears');
  });
});
