import { redisKeySpace } from '../../src/redis/key-space';

/** The part of a key Redis hashes to pick its slot: the first {…} with something in it, else the whole key. */
function hashed(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('Redis key names', () => {
  it('when hash tags are off, then every key is named as on one Redis', () => {
    const k = redisKeySpace('wa', false);
    expect(k.queues).toBe('wa');
    expect(k.group('dedup')).toBe('wa');
    expect(`${k.prefix}:contact-line:${k.entity('ab12')}:due`).toBe('wa:contact-line:ab12:due');
  });

  it('when hash tags are on, then the keys of one group or one entity hash alike, and different groups apart', () => {
    const k = redisKeySpace('wa', true);
    expect(k.queues).toBe('{wa}');
    expect(hashed(`${k.queues}:triage:wait`)).toBe(hashed(`${k.queues}:triage:triage-1`));
    expect(hashed(`${k.group('dedup')}:case-index:v3:name:ab`)).toBe(hashed(`${k.group('dedup')}:case-index:v3:case:1`));
    expect(hashed(`${k.group('intake')}:complaints-pending`)).toBe(hashed(`${k.group('intake')}:hotline:seen:f00d`));
    expect(hashed(k.group('dedup'))).not.toBe(hashed(k.group('locks')));
    expect(hashed(`${k.prefix}:import:${k.entity('u1')}`)).toBe(hashed(`${k.prefix}:import:${k.entity('u1')}:rows`));
    expect(hashed(`${k.prefix}:import:${k.entity('u1')}`)).not.toBe(hashed(`${k.prefix}:import:${k.entity('u2')}`));
  });
});
