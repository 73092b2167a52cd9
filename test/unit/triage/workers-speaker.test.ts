import { triageByRules } from '../../../src/triage/rule-triage';

const workers = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): number | null => triageByRules({ channel, text }).worker_count;

describe("workers: 我们 that names the speaker's workplace or family, not a group owed", () => {
  it("when 我们 is the speaker's boss, workshop, station or children, then the speaker alone", () => {
    expect(workers('我们老板跑了，欠我两个月工资，六千')).toBe(1);
    expect(workers('我们孩子要读书，老板欠我老公四万')).toBe(1);
    expect(workers('我在城北配送站送快递，我们站点是外包的，公司欠了我一个月工资3900')).toBe(1);
  });

  it('when 我们 says whom the speaker signed with or belongs to, then the speaker alone', () => {
    expect(workers('我们是跟桃源县顺风劳务有限公司签的合同，公司欠我工钱九千')).toBe(1);
    expect(workers('坐席：请讲。\n来电人：我们都是恒达保安公司的人，派到医院的，公司欠了我三个月工资', 'hotline')).toBe(1);
  });

  it("when a bare 我们 comes with only the speaker's own pay told, then one worker", () => {
    expect(workers('我们厂拖了三个月工资，我一个月三千八')).toBe(1);
    expect(workers('车间里头拖了好久，我们一直在等，我每个月四千，欠了两个月')).toBe(1);
  });

  it('when the group is a crew or a few with no number, then still unknown', () => {
    expect(workers('我们班组欠了三个月工资，我一个月五千')).toBeNull();
    expect(workers('我们几个在工地做，老板欠我工资五千')).toBeNull();
    expect(workers('老板欠我们工资，我们都在工地做了半年')).toBeNull();
  });
});

describe('workers: the speaker and others named', () => {
  it('when "另外还有N个" others are owed the same, then N and the speaker', () => {
    expect(workers('我在县城做保安，另外还有三个保安也冇发，每人每月两千')).toBe(4);
    expect(workers('坐席：几个人？\n来电人：除了我还有两个，都是做泥工的', 'hotline')).toBe(3);
  });

  it('when the speaker names one relative by marriage or a cousin, then two', () => {
    expect(workers('我和我姐夫在工地做小工，欠我们一万二')).toBe(2);
    expect(workers('在沙坪镇砌围墙，还有我老表，他也冇拿到钱')).toBe(2);
  });

  it('when a work order tells of the caller in the third person doing odd jobs, then one', () => {
    expect(workers('来电人称其在陬市镇打零工，雇主欠其工钱两千元')).toBe(1);
  });
});

describe('workers: 我们 as where people come from', () => {
  it('when 我们 only says the contractor is from the same place, then the one worker spoken for', () => {
    expect(workers('我屋里的在湖北武汉洪山区一个工地做钢筋，包工头叫熊志强，是我们桃源人，欠他四万二')).toBe(1);
    expect(workers('老板也是我们本地人，欠我三个月工资，一个月三千')).toBe(1);
  });
});
