/** Site footer. */
export function SiteFooter() {
  return (
    <footer className="border-t border-border bg-surface">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted sm:px-6">
        Mesh Dojo — a self-hostable practice platform for service mesh design. Numbers in lessons
        and the simulator cite their public sources.
      </div>
    </footer>
  );
}
