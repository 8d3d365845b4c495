import { describe, expect, it } from 'vitest';
import { layoutFixedGrid, layoutWall } from './wallLayout';

const screen = { width: 1600, height: 800, gap: 12, captionHeight: 40, minTileWidth: 280 };

describe('wall layout', () => {
  it('gives a single camera the whole wall', () => {
    const layout = layoutWall({ ...screen, count: 1 });
    expect(layout.columns).toBe(1);
    expect(layout.fits).toBe(true);
  });

  it('puts four cameras in a 2 × 2 grid on a landscape screen', () => {
    expect(layoutWall({ ...screen, count: 4 }).columns).toBe(2);
  });

  it('keeps every tile on screen as long as tiles stay above the minimum width', () => {
    for (let count = 1; count <= 12; count += 1) {
      const layout = layoutWall({ ...screen, count });
      const rows = Math.ceil(count / layout.columns);
      const tileHeight = (layout.tileWidth * 9) / 16 + screen.captionHeight;
      expect(layout.fits).toBe(true);
      expect(layout.columns * layout.tileWidth + (layout.columns - 1) * screen.gap).toBeLessThanOrEqual(screen.width);
      expect(rows * tileHeight + (rows - 1) * screen.gap).toBeLessThanOrEqual(screen.height);
      expect(layout.tileWidth).toBeGreaterThanOrEqual(screen.minTileWidth);
    }
  });

  it('fills the width and scrolls when too many cameras to fit', () => {
    const layout = layoutWall({ ...screen, count: 60 });
    expect(layout.fits).toBe(false);
    expect(layout.columns).toBe(5);
    expect(layout.tileWidth).toBeGreaterThanOrEqual(screen.minTileWidth);
  });

  it('falls back to one column on a narrow window', () => {
    const layout = layoutWall({ ...screen, width: 300, count: 4 });
    expect(layout.columns).toBe(1);
  });
});

describe('fixed grid layout', () => {
  it('fits every tile of a 3 × 3 grid on screen', () => {
    const layout = layoutFixedGrid({ columns: 3, width: 1600, height: 800, gap: 12, captionHeight: 40 });
    const tileHeight = (layout.tileWidth * 9) / 16 + 40;
    expect(layout.columns).toBe(3);
    expect(3 * tileHeight + 2 * 12).toBeLessThanOrEqual(800);
    expect(3 * layout.tileWidth + 2 * 12).toBeLessThanOrEqual(1600);
  });

  it('gives a single tile the largest 16:9 box that fits', () => {
    const layout = layoutFixedGrid({ columns: 1, width: 1600, height: 800, gap: 12, captionHeight: 40 });
    expect(layout.tileWidth).toBe(Math.floor((800 - 40) * (16 / 9)));
  });
});
