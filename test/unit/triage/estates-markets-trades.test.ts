import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('projects: estates, roads and bridges by their own kind of name', () => {
  it('when an estate ends in 苑, 府 or 名都, then the estate', () => {
    expect(read('在漳江街道翠竹苑做水电，包工头欠我两万').project).toBe('翠竹苑');
    expect(read('我们在浔阳街道金城御府搞外墙，老板欠我们三万').project).toBe('金城御府');
    expect(read('在盛世名都做木工，欠了五个月').project).toBe('盛世名都');
  });

  it('when 政府 is named, then no estate', () => {
    expect(read('在镇政府旁边的饭店做服务员，老板欠我两个月工资').project).toBeNull();
  });

  it('when a road, bridge or link road is built by name, then that', () => {
    expect(read('在郑家驿镇修桃郑公路，老板欠我们三万').project).toBe('桃郑公路');
    expect(read('在沅水二桥引桥上做钢筋，包工头欠了两个月').project).toBe('沅水二桥引桥');
  });
});

describe('places: markets and food streets of the town named', () => {
  it('when a market or food street follows the town, then both', () => {
    expect(read('在县城菜市场帮卖鱼的老板杀鱼，欠我两个月工钱').location).toBe('县城菜市场');
    expect(read('在陬市镇农贸市场帮人卖肉，欠我三千').location).toBe('陬市镇农贸市场');
  });
});

describe('sectors of trades named by their work', () => {
  it('when street cleaners, foot therapists or hourly housekeepers are owed, then services', () => {
    expect(read('我们是镇上的环卫工，扫街的，公司欠了三个月').sector).toBe('services');
    expect(read('在足道店做技师，老板每个月只发一半').sector).toBe('services');
    expect(read('帮一户人家做钟点工，一个钟头二十块，上个月的钱冇给').sector).toBe('services');
  });

  it('when a stall is minded or meat is sold for a boss, then individual business', () => {
    expect(read('夜市那个水果摊，我帮老板守摊子两个月，冇给钱').sector).toBe('individual_business');
  });

  it('when trees are felled or bamboo shoots dug, then agriculture', () => {
    expect(read('在山上帮人砍杉树，按吨算，一吨一百，工钱冇给').sector).toBe('agriculture');
    expect(read('在山上帮人挖笋，做了十天一天一百五，冇给').sector).toBe('agriculture');
  });

  it('when a house is built (做屋), then construction', () => {
    expect(read('盘塘镇 做屋 老板黄德欠我六千').sector).toBe('construction');
  });
});
