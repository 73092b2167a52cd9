import { triageByRules } from '../../../src/triage/rule-triage';

const read = (text: string) => triageByRules({ channel: 'wechat', text });

describe('amounts from a rate per hour, lesson or event, and from half a year', () => {
  it('when the pay is by the hour, the lesson or the event and the count is told, then the amount is their product', () => {
    expect(read('我在顺安物流的仓库搞分拣，一个小时十八块钱，上个月做了两百二十个小时，工资到现在还冇发').amount_yuan).toBe(3960);
    expect(read('我暑假在启明英语培训中心代课，讲好一节课80块，上了60节课，钱一直不给').amount_yuan).toBe(4800);
    expect(read('帮喜乐缘婚庆公司做了十场婚礼的舞台搭建，劳务费一场三百，一直拖着不给').amount_yuan).toBe(3000);
  });

  it('when a part was paid on an hourly rate, then the rest is owed', () => {
    expect(read('我在奶茶店做兼职，讲好一小时15块，我做了120个小时，他只给了我800').amount_yuan).toBe(1000);
  });

  it('when the wages are owed half a year at a monthly rate, then six months are owed', () => {
    expect(read('冇得办法哒，顺运物流公司欠我工资半年了，一个月5500').amount_yuan).toBe(33000);
  });
});

describe('sector from the works and the trade', () => {
  it('when a bridge or a village office is being built, then it is construction; a canteen or a wedding firm is services', () => {
    expect(read('我们在架桥镇帮人修村里的小桥，老板欠我们五六个人的工钱').sector).toBe('construction');
    expect(read('帮喜乐缘婚庆公司做了十场婚礼的舞台搭建，劳务费一场三百，一直拖着不给').sector).toBe('services');
  });
});
