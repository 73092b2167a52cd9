import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('location: a building and floor the workplace is on', () => {
  it('when a business is said to be on a floor of a plaza or building, then that address, and no project', () => {
    const wechat = read('我在浔阳街道上班，步步高广场二楼的一家奶茶店，老板欠我工资三千');
    expect(wechat.location).toBe('步步高广场二楼');
    expect(wechat.project).toBeNull();
    const hotline = read('坐席：请讲。\n来电人：我在桃源大道金城大厦六楼那个培训机构当前台，欠了我两个月工资。', 'hotline');
    expect(hotline.location).toBe('桃源大道金城大厦六楼');
    expect(hotline.project).toBeNull();
  });
});

describe('location: an industrial park is a workplace, not a home', () => {
  it('when the speakers say they are "of" a park, then the park', () => {
    expect(read('我们是陬市工业园的，电子厂拖了我们两个月工资').location).toBe('陬市工业园');
    expect(read('我是漳江街道白马工业园的，在纸箱厂做，欠我工资四千').location).toBe('漳江街道白马工业园');
  });
});

describe('location: a finer place in the township just named', () => {
  it('when 镇里的 / 镇上的 names a village or park of that township, then the finer place', () => {
    expect(read('我们在九溪镇，就是镇里的青山村，帮人种烤烟，老板欠我们工钱').location).toBe('青山村');
    expect(read('我在观音寺镇打工，厂在镇上的金凤工业园里面，欠我三个月工资').location).toBe('金凤工业园');
  });

  it('when 就是 restates the place as a street, then the street, even one named after a city', () => {
    expect(read('店在漳江街道，就是长沙路上的一家面馆，老板欠我两千').location).toBe('长沙路');
  });

  it('when the workplace is at a crossing in the home township, then the crossing', () => {
    expect(read('我屋在龙潭镇，在镇上老街口那家饭店做帮厨，欠我工资三千').location).toBe('老街口');
    expect(read('我在长沙打工，老板欠我三千').location).toBe('长沙');
  });
});
