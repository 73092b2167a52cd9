import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('sector: where the work was', () => {
  it('when the work was at a hospital or shop, then the workplace adds no weight to building work', () => {
    expect(read('我在县中医院住院部做护工，是康泰护理服务有限公司请的，公司两个月冇发工资').sector).toBe('services');
    expect(read('我在漳江街道的客来酒家做传菜，老板欠我两个月工资').sector).toBe('services');
  });

  it('when a floor or a restaurant’s name holds 楼, then it is no building work', () => {
    expect(read('我在商业街三楼一家卖女装的店做导购，就是老板自己开的，欠我三千').sector).toBe('individual_business');
    expect(read('在聚福楼帮厨，做了两个月，老板欠我五千').sector).toBe('services');
  });

  it('when the work is landscaping near a hotel, then it is building work and the hotel is no project', () => {
    const result = read('在陬市镇一个宾馆那边搞绿化，是桃源县绿源园林工程有限公司的活，一天两百，干了三十天冇结');
    expect(result.sector).toBe('construction');
    expect(result.project).toBeNull();
  });

  it('when the work was at a hotpot or barbecue restaurant, then it is services', () => {
    expect(read('在县城一家火锅店做了三个月，老板欠我两个月工资').sector).toBe('services');
    expect(read('在夜宵烧烤摊帮忙烤串，做了两个月冇给钱，餐饮这行老板都这样').sector).toBe('services');
  });

  it('when the work was teaching at a driving school, then it is education', () => {
    expect(read('我在县城一个驾校当教练，驾校老板欠我三个月工资，一个月四千').sector).toBe('education');
    expect(read('在陬市镇的安达驾校做教练，欠我两个月工资').sector).toBe('education');
  });

  it('when the work is carrying bricks at a brick kiln, then it is manufacturing', () => {
    expect(read('我在观音寺镇一个砖厂搬砖，厂里欠我两个月工资六千').sector).toBe('manufacturing');
    expect(read('在美甲店做美甲师，老板欠我提成三千').sector).toBe('services');
  });

  it('when the work is raising ducks or fish, then it is agriculture; an estate agent is services', () => {
    expect(read('我在龙潭镇一个养鸭场做事，老板半年冇发工资').sector).toBe('agriculture');
    expect(read('在盘塘镇帮人养鱼，老板欠我八个月工钱').sector).toBe('agriculture');
    expect(read('我在县城一家房产中介卖房子，提成一万二公司拖着不给，讲开发商的钱冇到').sector).toBe('services');
  });
});

describe('project: the place worked at when another organisation employs', () => {
  it('when the speaker is on the staff of a hospital or guards a station for a contractor, then that place', () => {
    expect(read('我是县中医院的保洁，归常德洁雅物业服务有限公司管，公司欠我们两个月工资').project).toBe('县中医院');
    expect(read('我在漳江街道的桃源县客运站做保安，是金盾保安服务有限公司派的，欠我两个月工资').project).toBe('桃源县客运站');
  });
});

describe('urgency: the Spring Festival', () => {
  it('when the boss puts pay off till after the festival and the worker cannot go home, then it is high', () => {
    const text = '我老公在广州一个厂做事，快过年了，厂里还欠他两万，讲年后再给，他讲拿不到钱就不回来过年了';
    expect(read(text).urgency).toBe('high');
    expect(read('马上过年了，老板欠我八千，讲年后才结，我冇法回家过年').urgency).toBe('high');
  });

  it('when a part payment was made before the festival and the rest stalled, then the festival is past', () => {
    expect(read('我们三个人在工地做水电，公司欠我们三万，春节前给了一万，后来就冇消息了').urgency).toBe('normal');
    expect(read('老板欠我工资六千，年前发了两千，到现在剩下的还冇给').urgency).toBe('normal');
  });
});
