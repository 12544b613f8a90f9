import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeck, deckChecker } from '@/lib/content/deck';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

describe('deck loader', () => {
  it('loads and orders the fixture deck by lesson order', async () => {
    const { deck, problems } = await readDeck(path.join(FIXTURES, 'cards'));
    expect(problems).toEqual([]);
    expect(deck!.cards).toHaveLength(6);
    // mtls-003 links to lesson 1 (why-service-mesh), so it is introduced first.
    expect(deck!.cards[0]!.id).toBe('mtls-003');
    expect(deck!.cards.map((c) => c.lessonId.length > 0)).not.toContain(false);
    expect(deck!.byId.get('resilience-002')?.competency).toBe('resilience');
  });

  it('names the file and field of every problem', async () => {
    const { deck, problems } = await readDeck(path.join(FIXTURES, 'cards-invalid'));
    expect(deck).toBeNull();
    const file = 'tests/fixtures/cards-invalid/mtls.json';
    expect(problems).toContain(`${file}: cards[0].source: is required when kind is "number"`);
    expect(
      problems.some((p) =>
        p.startsWith('tests/fixtures/cards-invalid/rollout.json: cards[0].lessonId:'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith(`${file}: cards[1].id:`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${file}: cards[1].tags[0]:`))).toBe(true);
  });

  it('reports a missing deck directory', async () => {
    const { deck, problems } = await readDeck(path.join(FIXTURES, 'no-such-dir'));
    expect(deck).toBeNull();
    expect(problems[0]).toMatch(/deck directory is missing/);
  });

  it('validates the authored deck through the content:check entry', async () => {
    const result = await deckChecker.check(path.resolve(import.meta.dirname, '../../../content'));
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatch(/^\d+ cards/);
  });
});
