import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('project: a kind of site said with 一个 / 一栋 is no named project', () => {
  it('when the site is only "a … project" or "a … site", then no project', () => {
    expect(read('我在澧县一个污水处理厂项目上做水电，包工头欠我一万').project).toBeNull();
    expect(read('坐席：请讲。\n来电人：我在岳阳一栋商住楼工地搞粉刷，老板欠我八千。', 'hotline').project).toBeNull();
    expect(read('在一个大果园帮人摘桃子，老板欠我一千五').project).toBeNull();
  });
});

describe('project: buildings named by what they are for', () => {
  it('when the work was on a hospital wing or an office tower by name, then that building', () => {
    expect(read('我们在陬市镇中心医院新医技楼做钢筋，施工单位是湖南宏远建设有限公司，欠我们工钱').project).toBe('中心医院新医技楼');
    expect(read('我在浔阳街道金源写字楼当保洁，物业欠我两个月工资').project).toBe('金源写字楼');
  });
});

describe('project: an orchard or farm known by a short name, the boss named apart', () => {
  it('when the farm is named and the boss is named as a person, then the boss owes and the farm is the project', () => {
    const orchard = read('在龙潭镇的金果园摘橘子，园主叫刘春生，欠我两千');
    expect(orchard.employer).toBe('刘春生');
    expect(orchard.project).toBe('金果园');
    const tea = read('我在马鬃岭镇的鑫茶园采茶，老板叫蒋德明，工钱一个月冇给');
    expect(tea.employer).toBe('蒋德明');
    expect(tea.project).toBe('鑫茶园');
  });
});

describe('project: a school the service company placed the worker at', () => {
  it('when a numbered school is called by its short name (县三中, 市二中), then it is the project', () => {
    const guard = read(
      '坐席：请讲。\n来电人：我给县三中当门卫，是保安公司请的，公司叫桃源县安达保安服务有限公司，欠我工资五千。',
      'hotline',
    );
    expect(guard.employer).toBe('桃源县安达保安服务有限公司');
    expect(guard.project).toBe('县三中');
    const cleaner = read('我们是物业公司派到市二中做保洁的，公司叫常德洁美物业有限公司，欠我们三个月工资');
    expect(cleaner.employer).toBe('常德洁美物业有限公司');
    expect(cleaner.project).toBe('市二中');
  });

  it('when a training school is only a kind (舞蹈培训机构), then it names no employer', () => {
    expect(read('在县城一个舞蹈培训机构当老师，机构老板欠我工资').employer).toBeNull();
  });
});

describe('project: orchards by name, not by crop', () => {
  it('when a short-named orange grove is where the work was, then it is the project', () => {
    expect(read('在理公港镇的金橘园帮忙摘橘子，园子是龚德明的，做了十五天，一天一百二，冇给').project).toBe('金橘园');
  });

  it('when the grove is only named by its crop (那柑橘园), then no project', () => {
    expect(read('竹园村的绿野果业合作社，我在他那柑橘园里打了半年工，一个月2800，一分冇拿到').project).toBeNull();
  });
});
