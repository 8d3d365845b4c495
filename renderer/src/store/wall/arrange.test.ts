import { describe, expect, it } from 'vitest';
import { arrangeTiles, clampPage, pageCount, pageOfTile, pageTiles, swapTiles } from './arrange';

const cameras = ['a', 'b', 'c', 'd', 'e'];

describe('wall arrangement', () => {
  it('puts the arranged cameras first and every other camera after them, in server order', () => {
    expect(arrangeTiles(cameras, ['d', 'b'], null)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });

  it('skips cameras that no longer exist and ids listed twice', () => {
    expect(arrangeTiles(cameras, ['gone', 'c', 'c', 'a'], null)).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('shows only the members of a group, in the arranged order, then in group order', () => {
    expect(arrangeTiles(cameras, ['e', 'a'], ['b', 'a', 'gone'])).toEqual(['a', 'b']);
    expect(arrangeTiles(cameras, [], [])).toEqual([]);
  });

  it('swaps two tiles and ignores unknown ones', () => {
    expect(swapTiles(['a', 'b', 'c'], 'a', 'c')).toEqual(['c', 'b', 'a']);
    expect(swapTiles(['a', 'b', 'c'], 'a', 'zzz')).toEqual(['a', 'b', 'c']);
  });

  it('pages fixed grids and keeps the automatic grid on one page', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `cam-${i}`);
    expect(pageCount(4, ids.length)).toBe(3);
    expect(pageTiles(ids, 4, 2)).toEqual(['cam-8', 'cam-9']);
    expect(pageTiles(ids, 4, 7)).toEqual(['cam-8', 'cam-9']);
    expect(pageCount('auto', ids.length)).toBe(1);
    expect(pageTiles(ids, 'auto', 0)).toHaveLength(10);
    expect(pageCount(9, 0)).toBe(1);
    expect(clampPage(-3, 16, 40)).toBe(0);
    expect(pageOfTile(ids, 4, 'cam-5')).toBe(1);
    expect(pageOfTile(ids, 4, 'nope')).toBe(0);
  });
});
