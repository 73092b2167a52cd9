import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('amount: rates multiplied out', () => {
  it('when a hedge or 块钱 sits between the sum and its month, then it is still a monthly rate', () => {
    const text = '坐席：您好。\n来电人：我们厂里十五个工人，三个月冇发工资了。\n坐席：每人多少？\n来电人：四千左右一个月。';
    expect(read(text, 'hotline').amount_yuan).toBe(180000);
    expect(read('我在饭店洗碗，两千五百块钱一个月，欠了我两个月').amount_yuan).toBe(5000);
  });

  it('when 每个月 starts the clause and the sum ends it, then the sum is a monthly rate', () => {
    expect(read('老板每个月讲好给我底薪三千，三个月了一分冇发').amount_yuan).toBe(9000);
    expect(read('公司答应每个月发我保底两千八，四个月了冇给').amount_yuan).toBe(11200);
  });

  it('when the rate is said to be the couple’s added up, then it is not multiplied by the head count again', () => {
    expect(read('我和我老婆在饭店做事，我们两个一个月加起来六千四，欠了三个月').amount_yuan).toBe(19200);
    expect(read('我们三个人一天一共九百，做了十天，老板一分没给').amount_yuan).toBe(9000);
  });

  it('when a contract sum owed to the crew is told apart from the wages, then the wages are the amount', () => {
    const text =
      '我是带班的，我们队跟总包之间还有三十多万的工程款冇结，那个另外讲。我手下5个工人的工资是总包直接发的，拖了3个月，每人每月6000';
    expect(read(text).amount_yuan).toBe(90000);
  });

  it('when a colloquial sum is followed by 一个月 or 一天, then the number ends before 一', () => {
    expect(read('两千二一个月，欠了我三个月工资').amount_yuan).toBe(6600);
    expect(read('讲好一百五一天，我做了二十天，冇给钱').amount_yuan).toBe(3000);
  });

  it('when a terse message gives a month count and a monthly wage, then they multiply for one worker', () => {
    const text = '茶庵铺镇 金龙砖厂 欠工资 3个月 每月4200 老板付金龙 电话13907361111';
    expect(read(text).amount_yuan).toBe(12600);
    expect(read(text).worker_count).toBe(1);
  });
});

describe('amount: the operator asks for a rate with two parts', () => {
  it('when the operator asks what each worker gets a month, then the answer is per worker per month', () => {
    const text =
      '坐席：您好。\n来电人：我们在茶庵铺镇修桥，一共八个人。\n坐席：欠多久？\n来电人：三个月。\n坐席：每人每月多少？\n来电人：六千。';
    const result = read(text, 'hotline');
    expect(result.category).toBe('wage_arrears');
    expect(result.amount_yuan).toBe(144000);
    expect(result.sector).toBe('construction');
  });
});

describe('amount: spans and costs that are not pay', () => {
  it('when half a year is said to be unpaid, or the months are those the worker helped, then they multiply the rate', () => {
    expect(read('我妈在九溪镇一个养鸡场做饭，半年冇发工资，一个月两千二').amount_yuan).toBe(13200);
    expect(read('我在一家早餐店帮了三个月，讲好每月两千，一分冇给').amount_yuan).toBe(6000);
  });

  it('when a machine or haulage fee is named beside the wages, then only the wages are owed as pay', () => {
    expect(read('我在采石场开铲车，老板欠我台班费三万，还有工资九千').amount_yuan).toBe(9000);
    expect(read('跟老板跑货车，运费两万是另外的，他还欠我工资七千').amount_yuan).toBe(7000);
  });
});

describe('amount: partial payments, deductions and piece rates', () => {
  it('when each worker was paid part, then the part comes off for every worker', () => {
    expect(read('我们四个人，每人欠八千，老板过年前每人给了两千').amount_yuan).toBe(24000);
    expect(read('我们三个人每人欠五千，上个月每人发了一千五').amount_yuan).toBe(10500);
  });

  it('when the boss means to hold back a named cost, then it is a deduction, not the amount owed', () => {
    expect(read('我做了三十天，一天一百八，老板讲要扣掉我的住宿费三百，到现在一分冇给').amount_yuan).toBe(5400);
    expect(read('帮他做了二十天，一天两百，他讲要罚我迟到的钱两百，工钱一直不给').amount_yuan).toBe(4000);
  });

  it('when the rate is per square metre, pair or ton and the count is given, then rate times count', () => {
    expect(read('包工头讲一个平方给我们十二块，我们刷了三千个平方，一分没给').amount_yuan).toBe(36000);
    expect(read('在鞋厂做计件，一双八毛，上个月做了五千双，工资一直没发').amount_yuan).toBe(4000);
  });

  it('when an Arabic sum is followed by 一个月, then it is a monthly rate', () => {
    expect(read('工资2600一个月，欠了三个月').amount_yuan).toBe(7800);
    expect(read('工资3000一个月，欠了两个半月').worker_count).toBe(1);
  });
});

describe('worker_count: who is owed', () => {
  it('when one worker and that many others are named, then all of them', () => {
    expect(read('我和另外四个工友在养猪场做事，老板每人欠一万').worker_count).toBe(5);
    expect(read('欠我儿子还有另外两个人的工钱，每个人八千').amount_yuan).toBe(24000);
  });

  it('when the caller adds a relative or counts everyone who worked together, then they are counted', () => {
    const text = '坐席：就您一个人吗？\n来电人：还有我弟弟，他也是三个月，一个月两千八。';
    expect(read(text, 'hotline').worker_count).toBe(2);
    expect(read('工地上不发工资，我们一起的有十几个，欠了快四个月').worker_count).toBe(10);
  });

  it('when the people are counted by their trade (护工, 电焊工, 服务员), then that count', () => {
    expect(read('公司欠了我们二十多个护工三个月工资').worker_count).toBe(20);
    expect(read('老板欠我们五名电焊工两个月工资，一个人一个月八千').amount_yuan).toBe(80000);
    expect(read('欠了我三个月工钱，一个月四千').worker_count).toBe(1);
  });

  it('when a trade word names a crew, then it is no head count', () => {
    expect(read('我们是一个泥工班组，在常德做了一年，欠我们班组人工费三十万').worker_count).toBeNull();
    expect(read('我们一个木工队在县城做模板，包工头欠我们工钱').worker_count).toBeNull();
  });

  it('when 我们 speaks for the speaker’s community rather than a group owed, then the speaker alone', () => {
    expect(read('我在步行街一家服装店做导购，老板姓温，我们都喊温老板，欠我两个月工资四千').worker_count).toBe(1);
    expect(read('我在我们这边一个砖厂上班，厂里欠我三个月工资').worker_count).toBe(1);
    expect(read('我要反映我们厂里欠工资，我一个月三千，欠了两个月').worker_count).toBe(1);
    expect(read('我们厂的工人都冇发工资，三个月了').worker_count).toBeNull();
  });
});
