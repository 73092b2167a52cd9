import { setTimeout as delay } from 'node:timers/promises';
import { createGather } from '../../queues/gather';

describe('gathering jobs that start close together', () => {
  it('when callers arrive within the window, then they are all let go together once the window from the first has passed', async () => {
    const g = createGather({ windowMs: 80, max: 100 });
    const t0 = performance.now();
    const released: number[] = [];
    const waits = [0, 10, 30].map(async (after) => {
      await delay(after);
      await g.wait();
      released.push(performance.now() - t0);
    });
    await delay(40);
    expect(g.waiting()).toBe(3);
    await Promise.all(waits);
    expect(released).toHaveLength(3);
    expect(Math.min(...released)).toBeGreaterThanOrEqual(75);
    // Released in one turn, not one by one.
    expect(Math.max(...released) - Math.min(...released)).toBeLessThan(10);
    expect(g.waiting()).toBe(0);
  });

  it('when the group is full, then it goes at once without waiting for the window', async () => {
    const g = createGather({ windowMs: 5_000, max: 4 });
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 4 }, () => g.wait()));
    expect(performance.now() - t0).toBeLessThan(100);
    // A fifth caller starts a new group and waits for its own window.
    let fifthDone = false;
    const fifth = g.wait().then(() => (fifthDone = true));
    await delay(30);
    expect(fifthDone).toBe(false);
    expect(g.waiting()).toBe(1);
    await Promise.all(Array.from({ length: 3 }, () => g.wait()));
    await fifth;
    expect(fifthDone).toBe(true);
  });

  it('when the window is 0, then nobody waits', async () => {
    const g = createGather({ windowMs: 0, max: 4 });
    const t0 = performance.now();
    await g.wait();
    expect(g.waiting()).toBe(0);
    expect(performance.now() - t0).toBeLessThan(20);
  });
});
