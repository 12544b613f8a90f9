import { describe, expect, it } from 'vitest';
import {
  COMPETENCY_LABELS,
  competencyLabel,
  difficultyLabel,
  humanize,
  presetLabel,
  scenarioKindLabel,
} from '@/lib/content/labels';
import { COMPETENCY_TAGS } from '@/lib/content/schemas';
import { SCENARIO_KINDS } from '@/lib/content/scenario-schema';
import { PRESET_IDS } from '@/lib/sim/preset-ids';

describe('labels', () => {
  it('gives every competency, kind and preset a label that is not its slug', () => {
    for (const tag of COMPETENCY_TAGS) expect(competencyLabel(tag)).not.toBe(tag);
    for (const kind of SCENARIO_KINDS) expect(scenarioKindLabel(kind)).toMatch(/^[A-Z]/);
    for (const id of PRESET_IDS) expect(presetLabel(id)).not.toContain('-');
    expect(competencyLabel('adoption-cost')).toBe('Adoption cost');
    expect(Object.keys(COMPETENCY_LABELS).sort()).toEqual([...COMPETENCY_TAGS].sort());
  });

  it('falls back to a humanized slug for unknown ids and never reads inherited keys', () => {
    expect(competencyLabel('brand-new-tag')).toBe('Brand new tag');
    expect(competencyLabel('toString')).toBe('ToString');
    expect(humanize('a_b-c')).toBe('A b c');
    expect(difficultyLabel(3)).toBe('Senior');
    expect(difficultyLabel(9)).toBe('9');
  });
});
