import { triageByRules } from '../../../src/triage/rule-triage';

const employer = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): string | null => triageByRules({ channel, text }).employer;

describe('employer: where the person is from is no name', () => {
  it('when the role is followed by where the person is from and the name comes after a comma, then the name', () => {
    expect(employer('老板是澧县那边的，叫覃国华，欠我工钱六千')).toBe('覃国华');
    expect(employer('包工头是益阳人，他叫龚志明，拖了我们五个人三个月工资')).toBe('龚志明');
    expect(employer('坐席：您好。\n来电人：我们在九溪镇修水渠，工头是长沙的，叫石磊，欠我一万')).toBe('石磊');
  });

  it('when a place of origin stands where a name could, then it is not taken for one', () => {
    expect(employer('承包人是剪市本地的，姓蒋，欠我们工钱三万多')).toBe('蒋老板');
    expect(employer('那个老板是岳阳的，冇讲名字，欠我三千')).not.toBe('岳阳');
  });
});

describe('employer: a boss by surname, with words about him', () => {
  it('when 姓X的 is followed by a description before 老板, then X老板', () => {
    expect(employer('我在陬市镇跟着一个姓滕的本地老板搞装修，欠我四千')).toBe('滕老板');
    expect(employer('帮一个姓骆的外地老板扎钢筋，他欠我二十天的工钱')).toBe('骆老板');
  });

  it('when the caller knows the surname only and says so, then X老板, not a made-up name', () => {
    expect(employer('老板姓花，叫花什么不清楚，欠我八千')).toBe('花老板');
    expect(employer('坐席：老板叫什么？\n来电人：姓管，叫管啥子我也不晓得，反正欠我五千')).toBe('管老板');
  });
});

describe('employer: the person worked for, by name', () => {
  it('when the speaker helped or followed a named person at work, then that person', () => {
    expect(employer('我在九溪镇帮田某某砌猪栏，做了十二天，一天两百五，一直拖着不给')).toBe('田某某');
    expect(employer('坐席：请讲。\n来电人：我帮贺长青开了半年货车，他还差我一万二没给。', 'hotline')).toBe('贺长青');
    expect(employer('跟杜建军的施工队在架桥镇修路，欠我们工钱三万')).toBe('杜建军');
    expect(employer('来电人称其为个人陈某某做小工，陈某某至今未支付劳务费两千元')).toBe('陈某某');
  });

  it('when a person is named as the one who owes, then that person, nicknames included', () => {
    expect(employer('搞水电的那个卢老五，欠我两千八')).toBe('卢老五');
    expect(employer('是赖国平不给钱，他包的工程，我们做了一个月')).toBe('赖国平');
    expect(employer('欠钱的是谭师傅，我跟他贴了半个月瓷砖')).toBe('谭师傅');
  });

  it('when the person runs the business (开…店的, 包…工程的), then that person', () => {
    expect(employer('开小超市的熊春梅欠我三个月工资，一个月两千')).toBe('熊春梅');
    expect(employer('包那栋楼外墙工程的汤建军，到现在还欠我们八个人的钱')).toBe('汤建军');
  });

  it('when the speaker calls or asks on behalf of a named person, then that person is not the payer', () => {
    expect(employer('我替张华打电话问一下，他在工地做事，老板欠他三千')).toBeNull();
    expect(employer('帮刘强看一下，他在陬市镇工地做了两个月，包工头欠他一万')).toBeNull();
  });

  it('when a word that names no one sits after 帮/给 or before 欠, then it is not a person', () => {
    expect(employer('帮农户种烤烟，欠我们工钱')).toBeNull();
    expect(employer('我帮我老公问，石场欠他工资一万')).toBeNull();
  });
});

describe('employer: names a shop goes by', () => {
  it('when the workplace is only "his shop", then it names no business', () => {
    expect(employer('开服装店的邓丽华，我在她店里做了三个月，一个月两千，冇给')).toBe('邓丽华');
  });

  it('when the business is a 饭庄, 食府 or 商行, then its name', () => {
    expect(employer('观音寺镇的聚福饭庄欠我两个月工资')).toBe('聚福饭庄');
    expect(employer('在县城的兴旺商行送货，老板欠我工钱四千')).toBe('兴旺商行');
  });
});

describe('employer: hotline answers and nicknames', () => {
  it("when the caller does not know the company and gives the contractor's nickname, then the nickname", () => {
    const text = '坐席：哪个单位？\n来电人：我也不晓得公司名字，包工头姓聂，大家喊他聂胖子。\n坐席：欠多少？\n来电人：四千五。';
    expect(employer(text, 'hotline')).not.toBe('不晓得公司');
    expect(employer('在工地做了一个月，都喊他杨老六，欠我五千块')).toBe('杨老六');
  });

  it("when a company's project department and its manager are named, then the company", () => {
    const text =
      '坐席：谁欠的？\n来电人：湖南水云建设工程有限公司的项目部，项目经理叫龙建华。\n坐席：欠多少？\n来电人：每人大概两万，我们十五个人。';
    expect(employer(text, 'hotline')).toBe('湖南水云建设工程有限公司');
  });

  it('when the operator asks what a farm stay or resort is called, then the name answered, whatever it ends with', () => {
    const text =
      '坐席：您好。\n来电人：我在热市镇一家农家乐做服务员。\n坐席：农家乐叫什么名字？\n来电人：叫山水人家。\n坐席：欠多少？\n来电人：两个月，一个月两千。';
    expect(employer(text, 'hotline')).toBe('山水人家');
    const other = '坐席：请讲。\n来电人：在九溪镇一个山庄当厨师，欠我三个月工资。\n坐席：山庄叫什么？\n来电人：叫桃花岭。';
    expect(employer(other, 'hotline')).toBe('桃花岭');
  });
});

describe("employer: the speaker's own name is not the payer", () => {
  it('when the speaker gives their name and then tells of the debt, then the name is not the employer', () => {
    expect(employer('我是张建，跑了好多次了，老板一直不给钱')).toBeNull();
    expect(employer('我是黄海，欠我工资的老板在九溪镇')).toBeNull();
    expect(employer('那个唐小军跑了，欠我们八千')).toBe('唐小军');
  });
});

describe('employer: 名字叫 after a comma', () => {
  it('when the role is followed by a comma and 名字叫, then the name', () => {
    expect(employer('我们在龙潭镇修河堤，这个包工头，名字叫邵天明，我们八个人每人欠六千')).toBe('邵天明');
    expect(employer('欠钱的是一个老板，他名字叫冉光荣，在茶庵铺镇开砖厂')).toBe('冉光荣');
  });
});

describe('employer: farm heads and surnames outside the list', () => {
  it('when a large grower hired the workers, then the grower by name', () => {
    expect(employer('我在夷望溪镇新湖村帮人插秧，那个种田大户叫肖长林，欠我们五个婆婆的工钱')).toBe('肖长林');
  });

  it('when a role is followed by 叫 and a name with a rare surname, then that name, but never a word', () => {
    expect(employer('包工头叫贝志强，欠我们工钱，我们在牛车河乡修村道')).toBe('贝志强');
    expect(employer('老板叫什么我不知道，欠我三千')).toBeNull();
    expect(employer('包工头叫我们等，说下个月给，欠我三千')).toBeNull();
  });
});

describe('employer: a works named by what it makes', () => {
  it('when only the product names the works (石料厂, 纸箱厂) and the boss is named, then the boss', () => {
    expect(employer('老板欠我两万出头的工资，在三阳港镇的石料厂，老板叫严光辉')).toBe('严光辉');
    expect(employer('我在陬市镇一个纸箱厂上班，老板叫方德明，拖了我两个月工资')).toBe('方德明');
  });
});

describe('employer: a person’s own farm or shop, and brands with their trade', () => {
  it('when the work was at a person’s farm or garden (卢大强的养鸡场, 熊桂芳的茶园), then that person owes', () => {
    expect(employer('在西安镇卢大强的养鸡场做了一年，讲好年底给三万五千块，到现在一分冇给')).toBe('卢大强');
    expect(employer('在九溪镇熊桂芳的茶园采茶，采了一个月，一直拖着不给')).toBe('熊桂芳');
  });

  it('when a business is known by its brand and trade (顺安物流, 丽美制衣), then that is the employer, not a logistics park', () => {
    expect(employer('我在陬市镇工业园顺安物流的仓库搞分拣，工资到现在还冇发')).toBe('顺安物流');
    expect(employer('我在架桥镇丽美制衣做了一个月，两千八百元工资一分都不给我')).toBe('丽美制衣');
    expect(employer('工地老板连工资都不给了，还欠他2万6')).toBeNull();
  });
});

describe('employer: a brand with its trade before the boss’s name', () => {
  it('when the text names the shop or firm by brand and trade and also its boss, then the shop or firm is the employer', () => {
    expect(employer('架桥镇那个石材厂 兴旺石材 老板叫廖志国 欠我们切割工五个人的工钱')).toBe('兴旺石材');
    expect(employer('老板是好时光装饰的，叫蔡明，工钱一万零八百到现在冇结')).toBe('好时光装饰');
  });

  it('when a role is followed by where the person is from and then the name, then that person owes', () => {
    expect(employer('我在杨溪桥镇帮人家屋里做二层楼，包工头是我们本地的熊佳伟，做了六十天小工，剩下的七千冇给')).toBe('熊佳伟');
  });

  it('when a length of time or someone’s work stands before a shop word, then it is no business name', () => {
    expect(employer('热市镇温泉街刘五开的小卖部，我在那里帮他守了半年店，还欠我四个月的工钱')).not.toBe('半年店');
    expect(employer('我们几个在牛车河乡帮人挖茶园，老板叫郭建平，钱一分冇见到')).toBe('郭建平');
  });
});

describe('employer: a role word is never a name', () => {
  it('when the caller answers which unit owes with 是包工头，叫…, then the person named owes', () => {
    expect(employer('坐席：是哪个单位欠你们钱？\n来电人：是包工头，叫庞德明，项目上讲钱都拨给他哒，他人跑哒。', 'hotline')).toBe('庞德明');
  });

  it('when a small business is a tailor’s, a foot-massage shop or a labour agency known by brand and trade, then that is the employer', () => {
    expect(employer('在杨溪桥镇银剪刀裁缝铺帮忙踩缝纫机，小门面，老板叫湛秋兰，欠我四个月工钱')).toBe('银剪刀裁缝铺');
    expect(employer('漳江街道安心足道的技师，做了八个月，老板易国平每个月只发一半')).toBe('安心足道');
  });
});
