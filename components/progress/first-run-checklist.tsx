import Link from '@/components/ui/app-link';
import type { ChecklistStep } from '@/lib/progress/checklist';

/** The first-run checklist card; hidden once every step is done. */
export function FirstRunChecklist({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((step) => step.isDone).length;
  if (done === steps.length) return null;
  return (
    <section aria-labelledby="first-run-heading" className="card space-y-3" data-testid="first-run">
      <h2 id="first-run-heading" className="text-xl">
        Your first steps
      </h2>
      <p className="text-sm text-muted">
        {done} of {steps.length} done
      </p>
      <ol className="space-y-2">
        {steps.map((step) => (
          <li key={step.id} className="flex items-start gap-3" data-testid={`first-run-${step.id}`}>
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-sm font-bold ${
                step.isDone ? 'border-success text-success' : 'border-border text-muted'
              }`}
            >
              {step.isDone ? '✓' : ''}
            </span>
            <span>
              {step.isDone ? (
                <span className="text-muted line-through">{step.label}</span>
              ) : (
                <Link href={step.href}>{step.label}</Link>
              )}
              <span className="sr-only">{step.isDone ? ' (done)' : ' (to do)'}</span>
              {step.progress && !step.isDone ? (
                <span className="ml-2 text-sm text-muted">{step.progress}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
