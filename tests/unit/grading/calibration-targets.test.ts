import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  currentPrediction,
  metrics,
  type CalibrationItem,
  type Graded,
} from '@/scripts/grader-calibration';

const item = (id: string, handScore: number, shape = 'good'): CalibrationItem => ({
  id,
  scenarioId: 's',
  kind: 'justify',
  decision: 'a',
  justification: '',
  handScore,
  reason: '',
  shape,
  split: 'tune',
});
const graded = (pairs: Array<[number, number]>, shape = 'good'): Graded[] =>
  pairs.map(([hand, score], i) => ({ item: item(`i${i}`, hand, shape), score, ms: 0 }));

describe('grader:eval targets', () => {
  it('fails the shape target on a shape whose MAD exceeds 15 even when its bias is 0', () => {
    // Half 20 too high, half 20 too low: bias 0, MAD 20.
    const swinging = graded(
      [
        [50, 70],
        [50, 30],
        [60, 80],
        [60, 40],
      ],
      'reversed-point',
    );
    const m = metrics(swinging);
    expect(Math.abs(m.meanSigned)).toBeLessThan(1e-9);
    expect(m.mad).toBe(20);
    const shapeCheck = checkTargets(m, new Map([['reversed-point', m]]))[3];
    expect(shapeCheck?.ok).toBe(false);
    expect(shapeCheck?.name).toContain('reversed-point');
  });

  it('passes the shape target when every shape MAD is at most 15', () => {
    const close = graded([
      [10, 20],
      [50, 40],
      [90, 85],
    ]);
    const m = metrics(close);
    const checks = checkTargets(m, new Map([['good', m]]));
    expect(checks.map((check) => check.ok)).toEqual([true, true, true, true]);
  });

  it('fails the overall targets when they are missed', () => {
    const far = graded([
      [10, 90],
      [50, 10],
      [90, 20],
    ]);
    const m = metrics(far);
    expect(
      checkTargets(m, new Map())
        .slice(0, 3)
        .map((check) => check.ok),
    ).toEqual([false, false, false]);
  });

  it('maps prediction ids renamed after the set was written, keeping others', () => {
    const canary = { ...item('c', 80), scenarioId: 'diagnose-canary-v2-errors', prediction: 'p14' };
    expect(currentPrediction(canary)).toBe('p3');
    expect(currentPrediction({ ...canary, scenarioId: 'other' })).toBe('p14');
    expect(currentPrediction(item('n', 1))).toBeUndefined();
  });
});
