/** Share links stay compact and replay the same config. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRun, encodeRun } from '@/components/simulator/share-url';
import { readPresetDir } from '@/lib/content/simulator-preset-pack';
import { compactConfig, simConfigSchema } from '@/lib/sim/config';

describe('compact share URLs', () => {
  it('every preset round-trips through compactConfig and its link is under 800 characters', async () => {
    const { presets } = await readPresetDir(path.join(process.cwd(), 'content/simulator/presets'));
    expect(presets.length).toBe(10);
    for (const p of presets) {
      expect(simConfigSchema.parse(compactConfig(p.config))).toEqual(p.config);
      const script = p.intents.map((intent) => ({ at: 0, intent }));
      const params = encodeRun({
        config: p.config,
        seed: p.seed,
        script,
        steps: 4,
        presetId: p.id,
      });
      const plain = JSON.stringify({ c: p.config, i: script }).length;
      expect(params.get('r')!.length).toBeLessThan(plain / 2);
      expect(params.toString().length).toBeLessThan(800);
      const back = decodeRun(Object.fromEntries(params));
      expect(back && 'run' in back && back.run.config).toEqual(p.config);
    }
  });
});

describe('damaged links', () => {
  it('are reported, not thrown', () => {
    expect(decodeRun({ r: 'garbage!!' })).toEqual({
      error: 'The shared link is damaged (cannot unpack it).',
    });
    expect(decodeRun({})).toBeNull();
  });
});
