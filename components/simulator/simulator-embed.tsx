import { getSimulatorPreset } from '@/lib/content/simulator-presets';
import { LoadWhenNear } from './load-when-near';
import { SimulatorLazy } from './simulator-lazy';

/**
 * A simulator preset embedded in a lesson or scenario (server component). The interactive
 * bundle loads lazily on the client, so pages without an embed ship none of it.
 */
export async function SimulatorEmbed({ presetId }: { presetId: string }) {
  const preset = await getSimulatorPreset(presetId);
  if (!preset) {
    return (
      <p className="card text-danger" role="alert">
        Unknown simulator preset “{presetId}”.
      </p>
    );
  }
  return (
    <section aria-labelledby={`sim-embed-${preset.id}`} className="space-y-3">
      <h2 id={`sim-embed-${preset.id}`} className="text-xl">
        Simulator: {preset.title}
      </h2>
      <p className="text-muted">{preset.description}</p>
      <details>
        <summary className="cursor-pointer">What to observe</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {preset.observe.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </details>
      <LoadWhenNear
        minHeight="24rem"
        placeholder={
          <p className="card" role="status">
            The simulator loads when you scroll here.
          </p>
        }
      >
        <SimulatorLazy
          embedded
          preset={{
            id: preset.id,
            title: preset.title,
            description: preset.description,
            observe: preset.observe,
          }}
          run={{
            config: preset.config,
            seed: preset.seed,
            script: preset.intents.map((intent) => ({ at: 0, intent })),
            steps: 0,
            presetId: preset.id,
          }}
        />
      </LoadWhenNear>
    </section>
  );
}
