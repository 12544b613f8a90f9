import Link from '@/components/ui/app-link';

/** Link from a lesson's embedded preset to the full simulator page. */
export function SimulatorLink({ presetId }: { presetId: string }) {
  return (
    <p className="text-sm">
      <Link href={`/simulator?preset=${encodeURIComponent(presetId)}`}>
        Open this preset in the full simulator
      </Link>
    </p>
  );
}
