import { mapLimit } from '../../discovery/pool';

describe('mapLimit', () => {
  it('runs at most `limit` at a time and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const work = async (n: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return n * 10;
    };
    const all = mapLimit([1, 2, 3, 4, 5, 6, 7], 3, work);
    // Let the workers start, then release one waiting call at a time.
    for (let i = 0; i < 7; i++) {
      await new Promise((r) => setImmediate(r));
      release.shift()?.();
    }
    expect(await all).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('handles no items', async () => {
    expect(await mapLimit([], 8, async () => 1)).toEqual([]);
  });
});
