import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('employers: house owners, workshop owners, the foreman the builder paid', () => {
  it('when the house owner is called by surname and title (业主钟先生), then that', () => {
    expect(read('我在碧水蓝天小区帮业主龚先生屋里贴砖，讲好一个平方三十，他只给了三千').employer).toBe('龚先生');
  });

  it("when a person's house was being fitted out (X屋里新屋装修), then that person", () => {
    expect(read('九溪镇江垭村彭秀英屋里新屋装修，喊我去搞水电，做完只给了三千').employer).toBe('彭秀英');
  });

  it('when a craftsman is described by his trade and called 老X, then 老X', () => {
    expect(read('帮陬市镇做铝合金门窗的老郑做了三个月学徒，讲好一个月两千，一分冇给').employer).toBe('老郑');
  });

  it('when a workshop is named by its wares and its boss by name (竹凉席厂，老板叫X), then the boss', () => {
    expect(read('漆家河镇的竹凉席厂，老板叫蒋国华，我跟我堂客在里面织凉席，两个人一共欠一万').employer).toBe('蒋国华');
  });

  it('when the builder says it paid the foreman (锦程讲钱早就付给X哒), then the foreman', () => {
    expect(read('工地是桃源县锦华建设有限公司承建的，包工头叫邱国平，锦华讲钱早就付给邱国平哒').employer).toBe('邱国平');
  });

  it('when a company is the owner (X是业主) and the builder owes (欠我工钱的是Y), then the builder', () => {
    const text = '桃源县城投建设有限公司是业主，施工的是常德市鑫源建筑工程有限公司，欠我工钱的是鑫源。';
    expect(read(text).employer).toBe('常德市鑫源建筑工程有限公司');
  });

  it('when a firm owes by its short name after its registered name, then the registered name', () => {
    expect(read('我们是跟湖南恒达建筑劳务有限公司签的。恒达劳务欠我们工钱，开发商讲钱给了总包').employer).toBe('湖南恒达建筑劳务有限公司');
  });

  it('when the foreman is typed 包工投, then he is still the foreman', () => {
    expect(read('包工投邓老五跑哒！！我们在长沙跟他搞装修，一分冇结').employer).toBe('邓老五');
  });
});

describe('sums, counts and categories of these shapes', () => {
  it('when each parent is owed for a trade (我爹搞钢筋欠…，我娘做小工欠…), then both', () => {
    const lead = read('帮我爹我娘反映，我爹搞钢筋欠一万八，我娘做小工欠八千，包工头叫朱国华');
    expect(lead.worker_count).toBe(2);
    expect(lead.amount_yuan).toBe(26000);
  });

  it('when a driving school pays per trainee, then trainees are no workers', () => {
    expect(read('我在驾驶员培训学校当教练，一个学员三百，我带了四十个学员考过了，提成一分冇发').worker_count).toBe(1);
  });

  it('when an online purchase went wrong (卖家把我拉黑), then not wages', () => {
    expect(read('网上买了个手机，付了钱卖家就把我拉黑哒，两千多块钱，能帮我追回来不').category).toBe('invalid');
  });

  it('when the hospital says it paid the fitter and the fitter owes, then wage arrears', () => {
    const text = '坐席：是医院欠的钱吗？\n来电人：医院是业主，医院讲装修款都付给湖南美家装饰工程有限公司了，是美家欠我们的，五个人三万。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when whether chat records count as evidence is asked, then a consultation', () => {
    expect(read('跟老板都是口头讲的冇签合同，以后万一扣工资，聊天记录算不算证据啊').category).toBe('consultation');
  });

  it('when the workers disown several protests at once (不会去堵路拉横幅), then not urgent for them', () => {
    expect(read('我们不想闹事，也不会去堵路拉横幅，三个人在温泉小镇装水电，一共欠三万九').urgency).toBe('normal');
  });

  it('when the worker cannot come home for the new year (过年就回不来了), then urgent', () => {
    expect(read('他在中山一个灯饰厂，欠了三个月工资一万六，他讲拿不到钱今年过年就回不来了').urgency).toBe('high');
  });
});
