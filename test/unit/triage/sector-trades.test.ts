import { triageByRules } from '../../../src/triage/rule-triage';

const sector = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text }).sector;

describe('sector: crops and greenhouses are farm work', () => {
  it('when the work was growing or picking a crop, then agriculture', () => {
    expect(sector('我们在九溪镇帮人种草莓，一天一百，老板欠我们工钱')).toBe('agriculture');
    expect(sector('在大棚里帮人摘葡萄，老板欠我三千块工钱')).toBe('agriculture');
  });
});

describe('sector: building work on the premises of another trade', () => {
  it('when the speaker built or repaired a factory shed or a restaurant wall, then construction', () => {
    expect(sector('我在陬市镇帮老板修厂里的仓库，欠我工钱三千')).toBe('construction');
    expect(sector('给饭店砌围墙，老板欠我两千')).toBe('construction');
  });
});

describe('sector: the trade of the registered employer', () => {
  it('when a service company placed the worker at a school, then services', () => {
    expect(sector('我在学校做保洁，公司是常德净美保洁服务有限公司，欠我两个月工资')).toBe('services');
  });

  it('when the work was selling cars or advertising design, then other', () => {
    const cars = '坐席：请讲。\n来电人：我在县城一家4S店卖车，公司叫常德宏达汽车销售服务有限公司，欠我提成一万。';
    expect(sector(cars, 'hotline')).toBe('other');
    expect(sector('我在浔阳街道一家广告公司做设计，老板拖了我两个月工资')).toBe('other');
  });

  it('when a one-owner shop is not a registered company, then its own words decide', () => {
    expect(sector('我在好运来超市做收银，个体户开的，老板欠我两千')).toBe('individual_business');
  });
});

describe('sector: growing a crop named by itself', () => {
  it('when the work was planting or harvesting a crop (种辣椒, 收稻谷), then agriculture', () => {
    expect(sector('坐席：您好。\n来电人：我在盘塘镇跟一个老板种辣椒，一天一百，做了三十天，只给了一千。', 'hotline')).toBe('agriculture');
    expect(sector('帮人收稻谷做了十天，一天一百五，老板冇给')).toBe('agriculture');
  });
});

describe('sector: massage and foot care', () => {
  it('when the work was in a massage or foot-care shop, then services', () => {
    expect(sector('我老婆在浔阳街道一家按摩店上班，老板拖了她两个月工资，一个月三千二')).toBe('services');
    expect(sector('在县城的推拿店做技师，提成三千冇结')).toBe('services');
  });
});
