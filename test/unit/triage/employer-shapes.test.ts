import { triageByRules } from '../../../src/triage/rule-triage';

const employer = (text: string): string | null => triageByRules({ channel: 'wechat', text }).employer;

describe('employer: a registered name over a kind of business', () => {
  it('when the kind of business is said first and its registered name after, then the registered name', () => {
    expect(employer('我在一家家具厂做油漆，厂子叫常德美林家居有限公司，欠了我三个月工资')).toBe('常德美林家居有限公司');
    expect(employer('在浔阳街道一个广告公司做设计，公司全称是湖南星火文化传播有限公司，拖欠我工资六千')).toBe('湖南星火文化传播有限公司');
  });

  it('when only a kind of business is named, then it is no name', () => {
    expect(employer('在一家奶茶店上班，老板欠我工资三千')).toBeNull();
    expect(employer('在县城一个汽修厂修车，老板叫黎明远，欠我工资九千')).toBe('黎明远');
  });

  it('when a kind of business comes with a determiner and the payer is named, then the person', () => {
    expect(employer('在剪市镇一个蔬菜合作社帮工，合作社的理事长叫贺友良，欠了我们五个人的工钱')).toBe('贺友良');
  });

  it('when a hotel is named after the county alone, then the whole name is the employer', () => {
    expect(employer('我在常德宾馆做客房服务，上个月工资2600冇发')).toBe('常德宾馆');
  });
});

describe('employer: people who owe', () => {
  it('when a master is named by surname and the speaker worked under him or he owes, then X师傅', () => {
    expect(employer('我跟着卢师傅在工地上贴瓷砖，卢师傅欠我工钱八千')).toBe('卢师傅');
    expect(employer('带我们做的是姓殷的师傅，他欠我们三个人的工钱')).toBe('殷师傅');
  });

  it('when a workmate is called 师傅 in passing, then he is not the employer', () => {
    expect(employer('我和一个王师傅在宏达建材厂上班，厂里欠我们工资')).toBe('宏达建材厂');
  });

  it('when the shop is said to be run by someone, then that person', () => {
    expect(employer('在镇上谭永康开的五金店守店，他欠我两个月工资')).toBe('谭永康');
    expect(employer('那个粉馆是柏志坚开的，我在里面做了半年，工资欠了四千')).toBe('柏志坚');
  });

  it('when the business is said to belong to someone, then that person', () => {
    expect(employer('在热市镇一个木器作坊打磨，作坊是吕国平的，欠我们三个人的工钱')).toBe('吕国平');
  });

  it('when the owner of the house hired the worker, then the owner', () => {
    expect(employer('帮一户人家建房子，屋主叫戴春生，工钱还差六千')).toBe('戴春生');
  });

  it('when the head of a crew is named, then the head of the crew rather than the client', () => {
    expect(employer('在盘塘镇帮一个老板装修门面，装修队的头叫岑立新，我们的工钱他一直不给')).toBe('岑立新');
  });

  it('when "他叫" follows the boss, then the name; when it follows a relative, then not', () => {
    expect(employer('老板欠我工资，做了四个月，一分冇给。他叫柴德明')).toBe('柴德明');
    expect(employer('我老公他叫伍建军，在工地做事，包工头欠他工钱')).toBeNull();
  });
});

describe('employer: not verb phrases, clients, schools or developers', () => {
  it('when a shop word follows a verb, then the verb phrase is no name', () => {
    expect(employer('我在街上秋月百货店帮忙守店，老板欠我三个月工资')).toBe('秋月百货店');
    expect(employer('我在晨曦花店做事，提成和工资店里一直冇发')).toBe('晨曦花店');
  });

  it('when a school or hospital had the work done, then the contractor is the employer', () => {
    expect(employer('我们在县第一中学做装修，包工头叫吴志刚，欠我们工钱三万')).toBe('吴志刚');
    expect(employer('我们在给县人民医院做外墙保温，包工头跑了，欠我们十几万')).toBeNull();
  });

  it('when a school is where the speaker is employed and nobody else is named, then the school', () => {
    expect(employer('在县实验小学当保安，学校欠了我三个月工资')).toBe('县实验小学');
  });

  it('when the developer is named beside the builder, then the builder', () => {
    expect(employer('我们是湖南金城建设有限公司的农民工，开发商是桃源恒泰置业有限公司，拖欠我们工资')).toBe('湖南金城建设有限公司');
  });

  it('when a business is named as a landmark, then it is not the employer', () => {
    expect(employer('在新华书店旁边的面馆打杂，老板姓毛，欠我一千五')).toBe('毛老板');
  });
});
