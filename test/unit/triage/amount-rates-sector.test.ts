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

describe('months owed told in more ways', () => {
  it('when the months are listed before their count, said unpaid as the last ones, or owed to each worker, then they multiply the monthly rate', () => {
    expect(read('陬市镇的兴旺米业加工厂欠工资，我在那里开叉车搞装卸，月工资五千，欠了我六、七、八三个月').amount_yuan).toBe(15000);
    expect(read('漳江街道的小状元托管中心欠我们老师工资，我们三个老师，每人两个月，一个月两千六').amount_yuan).toBe(15600);
  });

  it('when each worker’s monthly rate is told as 每个人一个月, then it is a rate, not one month owed', () => {
    expect(
      triageByRules({
        channel: 'hotline',
        text: '坐席：欠了多久？\n来电人：两个月了，我们保洁组有十一个人，每个人一个月一千九。',
      }).amount_yuan,
    ).toBe(41800);
  });
});

describe('where the boss is from is not where the work was', () => {
  it('when the boss is said to have an accent of another province (湖北口音), then that is no place of work', () => {
    expect(read('我在锦华府做外墙，老板姓刘，湖北口音，10月11月的工钱2万1冇给').location).not.toBe('湖北');
  });
});
