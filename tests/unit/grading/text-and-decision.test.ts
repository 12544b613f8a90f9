import { describe, expect, it } from 'vitest';
import { pairwiseAgreement, scoreNumber, scoreOrder } from '@/lib/grading/decision';
import { compilePhrases, findOccurrences } from '@/lib/grading/match';
import { analyzeText, stemWord } from '@/lib/grading/text';

describe('stemWord', () => {
  it.each([
    ['retries', 'retry'],
    ['retried', 'retry'],
    ['retrying', 'retry'],
    ['breakers', 'breaker'],
    ['meshes', 'mesh'],
    ['policies', 'policy'],
    ['services', stemWord('service')],
    ['enabled', stemWord('enable')],
    ['status', 'status'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

describe('phrase matching', () => {
  const occurrences = (text: string, phrases: string[]) =>
    findOccurrences(analyzeText(text), compilePhrases(phrases));

  it('matches across determiners, hyphens, joined spellings and case', () => {
    expect(occurrences('Limit THE blast-radius.', ['limit blast radius'])[0]?.text).toBe(
      'Limit THE blast-radius',
    );
    expect(occurrences('Use time-outs everywhere.', ['timeouts'])[0]?.text).toBe('time-outs');
    expect(occurrences('Side car overhead', ['sidecar'])[0]?.text).toBe('Side car');
    expect(occurrences('a sidecar', ['side car'])[0]?.text).toBe('sidecar');
  });

  it('does not match across sentences', () => {
    expect(occurrences('We need a blast. Radius is small.', ['blast radius'])).toEqual([]);
  });

  it('keeps digit groups and multipliers as one token', () => {
    expect(occurrences('about 1,800 rps', ['1,800 rps'])).toHaveLength(1);
    expect(occurrences('load goes up 9 × on the leaf', ['9x'])).toHaveLength(1);
  });

  it('marks only the negated clause', () => {
    const found = occurrences('No mTLS, but authorization is in place.', ['mtls', 'authorization']);
    expect(found.map((o) => [o.text, o.negated])).toEqual([
      ['mTLS', true],
      ['authorization', false],
    ]);
  });
});

describe('pairwiseAgreement (Kendall)', () => {
  const expected = ['a', 'b', 'c', 'd', 'e'];
  it('is 1 for the same order, 0 for the reverse, 0.9 for one adjacent swap', () => {
    expect(pairwiseAgreement(expected, expected)).toBe(1);
    expect(pairwiseAgreement(expected, [...expected].reverse())).toBe(0);
    expect(pairwiseAgreement(expected, ['b', 'a', 'c', 'd', 'e'])).toBeCloseTo(0.9, 10);
  });

  it('caps an order with τ < 0.5 as wrong and gives partial credit above', () => {
    const spec = {
      type: 'order' as const,
      items: expected.map((id) => ({ id, label: id.toUpperCase() })),
      correct: expected,
    };
    expect(scoreOrder(spec, ['b', 'a', 'c', 'd', 'e'], '')).toMatchObject({
      correct: false,
      isWrong: false,
      credit: 0.8,
    });
    expect(scoreOrder(spec, ['c', 'b', 'a', 'e', 'd'], '')).toMatchObject({ isWrong: true });
    expect(scoreOrder(spec, ['e', 'a', 'b', 'c', 'd'], '').feedback).toContain(
      '"A" belongs at step 1',
    );
  });
});

describe('scoreNumber (relative tolerance)', () => {
  const spec = { type: 'number' as const, unit: 'vCPU', correct: 20, tolerance: 0.2 };
  it.each([
    [20, 1, false],
    [24, 1, false],
    [16, 1, false],
    [27, 0.5, false],
    [12, 0.5, false],
    [30, 0, true],
    [-20, 0, true],
  ])('%d vCPU → credit %d, wrong %s', (given, credit, isWrong) => {
    expect(scoreNumber(spec, given, '')).toMatchObject({ credit, isWrong });
  });
});
