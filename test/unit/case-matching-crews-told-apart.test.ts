import { compareSignals } from '../../src/domain/case-matching';
import { joins, signalsReader } from '../support/signals';

const read = signalsReader('2026-12-05T10:00:00+08:00');

describe('case matching: one crew told by each member in their own words', () => {
  it('when an estate is called by the township’s short name (漳江府二期), then it is one site, however it is told', () => {
    const written = read('你好，我们是漳江府二期做木工的，盛宏建设的工地。班组14个人，7月到10月的人工费一分都冇结', {
      project: '漳江府二期',
      area: '漳江街道',
    });
    expect(written.projectKeys).toContain('漳江府');
    const called = read('坐席：在哪里做的事？\n来电人：就是县城漳江街道那个漳江府，二期，我们是支模板的，带我们做的是个姓覃的包工头', {
      project: '漳江府',
      area: '漳江街道',
    });
    expect(compareSignals(called, written).reasons).toContain('同一工地');
    // (the township's government is no estate)
    expect(read('漳江街道办政府门口').projectKeys).not.toContain('漳江府');
  });

  it('when the boss is called by his surname and his place among brothers (覃老四带我们做的), then his surname counts', () => {
    expect(read('覃老四带我们做的那个活，漳江那个楼盘，四个月工钱冇拿到').bosses).toEqual(['覃']);
    expect(read('在县城新楼盘帮覃老四支模，一天350').bosses).toEqual(['覃']);
    // (养老三险 and 元老 are no nicknames)
    expect(read('厂里冇给我们买养老三险').bosses).toEqual([]);
  });

  it('when the caller gives their own surname in answer to 您贵姓, then it is not the boss’s, and 姓什么 names no one', () => {
    const call = read(
      '坐席：带你们的是谁？\n来电人：姓覃的包工头。\n坐席：好的，您贵姓，电话就是这个来电号码吗？\n来电人：姓向，就是这个号码。',
    );
    expect(call.bosses).toEqual(['覃']);
    expect(read('坐席：老板姓什么？\n来电人：姓向。').bosses).toEqual(['向']);
  });

  it('when one side names only a new estate (那个新楼盘), then that says nothing against the case’s named estate', () => {
    const k = read('漳江府二期木工班组，班组长覃建军，7月到10月的人工费冇结', { project: '漳江府二期', area: '漳江街道' });
    const c = read('覃老四带我们做的那个活，漳江那个楼盘，四个月工钱冇拿到', { area: '漳江街道' });
    const e = compareSignals(c, k);
    expect(e.score).toBeGreaterThan(0);
    expect(e.reasons).toEqual(expect.arrayContaining(['老板同姓', '同一乡镇']));
    expect(joins(c, k)).toBe(false); // a surname and a township alone are not enough to merge
  });
});
