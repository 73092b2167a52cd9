import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });
const employer = (text: string): string | null => read(text).employer;

describe('employer: a brand followed by its trade is a business name', () => {
  it('when a business is known as brand + trade (教育, 米业, 发型, 酒家, 中介), then that name', () => {
    expect(employer('盘塘镇的育才教育，我在那里教英语，校长跑了，欠我三个月工资')).toBe('育才教育');
    expect(employer('热市镇的金穗米业，拖了我四个月工资，一个月三千五')).toBe('金穗米业');
    expect(employer('县城步行街的丽人发型，我做洗头工，老板两个月冇发工资')).toBe('丽人发型');
    expect(employer('三阳港镇 聚贤酒家 欠我工资五千')).toBe('聚贤酒家');
    expect(employer('我在漳江街道的诚信房产中介跑业务，提成八千一直不给')).toBe('诚信房产中介');
  });

  it('when a delivery station is named, then the station; a bus station is no business name', () => {
    expect(employer('浔阳街道的飞鸟外卖城北站，站长跑了，欠我们十个骑手一个月工资')).toBe('飞鸟外卖城北站');
    expect(employer('我在汽车站门口摆摊帮人看货，老板姓柳，欠我两千')).toBe('柳老板');
  });

  it('when a trade word holds a verb character (外卖, 修造), then the name runs through it', () => {
    expect(employer('在岳阳一个船厂做焊工，全称是岳阳长江船舶修造有限公司，欠我四万')).toBe('岳阳长江船舶修造有限公司');
  });
});

describe('employer: the registered company over the name on the door', () => {
  it('when the shop name and the registered company are both given, then the registered company', () => {
    const text = '我在县城一家烧烤店做服务员，店名叫老兵烧烤，执照上是桃源县老兵餐饮服务有限公司，欠我两个月工资';
    expect(read(text).employer).toBe('桃源县老兵餐饮服务有限公司');
    expect(read(text).project).toBe('老兵烧烤');
  });

  it('when the place trades under another name and the contract names a company, then the company, with the trade name as the project', () => {
    const text = '在剪市镇一个农庄上班，对外叫青山农庄，合同上签的是桃源县青山生态农业开发有限公司，三个月工资冇发';
    expect(read(text).employer).toBe('桃源县青山生态农业开发有限公司');
    expect(read(text).project).toBe('青山农庄');
  });

  it('when the signboard shows a name and the licence a company, then the signboard name is the project', () => {
    const text = '在陬市镇一个洗车店做事，门头写的是洁亮洗车，执照上是桃源县洁亮汽车服务有限公司，欠我四千';
    expect(read(text).project).toBe('洁亮洗车');
    const other = '在浔阳街道一家面馆上班，招牌上是老味道面馆，合同上是桃源县老味道餐饮有限公司，欠我两个月工资';
    expect(read(other).project).toBe('老味道面馆');
  });

  it('when a kind of business is said and then its registered name, then the kind is no separate project', () => {
    const text = '在一个种植合作社打工，合作社注册的名字是桃源县绿野果蔬种植专业合作社，欠我们工钱';
    expect(read(text).employer).toBe('桃源县绿野果蔬种植专业合作社');
    expect(read(text).project).toBeNull();
    const other = '我在一家汽修厂做学徒，厂子全称是桃源县顺通汽车维修服务有限公司，欠我三个月工资';
    expect(read(other).employer).toBe('桃源县顺通汽车维修服务有限公司');
    expect(read(other).project).toBeNull();
  });

  it('when a short form of the company is said before its full name, then it is no separate project', () => {
    const text = '我在热市镇的长青纸业上班，公司全称桃源县长青纸业有限公司，欠我两个月工资';
    expect(read(text).employer).toBe('桃源县长青纸业有限公司');
    expect(read(text).project).toBeNull();
  });
});

describe('employer: people who owe', () => {
  it('when the head of a crew is called 队长 or 工长, then that person', () => {
    expect(employer('我在县城一个刷墙的队伍做小工，队长叫符国庆，三个月工钱冇给')).toBe('符国庆');
    expect(employer('跟着一个装修班子干了两个月，工长叫雷志军，一分钱没给')).toBe('雷志军');
  });

  it('when the speaker worked under a master whose surname is given later, then X师傅', () => {
    expect(employer('我跟着一个师傅做木工，师傅姓邝，做了两个月，欠我六千')).toBe('邝师傅');
    const text = '坐席：您好。\n来电人：我是跟一个师傅贴瓷砖的，大家都喊他尹师傅，欠我工钱四千。';
    expect(read(text, 'hotline').employer).toBe('尹师傅');
  });

  it('when the boss is given only by surname after a comma or by what people call him, then X老板', () => {
    expect(employer('老板是个本地人，姓骆，欠我三个月工资')).toBe('骆老板');
    expect(employer('在县城一家茶楼做事，我们都喊晏老板，拖了我两个月工资')).toBe('晏老板');
  });

  it('when a few words about the boss come between the role and the name, then the name', () => {
    expect(employer('我在鼎城区一个工地做钢筋，包工头是湖北人叫覃少华，欠我工钱九千')).toBe('覃少华');
    expect(employer('老板是我们村里的叫蒋德明，欠我半年工资')).toBe('蒋德明');
  });

  it('when the speaker names the person they worked for, then that person', () => {
    expect(employer('我跟着做事的那个人叫阎广福，帮他摘了二十天柑橘，一天一百五，到现在冇给')).toBe('阎广福');
  });

  it('when a name is given in passing before the master or boss, then that name', () => {
    expect(employer('跟一个叫鲁大江的师傅学电焊，做了半年，他欠我一万')).toBe('鲁大江');
    expect(employer('帮一个叫钟华的老板看鱼塘，看了四个月，工钱冇给')).toBe('钟华');
  });

  it('when a household hired the worker, then the one who runs it', () => {
    expect(employer('在一户人家做保姆，女主人叫温红，欠我三个月工资')).toBe('温红');
    expect(employer('帮一户人家照顾老人，男主人叫邬建新，两个月工钱冇给')).toBe('邬建新');
  });

  it('when a shop is a kind of shop and its owner is named, then the owner', () => {
    expect(employer('我在镇上那家童装店帮忙看店，老板叫穆小红，三个月冇给工资')).toBe('穆小红');
    expect(employer('在菜市场旁边一家蛋糕店做学徒，店主叫岳丽，欠我两千')).toBe('岳丽');
    expect(employer('我在县一中旁边的文印店打工，老板姓汪，欠我两个月工资三千')).toBe('汪老板');
    expect(employer('老板欠我1.2w工资，半年了，在九溪镇的一个木材加工厂')).toBeNull();
  });

  it('when a verb comes before the kind of business, then the verb phrase is no name', () => {
    expect(employer('那个老板姓计，在九溪镇搞养猪场的，我帮他喂了一年猪，还差我八千')).toBe('计老板');
    expect(employer('我们在怀化修学校的，给怀化市第三中学盖宿舍楼，劳务老板叫芦建伟，欠我们十多万')).toBe('芦建伟');
  });
});

describe('employer: a company’s place in the chain is no part of its name', () => {
  it('when 劳务分包 or 总包 comes right before a company, then the company alone', () => {
    const text = '总包是湖南金城建设集团有限公司，我们是劳务分包湖南众力劳务有限公司下面的，众力欠我们十二个人三个月工资';
    expect(employer(text)).toBe('湖南众力劳务有限公司');
  });
});

describe('employer: time words are no part of a name', () => {
  it('when a time phrase comes before a kind of business, then it is no name', () => {
    expect(employer('我在镇上的迎宾饭店做帮厨，辞职后饭店欠我一个月工资两千四')).toBe('迎宾饭店');
    expect(read('实习期公司可以不签合同吗？').employer).toBeNull();
  });
});

describe('employer: answers to the operator on a hotline', () => {
  it('when the caller answers the name question with the surname first, then the full name, else X老板', () => {
    const full = '坐席：您好。\n来电人：厂里欠我工资四个月。\n坐席：老板叫什么名字？\n来电人：姓符，符德清。';
    expect(read(full, 'hotline').employer).toBe('符德清');
    const surnameOnly = '坐席：您好。\n来电人：工地上欠我工钱八千。\n坐席：包工头叫什么？\n来电人：姓阮，名字不晓得。';
    expect(read(surnameOnly, 'hotline').employer).toBe('阮老板');
  });

  it('when the operator asks which company and the caller hedges, then the company named', () => {
    const text = '坐席：您好。\n来电人：工地上三个月不发工资。\n坐席：哪个公司？\n来电人：好像是湖南中鸿建设的。';
    expect(read(text, 'hotline').employer).toBe('湖南中鸿建设');
    const shop = '坐席：您好。\n来电人：我在县城饭店洗碗，欠了两个月工资。\n坐席：哪家饭店？\n来电人：叫好再来饭店。';
    expect(read(shop, 'hotline').employer).toBe('好再来饭店');
  });
});
