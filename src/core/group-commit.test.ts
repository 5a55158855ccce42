import { describe, expect, it } from 'vitest';
import { GroupCommit, type Settled } from './group-commit.js';

/** A writer that records its batches, refuses odd numbers on their own, and breaks any batch holding a 13. */
function recorder() {
  const batches: number[][] = [];
  const write = async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    if (items.includes(13) && items.length > 1) throw new Error('the batch statement failed');
    return items.map((n) => (n % 2 ? { ok: false, error: new Error(`odd ${n}`) } : { ok: true, value: n * 10 }));
  };
  return { batches, write };
}

describe('GroupCommit', () => {
  it('writes what arrives together as one batch, and answers each item its own', async () => {
    const r = recorder();
    const g = new GroupCommit(r.write, 1);
    const answers = await Promise.allSettled([2, 3, 4].map((n) => g.submit(n)));
    expect(r.batches).toEqual([[2, 3, 4]]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      20,
      'odd 3',
      40,
    ]);
  });

  it('holds what arrives during a write for the next batch, never more in flight than allowed', async () => {
    const r = recorder();
    const g = new GroupCommit(r.write, 1, 2);
    const all = [2, 4, 6, 8, 10].map((n) => g.submit(n));
    await Promise.all(all);
    expect(r.batches).toEqual([[2, 4], [6, 8], [10]]);
  });

  it('writes each item alone when a batch fails, so one item cannot fail the others', async () => {
    const r = recorder();
    const g = new GroupCommit(r.write, 1);
    const answers = await Promise.allSettled([2, 13, 4].map((n) => g.submit(n)));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(r.batches).toEqual([[2, 13, 4], [2], [13], [4]]);
  });

  it('with a linger, a burst arriving over a few milliseconds goes out as one batch', async () => {
    const r = recorder();
    const g = new GroupCommit(r.write, 1, 64, 20);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const all: Promise<number>[] = [];
    for (const n of [2, 4, 6]) {
      all.push(g.submit(n));
      await pause(2);
    }
    await Promise.all(all);
    expect(r.batches).toEqual([[2, 4, 6]]);
    // Without it, the first item goes alone on the next turn of the event loop.
    const plain = recorder();
    const h = new GroupCommit(plain.write, 1);
    const more: Promise<number>[] = [];
    for (const n of [2, 4, 6]) {
      more.push(h.submit(n));
      await pause(2);
    }
    await Promise.all(more);
    expect(plain.batches[0]).toEqual([2]);
  });
});
