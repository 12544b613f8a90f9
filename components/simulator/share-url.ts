import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { z } from 'zod';
import { compactConfig, simConfigSchema } from '@/lib/sim/config';
import type { SimConfig } from '@/lib/sim/config';
import { intentSchema } from '@/lib/sim/intents';
import type { ScriptEntry } from './sim-host';

// A shareable run is (config, seed, script of intents with the step they were queued at,
// number of steps taken). It lives in the query string as base64url JSON and is validated
// with zod on load, so a hand-edited link can never feed the engine an invalid config.

/** A run that can be replayed exactly. */
export type SharedRun = {
  config: SimConfig;
  seed: number;
  script: ScriptEntry[];
  steps: number;
  presetId: string | null;
};

const scriptSchema = z
  .array(z.object({ at: z.number().int().min(0).max(10_000), intent: intentSchema }))
  .max(100);

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Query-string parameters for a run: `r` (config without its defaults plus the script as
 * [step, intent] pairs, LZ-compressed), `seed`, `steps`, optional `preset`. Older links with
 * `c` and `i` (base64url JSON) still decode.
 */
export function encodeRun(run: SharedRun): URLSearchParams {
  const params = new URLSearchParams();
  if (run.presetId) params.set('preset', run.presetId);
  const packed = { c: compactConfig(run.config), i: run.script.map((e) => [e.at, e.intent]) };
  params.set('r', compressToEncodedURIComponent(JSON.stringify(packed)));
  params.set('seed', String(run.seed));
  params.set('steps', String(run.steps));
  return params;
}

const packedSchema = z.object({
  c: z.unknown(),
  i: z.array(z.tuple([z.number(), z.unknown()])).max(100),
});

/** Unpacks `r` into the legacy (config JSON, script JSON) pair; null when damaged. */
function unpack(r: string): { config: unknown; script: unknown } | null {
  const text = r.length <= 20_000 ? decompressFromEncodedURIComponent(r) : null;
  if (!text) return null;
  const parsed = packedSchema.safeParse(JSON.parse(text));
  if (!parsed.success) return null;
  return {
    config: parsed.data.c,
    script: parsed.data.i.map(([at, intent]) => ({ at, intent })),
  };
}

/** Parses a shared run from query parameters; returns an error message for a bad link, null when absent. */
export function decodeRun(
  params: Record<string, string | string[] | undefined>,
): { run: SharedRun } | { error: string } | null {
  const one = (k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const c = one('c');
  const r = one('r');
  if (!c && !r) return null;
  try {
    const packed = r ? unpack(r) : null;
    if (r && !packed) return { error: 'The shared link is damaged (cannot unpack it).' };
    const config = simConfigSchema.safeParse(
      packed ? packed.config : JSON.parse(fromBase64Url(c!)),
    );
    if (!config.success)
      return {
        error: `The shared config is invalid: ${config.error.issues[0]?.path.join('.')}: ${config.error.issues[0]?.message}`,
      };
    const rawScript = one('i');
    const script = scriptSchema.safeParse(
      packed ? packed.script : rawScript ? JSON.parse(fromBase64Url(rawScript)) : [],
    );
    if (!script.success) return { error: 'The shared intents are invalid.' };
    const seed = z.coerce
      .number()
      .int()
      .min(0)
      .max(4294967295)
      .safeParse(one('seed') ?? '1');
    const steps = z.coerce
      .number()
      .int()
      .min(0)
      .max(500)
      .safeParse(one('steps') ?? '0');
    if (!seed.success || !steps.success)
      return { error: 'The shared seed or step count is invalid.' };
    return {
      run: {
        config: config.data,
        seed: seed.data,
        script: script.data,
        steps: steps.data,
        presetId: one('preset') ?? null,
      },
    };
  } catch {
    return { error: 'The shared link is damaged (not valid base64 JSON).' };
  }
}
