/** Where a heading was at its latest intersection observation. */
export interface HeadingPosition {
  /** In the observed band of the viewport. */
  visible: boolean;
  /** Scrolled past: entirely above the viewport. */
  above: boolean;
}

/**
 * The heading a reader is in, for the table of contents' marker: the first heading (in document
 * order) inside the observed band, or else the last one scrolled past. `undefined` before the
 * first heading. Works from observation records only, so the caller never has to ask the DOM for
 * positions (which would force layout of content the browser skipped).
 */
export function currentHeading(
  order: readonly string[],
  positions: ReadonlyMap<string, HeadingPosition>,
): string | undefined {
  const onScreen = order.find((id) => positions.get(id)?.visible);
  if (onScreen !== undefined) return onScreen;
  let passed: string | undefined;
  for (const id of order) if (positions.get(id)?.above) passed = id;
  return passed;
}
