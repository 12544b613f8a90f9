import { describe, expect, it } from 'vitest';
import { currentHeading, type HeadingPosition } from '@/lib/content/current-heading';

const at = (entries: Record<string, HeadingPosition>) => new Map(Object.entries(entries));
const order = ['intro', 'retries', 'budgets', 'breakers'];

describe('currentHeading', () => {
  it('is the first heading in the observed band, in document order', () => {
    const positions = at({
      intro: { visible: false, above: true },
      budgets: { visible: true, above: false },
      retries: { visible: true, above: false },
    });
    expect(currentHeading(order, positions)).toBe('retries');
  });

  it('is the last heading scrolled past when none is on screen', () => {
    const positions = at({
      intro: { visible: false, above: true },
      retries: { visible: false, above: true },
      budgets: { visible: false, above: false },
      breakers: { visible: false, above: false },
    });
    expect(currentHeading(order, positions)).toBe('retries');
  });

  it('is undefined above the first heading and for headings never observed', () => {
    expect(currentHeading(order, at({ intro: { visible: false, above: false } }))).toBeUndefined();
    expect(currentHeading(order, new Map())).toBeUndefined();
  });

  it('ignores observations of ids that are not headings of the page', () => {
    expect(currentHeading(order, at({ stray: { visible: true, above: false } }))).toBeUndefined();
  });
});
