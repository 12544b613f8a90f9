import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeck } from '@/lib/content/deck';
import { deckCardSchema, statedFact } from '@/lib/content/deck-schema';

const CARDS = path.resolve(import.meta.dirname, '../../../content/service-mesh/cards');
const card = (back: string, source?: { title: string; url: string }) => ({
  id: 'resilience-999',
  kind: 'definition',
  front: 'A question?',
  back,
  lessonId: 'why-service-mesh',
  tags: ['resilience'],
  ...(source ? { source } : {}),
});

describe('number or version ⇒ source', () => {
  it.each([
    ['uses 0.20 vCPU per 1000 rps', '0.20 vCPU'],
    ['certificates last 24 hours', '24 hours'],
    ['removed in Istio 1.23', 'Istio 1.23'],
    ['renamed since 2.16', 'since 2.16'],
    ['up to 64× the load', '64×'],
    ['ends at 10 s', '10 s'],
    ['runs revision asm-1-19', 'asm-1'],
  ])('finds the fact in "%s"', (text, fact) => {
    expect(statedFact(text)).toBe(fact);
  });

  it.each(['three replicas', '3 replicas behind (1 + r)^d', 'linkerd2-proxy is written in Rust', 'fast 503s'])(
    'finds no fact in "%s"',
    (text) => {
      expect(statedFact(text)).toBeNull();
    },
  );

  it('rejects a card that states a number without a source, and accepts it with one', () => {
    const bare = deckCardSchema.safeParse(card('About 0.20 vCPU per 1000 rps.'));
    expect(bare.success).toBe(false);
    expect(bare.error!.issues[0]!.path).toEqual(['source']);
    expect(bare.error!.issues[0]!.message).toContain('0.20 vCPU');
    const cited = deckCardSchema.safeParse(
      card('About 0.20 vCPU per 1000 rps.', { title: 'Istio', url: 'https://istio.io/' }),
    );
    expect(cited.success).toBe(true);
    expect(deckCardSchema.safeParse(card('Retries multiply across hops.')).success).toBe(true);
  });

  it('holds for the real deck, which has at least 200 cards', async () => {
    const { deck, problems } = await readDeck(CARDS);
    expect(problems).toEqual([]);
    expect(deck!.cards.length).toBeGreaterThanOrEqual(200);
    for (const c of deck!.cards) if (statedFact(`${c.front} ${c.back}`)) expect(c.source, c.id).toBeDefined();
  });
});
