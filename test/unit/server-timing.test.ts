import { formatServerTiming, parseServerTiming } from '../../src/http/server-timing';

describe('Server-Timing header', () => {
  it('when intake steps are formatted and read back, then each step keeps its duration to 0.01 ms', () => {
    const header = formatServerTiming({ note: 0.214, store: 12.5, queue: 0 });
    expect(header).toBe('note;dur=0.21, store;dur=12.50, queue;dur=0.00');
    expect(parseServerTiming(header)).toEqual({ note: 0.21, store: 12.5, queue: 0 });
  });

  it('when a step has no usable name or duration, then it is left out rather than written malformed', () => {
    expect(formatServerTiming({ 'bad name': 1, 'x;y': 2, nan: Number.NaN, neg: -1, ok: 3 })).toBe('ok;dur=3.00');
    expect(formatServerTiming({})).toBe('');
  });

  it('when a header holds descriptions, unknown parameters or junk, then only the named durations are read', () => {
    expect(parseServerTiming('db;desc="Store";dur=4.2, cache;desc=hit, ;dur=3, total;dur=abc, edge;dur=1')).toEqual({ db: 4.2, edge: 1 });
    expect(parseServerTiming(['a;dur=1', 'b;dur=2'])).toEqual({ a: 1, b: 2 });
    expect(parseServerTiming('')).toBeNull();
    expect(parseServerTiming(undefined)).toBeNull();
    expect(parseServerTiming('cache;desc=hit')).toBeNull();
  });
});
