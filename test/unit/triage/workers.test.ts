import { extractWorkerCount } from '../../../src/triage/rules/workers';

describe('worker_count', () => {
  it.each([
    ['我们二十多个人的工资都冇发', 20],
    ['整个班组三十来人，都冇拿到钱', 30],
    ['十几个工友的工钱都欠着', 10],
    ['我们7个师傅在工地做了半年', 7],
    ['我们4个本地老乡被欠了工资', 4],
  ])('when the text says "%s", then the count is %d', (text, count) => {
    expect(extractWorkerCount(text)).toBe(count);
  });

  it('when the speaker and a spouse are owed, then the count is 2', () => {
    expect(extractWorkerCount('我和我老公在饭店做事，老板欠我们工资')).toBe(2);
  });

  it('when a group is named without a number, then the count is unknown', () => {
    expect(extractWorkerCount('我们班组的工钱老板一直拖着')).toBeNull();
  });

  it('when the speaker speaks only for themselves, then the count is 1', () => {
    expect(extractWorkerCount('老板欠我三个月工资')).toBe(1);
    expect(extractWorkerCount('帮我爸反映一下，老板欠他工钱')).toBe(1);
  });

  it('when the speaker says it is only them, then the count is 1 even after 我们', () => {
    expect(extractWorkerCount('我们那里就我一个被欠了工资')).toBe(1);
  });
});

describe('worker_count, less literal wordings', () => {
  it('when others besides the speaker are counted, then the speaker is added', () => {
    expect(extractWorkerCount('我们一起的还有4个人，在工地做了两个月，老板一分冇给')).toBe(5);
  });

  it('when a count follows 我们 with no noun, then it is the head count', () => {
    expect(extractWorkerCount('我们四个在小区搞装修，一人一万')).toBe(4);
  });

  it('when a whole workshop is meant without a number, then the count is unknown', () => {
    expect(extractWorkerCount('厂里三个月冇发工资了，车间的人都讲要去上访')).toBeNull();
  });
});
